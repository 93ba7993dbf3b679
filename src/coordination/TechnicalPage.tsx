/** `/coordination/technique`: the errors the members' devices reported, newest first (scrubbed on both sides), for coordinators only. */
import { createResource, For, Show } from 'solid-js';
import { TERRITORY } from '../config';
import { messageOf } from '../data/json-api';
import type { ClientErrorEntry } from '../domain/client-log/api';
import { fr } from '../i18n/fr';
import { clientErrors } from './api';
import { CoordinatorOnly } from './CoordinatorOnly';

const t = fr.technical;
const DATE = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'medium', timeZone: TERRITORY.timeZone });
/** A newer app may report an event this build has no label for: its name then. */
const EVENTS: Record<string, string | undefined> = t.events;

export default function TechnicalPage() {
  return (
    <CoordinatorOnly>
      <ClientErrors />
    </CoordinatorOnly>
  );
}

/** Who, from what, where, how often: « Dr Arthur Mathis · Android · Chrome · version 0.1.0 · page /demandes/:id · 3 fois ». */
function context(e: ClientErrorEntry): string {
  const parts = [e.memberName, e.device ?? t.unknownDevice, e.appVersion && t.version(e.appVersion), e.route && t.page(e.route), t.times(e.count)];
  return parts.filter(Boolean).join(' · ');
}

function ClientErrors() {
  const [data, { refetch }] = createResource(clientErrors);
  return (
    <section class="stack" aria-labelledby="technical-title">
      <h1 id="technical-title" class="page-title">{t.title}</h1>
      <p class="muted">{t.intro}</p>
      <button type="button" class="button button--secondary" data-testid="client-errors-refresh" onClick={() => void refetch()}>{t.refresh}</button>
      <Show when={data.error}><p class="notice notice--error">{messageOf(data.error)}</p></Show>
      <Show when={data()}>
        {(errors) => (
          <Show when={errors().length > 0} fallback={<p class="muted">{t.empty}</p>}>
            <ul class="cards cards--single">
              <For each={errors()}>
                {(e) => (
                  <li class="card" data-testid="client-error" data-event={e.event}>
                    <div class="card__head">
                      <strong>{EVENTS[e.event] ?? e.event}</strong>
                      <span class="muted">{DATE.format(new Date(e.at))}</span>
                    </div>
                    <Show when={e.message}><p><code>{e.name}</code> {e.message}</p></Show>
                    <p class="muted">{context(e)}</p>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
    </section>
  );
}
