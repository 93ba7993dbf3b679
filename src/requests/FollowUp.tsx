/**
 * The follow-up after care, for the requester of a case closed as resolved: once its delay has
 * passed, two questions (« Le besoin est-il couvert ? », « Le patient est-il allé aux urgences
 * depuis ? »); a bad answer tells the assignee and the coordination, and the case may be reopened
 * in one tap. Written on the device first (a message): offline, it waits for the network.
 */
import { createSignal, Show } from 'solid-js';
import { followUpAsked, followUpDueAt, followUpOf, FOLLOW_UP_QUESTIONS, isBadFollowUp } from '../domain/requests/follow-up';
import type { SessionUser } from '../domain/session/user';
import * as fr from '../i18n/fr';
import { createNow } from './clock';
import { writeMessage } from './commands';
import type { MessageEntry, RequestEntry } from './queries';
import { StatusNotice } from '../shell/StatusNotice';

const t = fr.requests.followUp;

/** Shown to the requester while the follow-up is asked, or answered for this closing. */
export function showsFollowUp(request: RequestEntry, messages: readonly MessageEntry[], me: string, now: number): boolean {
  if (request.requesterId !== me || request.status !== 'resolved') return false;
  return followUpAsked(request, messages, now) || answeredThisClosing(request, messages) !== undefined;
}

function answeredThisClosing(request: RequestEntry, messages: readonly MessageEntry[]): MessageEntry | undefined {
  const last = followUpOf(request, messages);
  const resolved = [...(request.history ?? [])].reverse().find((h) => h.event === 'resolve');
  return last && resolved && last.createdAt >= resolved.at && followUpDueAt(request) !== undefined ? last : undefined;
}

function YesNo(props: { name: string; legend: string; value: boolean | undefined; set: (v: boolean) => void }) {
  return (
    <fieldset class="follow-up__question">
      <legend class="field__label">{props.legend}</legend>
      <label class="check">
        <input type="radio" name={props.name} data-testid={`${props.name}-yes`} checked={props.value === true} onChange={() => props.set(true)} />
        {t.yes}
      </label>
      <label class="check">
        <input type="radio" name={props.name} data-testid={`${props.name}-no`} checked={props.value === false} onChange={() => props.set(false)} />
        {t.no}
      </label>
    </fieldset>
  );
}

export function FollowUp(props: { request: RequestEntry; messages: MessageEntry[]; user: SessionUser }) {
  const now = createNow();
  const [covered, setCovered] = createSignal<boolean>();
  const [emergency, setEmergency] = createSignal<boolean>();
  const [result, setResult] = createSignal<{ text: string; error: boolean } | null>(null);
  const answered = () => answeredThisClosing(props.request, props.messages);

  async function send(e: SubmitEvent) {
    e.preventDefault();
    setResult(null);
    if (covered() === undefined || emergency() === undefined) return setResult({ text: t.choose, error: true });
    const written = await writeMessage(props.user, props.request, { kind: 'follow-up', covered: covered(), emergency: emergency() });
    setResult(written.ok ? (navigator.onLine ? null : { text: t.pending, error: false }) : { text: written.message, error: true });
  }

  async function reopen() {
    setResult(null);
    const written = await writeMessage(props.user, props.request, { kind: 'reopen' });
    setResult(written.ok ? { text: navigator.onLine ? t.reopened : t.pending, error: false } : { text: written.message, error: true });
  }

  return (
    <section class="panel stack" data-testid="follow-up" aria-labelledby="follow-up-title">
      <h2 class="panel__title" id="follow-up-title">
        {t.title}
      </h2>
      <Show
        when={answered()}
        fallback={
          <Show when={followUpAsked(props.request, props.messages, now())}>
            <form class="stack" onSubmit={(e) => void send(e)} data-testid="follow-up-form">
              <p class="muted">{t.intro}</p>
              <YesNo name="follow-up-covered" legend={FOLLOW_UP_QUESTIONS.covered} value={covered()} set={(v) => (setCovered(v), setResult(null))} />
              <YesNo name="follow-up-emergency" legend={FOLLOW_UP_QUESTIONS.emergency} value={emergency()} set={(v) => (setEmergency(v), setResult(null))} />
              <button type="submit" class="button button--primary-inline" data-testid="follow-up-send">
                {t.send}
              </button>
            </form>
          </Show>
        }
      >
        {(answer) => (
          <>
            <p class="notice notice--ok" data-testid="follow-up-thanks">
              {t.thanks} {isBadFollowUp(answer()) ? t.bad : ''}
            </p>
            <Show when={isBadFollowUp(answer())}>
              <p class="muted">{t.reopenHint}</p>
              <button type="button" class="button button--secondary" data-testid="follow-up-reopen" onClick={() => void reopen()}>
                {t.reopen}
              </button>
            </Show>
          </>
        )}
      </Show>
      <StatusNotice outcome={result()} testId="follow-up-message" />
    </section>
  );
}
