/** For the requester and the coordination: who was alerted, when and why, and what each answered. */
import { For, Match, Show, Switch } from 'solid-js';
import type { MessageKind } from '../domain/requests/message-schema';
import { searchProgress } from '../domain/requests/progress';
import * as fr from '../i18n/fr';
import type { MessageEntry, RequestEntry } from './queries';
import { clockLabel, dateTimeLabel } from './timing';

const t = fr.requests.dispatch;
const ANSWERS: ReadonlySet<MessageKind> = new Set(['accept', 'decline', 'advice']);

export function DispatchPanel(props: { request: RequestEntry; messages: MessageEntry[]; nameOf(id: string): string }) {
  const dispatch = () => props.request.dispatch;
  const answers = () => new Map(props.messages.filter((m) => ANSWERS.has(m.kind)).map((m) => [m.authorId, m]));
  const answerOf = (id: string) => {
    const m = answers().get(id);
    return m ? `${fr.requests.thread.kinds[m.kind]}${m.text ? ` : « ${m.text} »` : ''}` : t.noAnswer;
  };
  const progress = () => searchProgress(props.request);
  // A time today as « 14 h 30 »; further away, with its day.
  const at = (iso: string | undefined) => (iso ? (Date.parse(iso) - Date.now() < 12 * 3_600_000 ? clockLabel(iso) : dateTimeLabel(iso)) : undefined);
  return (
    <section class="panel" data-testid="dispatch-panel">
      <h2 class="panel__title">{t.title}</h2>
      <Show when={progress()}>
        {(p) => (
          <p class="notice" role="status" data-testid="dispatch-progress" data-kind={p().kind}>
            <Switch>
              <Match when={p().kind === 'not-started'}>{t.progress.notStarted}</Match>
              <Match when={p().kind === 'usual' && (p() as { until?: string })}>{(u) => t.progress.usual(at(u().until))}</Match>
              <Match when={p().kind === 'waiting' && (p() as { alerted: number; declined: number; escalateAt?: string })}>{(w) => t.progress.waiting(w().alerted, w().declined, at(w().escalateAt))}</Match>
              <Match when={p().kind === 'nobody-yet' && (p() as { escalateAt?: string })}>{(n) => t.progress.nobodyYet(at(n().escalateAt))}</Match>
              <Match when={p().kind === 'escalated' && (p() as { reason: string })}>{(e) => t.progress.escalated(e().reason)}</Match>
            </Switch>
          </p>
        )}
      </Show>
      <Show when={dispatch()} fallback={<p class="muted">{t.none}</p>}>
        {(d) => (
          <>
            <p data-testid="dispatch-alerted">{t.alerted(d().alerted.length)}</p>
            <ul class="steps">
              <For each={d().steps}>{(step) => <li>{t.step(dateTimeLabel(step.at), step.reason)}</li>}</For>
            </ul>
            <Show when={d().alerted.length > 0}>
              <details>
                <summary>{t.answers}</summary>
                <ul class="answers" data-testid="dispatch-answers">
                  <For each={d().alerted}>
                    {(id) => (
                      <li>
                        <strong>{props.nameOf(id)}</strong> — {answerOf(id)}
                      </li>
                    )}
                  </For>
                </ul>
              </details>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
