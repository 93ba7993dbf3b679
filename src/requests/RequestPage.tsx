/** `/demandes/:id`: the card, where I stand, what I may do, and for the participants the patient block and the case's thread. */
import { A, useNavigate, useParams, useSearchParams } from '@solidjs/router';
import { createEffect, createMemo, createSignal, Show } from 'solid-js';
import { isCoordinator } from '../domain/session/user';
import * as fr from '../i18n/fr';
import { useSession } from '../session/session';
import { createNow } from './clock';
import { acceptSoon } from './accept';
import { sendDraft } from './commands';
import { ClosingLetter, showsLetter } from './ClosingLetter';
import { FollowUp, showsFollowUp } from './FollowUp';
import { DispatchPanel } from './DispatchPanel';
import { canAnswer, isParticipant, standingOf } from './lists';
import { PatientPanel } from './PatientPanel';
import { createMemberLabels, createRequestView, type RequestEntry } from './queries';
import { RequestActions } from './RequestActions';
import { RequestSummary } from './RequestSummary';
import { Standing } from './Standing';
import { showsBilling, TeleexpertiseBilling } from './TeleexpertiseBilling';
import { Thread } from './Thread';

export default function RequestPage() {
  const params = useParams<{ id: string }>();
  const session = useSession();
  const view = createRequestView(() => params.id);
  const now = createNow();
  const ids = createMemo(() => {
    const r = view.request();
    if (!r) return [];
    return [r.requesterId, r.assigneeId, r.usualProfessionalId, ...(r.dispatch?.alerted ?? []), ...view.messages().map((m) => m.authorId)].filter((id): id is string => Boolean(id));
  });
  const labels = createMemberLabels(ids);
  // « Accepter » on a notification opens `?accepter=1`: accept as the button would, once, with undo.
  const [search, setSearch] = useSearchParams<{ accepter?: string }>();
  createEffect(() => {
    const request = view.request();
    const user = session.user();
    if (search.accepter !== '1' || !request || !user || !view.messagesLoaded()) return;
    setSearch({ accepter: undefined }, { replace: true });
    if (canAnswer(request, view.messages(), user)) acceptSoon(user, request);
  });
  const nameOf = (id: string) => labels().get(id)?.name ?? id;

  return (
    <section class="stack request-page" aria-label={fr.requests.title}>
      <A href="/demandes" class="map-link">
        ← {fr.requests.back}
      </A>
      <Show when={view.request()} fallback={<p class="notice">{view.loaded() ? fr.requests.notFound : fr.app.loading}</p>}>
        {(request) => {
          const user = () => session.user()!;
          const me = () => user().memberId;
          const participant = () => isParticipant(request(), user());
          const answering = () => canAnswer(request(), view.messages(), user());
          const overseer = () => request().requesterId === me() || isCoordinator(user());
          return (
            <>
              <RequestSummary
                request={request()}
                now={now}
                nameOf={nameOf}
                participant={participant()}
                showAssignee={!standingOf(request(), view.messages(), me())}
                actions={answering() ? <RequestActions request={request()} messages={view.messages()} user={user()} inCard /> : undefined}
              />
              <Standing request={request()} messages={view.messages()} me={me()} nameOf={nameOf} />
              <Show when={request().status === 'draft' && request().requesterId === me()}>
                <DraftActions request={request()} />
              </Show>
              <Show when={!answering()}>
                <RequestActions request={request()} messages={view.messages()} user={user()} />
              </Show>
              <Show when={showsFollowUp(request(), view.messages(), me(), now())}>
                <FollowUp request={request()} messages={view.messages()} user={user()} />
              </Show>
              <Show when={showsLetter(request(), me())}>
                <ClosingLetter request={request()} />
              </Show>
              <Show when={showsBilling(request(), me())}>
                <TeleexpertiseBilling request={request()} me={me()} labelOf={(id) => labels().get(id)} />
              </Show>
              <Show when={overseer() && request().status !== 'draft'}>
                <DispatchPanel request={request()} messages={view.messages()} nameOf={nameOf} />
              </Show>
              <Show when={participant() || request().status === 'searching'}>
                <PatientPanel request={request()} patient={view.patient()} shared={participant()} />
              </Show>
              <Show when={participant()}>
                <Thread request={request()} messages={view.messages()} user={user()} nameOf={nameOf} canWrite={request().status === 'assigned' && (request().requesterId === me() || request().assigneeId === me())} />
              </Show>
            </>
          );
        }}
      </Show>
    </section>
  );
}

function DraftActions(props: { request: RequestEntry }) {
  const session = useSession();
  const navigate = useNavigate();
  const [error, setError] = createSignal('');
  async function send() {
    const sent = await sendDraft(session.user()!, props.request.id);
    setError(sent.ok ? '' : sent.message);
  }
  return (
    <div class="notice" data-testid="draft-actions">
      <p>{fr.requests.draft.notice}</p>
      <div class="row">
        <button type="button" class="button button--primary-inline" data-testid="draft-send" onClick={() => void send()}>
          {fr.requests.draft.send}
        </button>
        <button type="button" class="button button--secondary" onClick={() => navigate(`/demandes/nouvelle?brouillon=${props.request.id}`)}>
          {fr.requests.draft.edit}
        </button>
      </div>
      <Show when={error()}>
        <p class="field__error" role="alert">{error()}</p>
      </Show>
    </div>
  );
}
