/** `/coordination/technique`, for coordinators only: the changes the server set aside, and the errors the members' devices reported, newest first (scrubbed on both sides). */
import { createResource, createSignal, Show } from 'solid-js';
import { TERRITORY } from '../config';
import { messageOf } from '../data/json-api';
import type { ClientErrorEntry } from '../domain/client-log/api';
import * as fr from '../i18n/fr';
import { LoadedList } from '../shell/LoadedList';
import { clientErrors, deadLetters, retryDeadLetter } from './api';
import { CoordinatorOnly } from './CoordinatorOnly';

const t = fr.technical;
const DATE = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'medium', timeZone: TERRITORY.timeZone });
/** A newer app may report an event this build has no label for: its name then. */
const EVENTS: Record<string, string | undefined> = t.events;
/** The server's work a change was set aside from; a newer server's, by its name. */
const WORK: Record<string, string | undefined> = t.deadLetters.work;

export default function TechnicalPage() {
  return (
    <CoordinatorOnly>
      <div class="stack">
        <h1 class="page-title">{t.pageTitle}</h1>
        <DeadLetters />
        <ClientErrors />
      </div>
    </CoordinatorOnly>
  );
}

/** Who, from what, where, how often: « Dr Arthur Mathis · Android · Chrome · version 0.1.0 · page /demandes/:id · 3 fois ». */
function context(e: ClientErrorEntry): string {
  const parts = [e.memberName, e.device ?? t.unknownDevice, e.appVersion && t.version(e.appVersion), e.route && t.page(e.route), t.times(e.count)];
  return parts.filter(Boolean).join(' · ');
}

/** What the server set aside, each with « Relancer »: the list is read again after each try. */
function DeadLetters() {
  const d = t.deadLetters;
  const [data, { refetch }] = createResource(deadLetters);
  const [outcome, setOutcome] = createSignal<{ ok: boolean; text: string }>();
  const retry = async (id: string) => {
    try {
      await retryDeadLetter(id);
      setOutcome({ ok: true, text: d.retried });
    } catch (err) {
      setOutcome({ ok: false, text: messageOf(err) });
    }
    void refetch();
  };
  return (
    <section class="stack" aria-labelledby="dead-letters-title">
      <h2 id="dead-letters-title" class="panel__title">{d.title}</h2>
      <p class="muted">{d.intro}</p>
      <Show when={data.error}><p class="notice notice--error">{messageOf(data.error)}</p></Show>
      <Show when={outcome()}>{(o) => <p class={o().ok ? 'notice' : 'notice notice--error'} role="status">{o().text}</p>}</Show>
      <LoadedList items={data()} class="cards cards--single" empty={d.empty} emptyTestId="dead-letters-empty">
        {(l) => (
          <li class="card" data-testid="dead-letter">
            <div class="card__head">
              <strong>{WORK[l.reaction] ?? l.reaction}</strong>
              <span class="muted">{DATE.format(new Date(l.at))}</span>
            </div>
            <p>{l.error}</p>
            <p class="muted">{d.what(l.db, l.docId)}</p>
            <p class="muted">{d.attempts(l.attempts)}</p>
            <button type="button" class="button button--secondary" onClick={() => void retry(l.id)}>{d.retry}</button>
          </li>
        )}
      </LoadedList>
    </section>
  );
}

function ClientErrors() {
  const [data, { refetch }] = createResource(clientErrors);
  return (
    <section class="stack" aria-labelledby="technical-title">
      <h2 id="technical-title" class="panel__title">{t.title}</h2>
      <p class="muted">{t.intro}</p>
      <button type="button" class="button button--secondary" data-testid="client-errors-refresh" onClick={() => void refetch()}>{t.refresh}</button>
      <Show when={data.error}><p class="notice notice--error">{messageOf(data.error)}</p></Show>
      <LoadedList items={data()} class="cards cards--single" empty={t.empty}>
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
      </LoadedList>
    </section>
  );
}
