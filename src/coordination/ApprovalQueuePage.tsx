/** `/coordination/inscriptions`: the registrations waiting for approval, with their details, identifier checks and verifications. */
import { TERRITORY } from '../config';
import { createResource, createSignal, For, Show } from 'solid-js';
import { messageOf } from '../data/json-api';
import type { RegistrationQueueItem } from '../domain/registration/api';
import * as fr from '../i18n/fr';
import { approveRegistration, pendingRegistrations, refuseRegistration } from './api';
import { CoordinatorOnly } from './CoordinatorOnly';
import { StatusNotice } from '../shell/StatusNotice';

const t = fr.coordination;
const DATE = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: TERRITORY.timeZone });

export default function ApprovalQueuePage() {
  return (
    <CoordinatorOnly>
      <Queue />
    </CoordinatorOnly>
  );
}

function Queue() {
  const [items, { refetch }] = createResource(pendingRegistrations);
  const [notice, setNotice] = createSignal<{ text: string; error: boolean } | null>(null);

  async function act(work: () => Promise<unknown>, done: string) {
    setNotice(null);
    try {
      await work();
      setNotice({ text: done, error: false });
      await refetch();
    } catch (err) {
      setNotice({ text: messageOf(err), error: true });
    }
  }

  return (
    <section class="stack" aria-labelledby="queue-title">
      <h1 id="queue-title" class="page-title">{t.queueTitle}</h1>
      <StatusNotice outcome={notice()} testId="queue-notice" />
      <Show when={items.error}><p class="notice notice--error">{messageOf(items.error)}</p></Show>
      <Show when={items()} fallback={<p class="muted">{fr.app.loading}</p>}>
        {(list) => (
          <>
            <p class="directory__count" data-testid="queue-count">{t.queueCount(list().length)}</p>
            <Show when={list().length > 0} fallback={<p class="muted">{t.queueEmpty}</p>}>
              <ul class="cards cards--single">
                <For each={list()}>
                  {(item) => (
                    <RegistrationCard
                      item={item}
                      onApprove={() => act(() => approveRegistration(item.id), t.approvedToast(item.displayName))}
                      onRefuse={(reason) => act(() => refuseRegistration(item.id, reason), t.refusedToast(item.displayName))}
                    />
                  )}
                </For>
              </ul>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}

function Check(props: { label: string; at?: string }) {
  return (
    <li classList={{ ok: Boolean(props.at), missing: !props.at }}>
      {props.label} : {props.at ? `${t.verified} (${DATE.format(new Date(props.at))})` : t.notVerified}
    </li>
  );
}

function RegistrationCard(props: { item: RegistrationQueueItem; onApprove: () => Promise<void>; onRefuse: (reason: string) => Promise<void> }) {
  const [refusing, setRefusing] = createSignal(false);
  const [reason, setReason] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const d = () => props.item.details;
  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    await work();
    setBusy(false);
  };
  const address = () => [[d().address.number, d().address.street].filter(Boolean).join(' '), `${d().address.postcode} ${d().address.commune}`].join(', ');

  return (
    <li class="card" data-testid="registration-card">
      <div class="card__head">
        <h2 class="card__name">{props.item.displayName}</h2>
        <span class="muted">{t.receivedAt(DATE.format(new Date(props.item.createdAt)))}</span>
      </div>
      <p class="card__profession">{[props.item.professionLabel, d().specialty, ...(d().skills ?? [])].filter(Boolean).join(' · ')}</p>
      <Show when={props.item.claimsInvited}><p class="badge badge--available">{t.invited}</p></Show>
      <ul class="checks">
        <For each={props.item.identifiers}>{(id) => <li class="ok">{`${t.identifiers} ${id.label} ${id.value} : ${t.checkOk}`}</li>}</For>
        <For each={props.item.warnings}>{(w) => <li class="warn" data-testid="registration-warning">{w.message}</li>}</For>
        <Check label={`${t.phone} ${d().phones.mobile}`} at={props.item.phoneVerifiedAt} />
        <Check label={`${t.email} ${d().email}`} at={props.item.emailVerifiedAt} />
      </ul>
      <p class="card__address">
        {t.address} : {address()}
        <Show when={props.item.locationApproximate}> — {t.approximate}</Show>
      </p>
      <Show when={d().phones.landline}><p class="card__address">{t.landline} : {d().phones.landline}</p></Show>
      <details>
        <summary>{t.signature}</summary>
        <pre class="signature">{d().signature}</pre>
      </details>
      <Show
        when={refusing()}
        fallback={
          <div class="card__actions">
            <button type="button" class="button button--primary-inline" disabled={busy()} data-testid="approve" onClick={() => void run(props.onApprove)}>{t.approve}</button>
            <button type="button" class="button button--secondary" disabled={busy()} data-testid="refuse" onClick={() => setRefusing(true)}>{t.refuse}</button>
          </div>
        }
      >
        <label class="field">
          <span class="field__label">{t.reason}</span>
          <textarea class="field__input" rows="3" maxLength={1000} data-testid="refuse-reason" value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />
        </label>
        <div class="card__actions">
          <button type="button" class="button button--danger" disabled={busy() || reason().trim().length < 3} data-testid="refuse-confirm" onClick={() => void run(() => props.onRefuse(reason()))}>{t.confirmRefuse}</button>
          <button type="button" class="button button--secondary" onClick={() => setRefusing(false)}>{t.cancel}</button>
        </div>
      </Show>
    </li>
  );
}
