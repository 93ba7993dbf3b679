/** `/demandes`: the follow-ups I am asked for, my alerts waiting for an answer, my cases, the requests I posted — all from the device, offline too. */
import { A } from '@solidjs/router';
import { createSignal, For, Show, type Accessor } from 'solid-js';
import { followUpAsked } from '../domain/requests/follow-up';
import type { SessionUser } from '../domain/session/user';
import * as fr from '../i18n/fr';
import { useSession } from '../session/session';
import { createNow } from './clock';
import { NotificationsButton } from './NotificationsButton';
import type { AnswerOutcome } from './lists';
import { createRequestLists, type RequestEntry } from './queries';
import { RequestItem } from './RequestItem';
import './requests.css';

const t = fr.requests;

export default function RequestsPage() {
  const session = useSession();
  const lists = createRequestLists(() => session.user()?.memberId);
  const now = createNow();
  // My resolved cases whose follow-up is asked now.
  const followUps = () => lists.mine().filter((r) => followUpAsked(r, lists.messages(), now()));
  return (
    <section class="stack requests" aria-labelledby="requests-title">
      <div class="requests__head">
        <h1 id="requests-title" class="page-title">
          {t.title}
        </h1>
        <A href="/demandes/nouvelle" class="action" data-testid="request-new">
          {t.new}
        </A>
      </div>
      <NotificationsButton />
      <Show when={lists.loaded()} fallback={<p class="muted">{t.loading}</p>}>
        <Show when={followUps().length > 0}>
          <Section title={t.followUp.listTitle} none="" items={followUps()} now={now} testid="follow-up-item" />
        </Show>
        <Section title={t.alertsTitle} none={t.alertsNone} items={lists.alerts()} now={now} testid="alert-item" acceptAs={session.user() ?? undefined} />
        <Section title={t.casesTitle} none={t.casesNone} items={lists.cases()} now={now} testid="case-item" />
        <Show when={lists.answers().length > 0}>
          <Section title={t.answersTitle} none="" items={lists.answers().map((a) => a.request)} now={now} testid="answer-item" outcomeOf={(id) => lists.answers().find((a) => a.request.id === id)?.outcome} />
        </Show>
        <Section title={t.mineTitle} none={t.mineNone} items={lists.mine()} now={now} testid="my-request-item" />
      </Show>
    </section>
  );
}

const outcomeLabel = (outcome: AnswerOutcome | null | undefined) => (outcome ? t.outcomes[outcome] : undefined);

/** Open requests come first; a year of closed ones stays behind « Voir plus ». */
const PAGE = 30;

function Section(props: { title: string; none: string; items: RequestEntry[]; now: Accessor<number>; testid: string; acceptAs?: SessionUser; outcomeOf?(id: string): AnswerOutcome | null | undefined }) {
  const [shown, setShown] = createSignal(PAGE);
  return (
    <section class="requests__section" data-testid={`${props.testid}s`}>
      <h2 class="panel__title">
        {props.title} <span class="muted">({props.items.length})</span>
      </h2>
      <Show when={props.items.length > 0} fallback={<p class="muted">{props.none}</p>}>
        <ul class="cards cards--single">
          <For each={props.items.slice(0, shown())}>{(request) => <RequestItem request={request} now={props.now} testid={props.testid} acceptAs={props.acceptAs} outcome={outcomeLabel(props.outcomeOf?.(request.id))} />}</For>
        </ul>
        <Show when={props.items.length > shown()}>
          <button type="button" class="button button--secondary more" onClick={() => setShown((n) => n + PAGE)}>
            {fr.directory.more}
          </button>
        </Show>
      </Show>
    </section>
  );
}
