/** For the requester and the coordination: who was alerted, when and why, and what each answered. */
import { For, Show } from 'solid-js';
import type { MessageKind } from '../domain/requests/message-schema';
import { fr } from '../i18n/fr';
import type { MessageEntry, RequestEntry } from './queries';
import { dateTimeLabel } from './timing';

const t = fr.requests.dispatch;
const ANSWERS: ReadonlySet<MessageKind> = new Set(['accept', 'decline', 'advice']);

export function DispatchPanel(props: { request: RequestEntry; messages: MessageEntry[]; nameOf(id: string): string }) {
  const dispatch = () => props.request.dispatch;
  const answers = () => new Map(props.messages.filter((m) => ANSWERS.has(m.kind)).map((m) => [m.authorId, m]));
  const answerOf = (id: string) => {
    const m = answers().get(id);
    return m ? `${fr.requests.thread.kinds[m.kind]}${m.text ? ` : « ${m.text} »` : ''}` : t.noAnswer;
  };
  return (
    <section class="panel" data-testid="dispatch-panel">
      <h2 class="panel__title">{t.title}</h2>
      <Show when={dispatch()} fallback={<p class="muted">{t.none}</p>}>
        {(d) => (
          <>
            <p data-testid="dispatch-alerted">{t.alerted(d().alerted.length)}</p>
            <Show when={d().escalated}>
              <p class="notice notice--warning">{t.escalated}</p>
            </Show>
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
