/** Everything that happened to a request, in order: dispatch steps, answers and every supervisor action with its author and time. */
import { For, Show } from 'solid-js';
import type { RequestMessage } from '../domain/requests/message-schema';
import type { CareRequest } from '../domain/requests/schema';
import * as fr from '../i18n/fr';
import { dateTimeLabel } from '../requests/timing';
import { timeline } from './history';
import './supervision.css';

const t = fr.supervision;

export function CaseHistory(props: { request: CareRequest; messages: RequestMessage[]; nameOf(id: string): string }) {
  const entries = () => timeline(props.request, props.messages);
  const author = (by: string) => (by === 'server' ? t.server : props.nameOf(by));
  return (
    <section class="panel" data-testid="case-history">
      <h2 class="panel__title">{t.historyTitle}</h2>
      <Show when={entries().length > 0} fallback={<p class="muted">{t.historyEmpty}</p>}>
        <ol class="timeline">
          <For each={entries()}>
            {(e) => (
              <li class="timeline__item" data-event={e.event}>
                <span class="timeline__when">{dateTimeLabel(e.at)}</span>
                <span>
                  <strong>{t.events[e.event] ?? e.event}</strong> — {author(e.by)}
                  <Show when={e.subjectId}>{(id) => <> · {t.called(props.nameOf(id()))}</>}</Show>
                  <Show when={e.outcome}>{(o) => <> · {t.outcomes[o()] ?? o()}</>}</Show>
                  <Show when={e.onBehalfOf}>{(id) => <> · {t.onBehalfOf(props.nameOf(id()))}</>}</Show>
                  <Show when={e.alerted !== undefined && e.event !== 'escalation'}> · {t.alerted(e.alerted!)}</Show>
                </span>
                <Show when={e.text}>{(text) => <span class="timeline__text">{text()}</span>}</Show>
                <Show when={e.why}>
                  {(why) => (
                    <ul class="timeline__why" data-testid="step-why">
                      <For each={why()}>
                        {(w) => (
                          <li>
                            <strong>{props.nameOf(w.memberId)}</strong> — {w.reason}
                          </li>
                        )}
                      </For>
                    </ul>
                  )}
                </Show>
              </li>
            )}
          </For>
        </ol>
      </Show>
    </section>
  );
}
