/**
 * What I may do on a request now, from the lifecycle's rules and my role: accept in one tap (with undo), decline
 * or advise (alerted members); cancel (requester); hand back (assignee); close, resolved or not.
 * Each is an append-only message written on the device first.
 */
import { createSignal, For, Show } from 'solid-js';
import { isPending } from '../data/replication';
import { allowedEvents } from '../domain/requests/lifecycle';
import type { MessageKind } from '../domain/requests/message-schema';
import type { SessionUser } from '../domain/session/user';
import * as fr from '../i18n/fr';
import { AcceptButton } from './AcceptButton';
import { writeMessage } from './commands';
import { actorOf, canAnswer } from './lists';
import type { MessageEntry, RequestEntry } from './queries';
import { StatusNotice } from '../shell/StatusNotice';
import './requests.css';

const t = fr.requests.actions;
type Composed = Extract<MessageKind, 'decline' | 'advice' | 'cancel' | 'hand-back' | 'resolve' | 'close-unresolved'>;

const LABELS: Record<Composed, string> = { decline: t.decline, advice: t.advice, cancel: t.cancel, 'hand-back': t.handBack, resolve: t.resolve, 'close-unresolved': t.closeUnresolved };
const TEXT_LABELS: Partial<Record<Composed, string>> = { decline: t.declineReason, advice: t.adviceText, 'close-unresolved': t.reason };

/** `inCard`: shown inside the request's card, right under its title (an alerted member decides without scrolling). */
export function RequestActions(props: { request: RequestEntry; messages: MessageEntry[]; user: SessionUser; inCard?: boolean }) {
  const [composing, setComposing] = createSignal<Composed | null>(null);
  const [text, setText] = createSignal('');
  const [result, setResult] = createSignal<{ text: string; error: boolean } | null>(null);
  const actor = () => actorOf(props.request, props.user);
  const lifecycle = () => {
    const a = actor();
    // Coordinators act on others' requests from the supervision console, on someone's behalf.
    return a && a !== 'coordinator' && a !== 'member' ? allowedEvents(props.request.status, a) : [];
  };
  const answering = () => canAnswer(props.request, props.messages, props.user);
  const composed = (): Composed[] => [
    ...(answering() ? (['decline', 'advice'] as const) : []),
    ...(['cancel', 'hand-back', 'resolve', 'close-unresolved'] as const).filter((k) => lifecycle().includes(k)),
  ];

  async function send(kind: MessageKind, body?: string) {
    setResult(null);
    const written = await writeMessage(props.user, props.request, { kind, text: body });
    if (!written.ok) return setResult({ text: written.message, error: true });
    setComposing(null);
    setText('');
    setResult({ text: navigator.onLine ? t.done : t.donePending, error: false });
  }

  return (
    <Show when={answering() || composed().length > 0 || result()}>
      <section class={props.inCard ? 'request-card__actions' : 'panel'} data-testid="request-actions">
        <h2 class="panel__title">{answering() ? t.title : t.manage}</h2>
        <Show when={!composing()}>
          <div class="row">
            <Show when={answering()}>
              <AcceptButton request={props.request} user={props.user} />
            </Show>
            <For each={composed()}>
              {(kind) => (
                <button type="button" class="button button--secondary" data-testid={`action-${kind}`} onClick={() => (setComposing(kind), setResult(null))}>
                  {LABELS[kind]}
                </button>
              )}
            </For>
          </div>
        </Show>
        <Show when={composing()}>
          {(kind) => (
            <form class="stack" onSubmit={(e) => (e.preventDefault(), void send(kind(), text()))}>
              <p>
                <strong>{LABELS[kind()]}</strong>
              </p>
              <Show when={TEXT_LABELS[kind()]}>
                <label class="field">
                  <span class="field__label">{TEXT_LABELS[kind()]}</span>
                  <textarea class="field__input" rows="3" maxlength="4000" data-testid="action-text" value={text()} onInput={(e) => setText(e.currentTarget.value)} />
                </label>
              </Show>
              <div class="row">
                <button type="submit" class="button button--primary-inline" data-testid="action-confirm">
                  {t.confirm}
                </button>
                <button type="button" class="button button--ghost-dark" onClick={() => setComposing(null)}>
                  {t.back}
                </button>
              </div>
            </form>
          )}
        </Show>
        <StatusNotice outcome={result()} testId="action-result" />
      </section>
    </Show>
  );
}

/** Whether any of my messages on this request still waits to be sent. */
export function hasPendingMessage(messages: MessageEntry[], me: string): boolean {
  return messages.some((m) => m.authorId === me && isPending('messages', m.id));
}
