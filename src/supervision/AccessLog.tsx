/** « Qui a consulté ce dossier »: the server's audit log of the case (reads of the patient block, openings on devices), online only. */
import { createSignal, Show } from 'solid-js';
import { messageOf } from '../data/json-api';
import type { AuditEntry } from '../domain/audit/api';
import * as fr from '../i18n/fr';
import { LoadedList } from '../shell/LoadedList';
import { dateTimeLabel } from '../requests/timing';
import { accessLog } from './api';
import './supervision.css';

const t = fr.supervision;

export function AccessLog(props: { requestId: string; nameOf(id: string): string }) {
  const [entries, setEntries] = createSignal<AuditEntry[] | null>(null);
  const [error, setError] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  async function load() {
    setError('');
    if (!navigator.onLine) return setError(t.auditOffline);
    setBusy(true);
    try {
      setEntries(await accessLog(props.requestId));
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }
  return (
    <section class="panel" data-testid="access-log">
      <h2 class="panel__title">{t.auditTitle}</h2>
      <button type="button" class="button button--secondary" data-testid="access-log-load" disabled={busy()} onClick={() => void load()}>
        {t.auditLoad}
      </button>
      <Show when={error()}>
        <p class="notice notice--warning" role="alert">{error()}</p>
      </Show>
      <LoadedList items={entries()} class="timeline" empty={t.auditNone}>
        {(e) => (
          <li class="timeline__item" data-testid="access-entry">
            <span class="timeline__when">{dateTimeLabel(e.at)}</span>
            <span>
              <strong>{props.nameOf(e.memberId)}</strong> — {t.auditActions[e.action] ?? e.action} ({t.auditVia[e.via] ?? e.via})
            </span>
          </li>
        )}
      </LoadedList>
    </section>
  );
}
