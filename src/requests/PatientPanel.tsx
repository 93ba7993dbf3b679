/**
 * The patient block, for the requester, the assignee and the coordination only: shown on demand, each
 * opening written to the audit outbox (offline too); and the patient's earlier requests in the CPTS.
 */
import { A } from '@solidjs/router';
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { getJson, messageOf } from '../data/json-api';
import type { HistoryItem, PatientHistory } from '../domain/requests/api';
import { isPurgeDue } from '../domain/requests/purge';
import * as fr from '../i18n/fr';
import { keyState, purgeAfterDays } from '../protection/device-key';
import { recordOpening } from './audit';
import { kindLabel, statusLabel } from './labels';
import type { PatientEntry, RequestEntry } from './queries';
import { dateTimeLabel } from './timing';
import './requests.css';

const t = fr.requests.patient;
const DATE = new Intl.DateTimeFormat('fr-FR', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `shared`: I am a participant (requester, assignee, coordination); an alerted member only learns that it will come. */
export function PatientPanel(props: { request: RequestEntry; patient: PatientEntry | undefined; shared: boolean }) {
  const [open, setOpen] = createSignal(false);
  const show = (patient: PatientEntry) => {
    void recordOpening(patient);
    setOpen(true);
  };
  const shared = () => props.shared;
  return (
    <section class="panel" data-testid="patient-panel">
      <h2 class="panel__title">{t.title}</h2>
      <Switch>
        <Match when={!shared()}>
          <p class="muted">{t.notYet}</p>
        </Match>
        <Match when={!props.patient}>
          <p class="muted" data-testid="patient-missing">
            {missingReason(props.request)}
          </p>
        </Match>
        <Match when={!open()}>
          <button type="button" class="button button--secondary" data-testid="patient-show" onClick={() => show(props.patient!)}>
            {t.show}
          </button>
          <p class="field__hint">{t.traced}</p>
        </Match>
        <Match when={props.patient}>{(p) => <Identity patient={p()} onHide={() => setOpen(false)} />}</Match>
      </Switch>
      {/* The server opens a patient's history once the request is sent, not on a draft. */}
      <Show when={shared() && props.request.status !== 'draft'}>
        <History requestId={props.request.id} />
      </Show>
    </section>
  );
}

/** Why the block is not here: patient data locked on this device, the case purged from devices, or not synced yet. */
function missingReason(request: RequestEntry): string {
  if (keyState().kind === 'locked') return fr.protection.lockedCase;
  const days = purgeAfterDays();
  if (days !== null && isPurgeDue(request, days, Date.now())) return fr.protection.purged(days);
  return t.missing;
}

function Identity(props: { patient: PatientEntry; onHide(): void }) {
  const id = () => props.patient.identity;
  return (
    <div class="patient" data-testid="patient-identity">
      <p class="patient__name">
        <strong>
          {id().lastName.toUpperCase()} {id().firstName}
        </strong>
        , {t.born(DATE.format(Date.parse(id().birthDate)))} ({t.sex[id().sex]})
      </p>
      <Show when={id().address}>{(a) => <p>{a()}</p>}</Show>
      <Show when={id().phone}>{(phone) => <p><a href={`tel:${phone().replace(/[\s.]/g, '')}`}>{phone()}</a></p>}</Show>
      <Show when={id().usualDoctor}>{(d) => <p>{t.usualDoctor(d())}</p>}</Show>
      <p class="muted">
        {t.ins} · {t.consent(dateTimeLabel(props.patient.consent.at))}
      </p>
      <button type="button" class="button button--small button--ghost-dark" onClick={() => props.onHide()}>
        {t.hide}
      </button>
    </div>
  );
}

function History(props: { requestId: string }) {
  const [items, setItems] = createSignal<HistoryItem[] | null>(null);
  const [message, setMessage] = createSignal('');
  async function load() {
    if (!navigator.onLine) return setMessage(t.historyOffline);
    setMessage(t.historyLoading);
    try {
      const body = await getJson<PatientHistory>(`/requests/${encodeURIComponent(props.requestId)}/history`);
      setItems(body.requests.filter((r) => r.id !== props.requestId));
      setMessage('');
    } catch (err) {
      setMessage(messageOf(err));
    }
  }
  return (
    <div class="patient-history" data-testid="patient-history">
      <h3 class="panel__title">{t.history}</h3>
      <Show when={items()} fallback={<button type="button" class="button button--secondary" data-testid="patient-history-load" onClick={() => void load()}>{t.historyLoad}</button>}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p class="muted">{t.historyNone}</p>}>
            <ul>
              <For each={list()}>
                {(r) => (
                  <li>
                    <A href={`/demandes/${r.id}`}>{kindLabel(r.type)}</A> — {dateTimeLabel(r.createdAt)} — {statusLabel(r.status)}
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
      <Show when={message()}>
        <p class="muted" role="status">{message()}</p>
      </Show>
    </div>
  );
}
