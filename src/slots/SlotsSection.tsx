/**
 * A doctor's unscheduled-care slots (soins non programmés): offered here, read by the SAS platform
 * (as FHIR) and by the dispatcher, which alerts a doctor with a free slot first for a « soin non
 * programmé ». Kept by the server, so offered online; shown only to those who may offer them.
 */
import { createResource, createSignal, For, Show } from 'solid-js';
import type { UnscheduledSlot } from '../domain/slots/slot';
import { deleteJson, getJson, messageOf, postJson } from '../data/json-api';
import * as fr from '../i18n/fr';
import { TERRITORY } from '../config';
import { clockLabel } from '../requests/timing';
import { StatusNotice } from '../shell/StatusNotice';

const t = fr.profile.slots;
const LENGTHS = [15, 20, 30, 45, 60, 90, 120];
const DAY = new Intl.DateTimeFormat('fr-FR', { weekday: 'short', day: 'numeric', month: 'short', timeZone: TERRITORY.timeZone });

interface MySlots {
  mayOffer: boolean;
  slots: UnscheduledSlot[];
}

/** « 2026-12-05 » and « 14:30 » an hour from now, rounded to the next quarter, on this device's clock. */
function nextQuarter(now = new Date()): { date: string; time: string } {
  const at = new Date(Math.ceil((now.getTime() + 3_600_000) / 900_000) * 900_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return { date: `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}`, time: `${pad(at.getHours())}:${pad(at.getMinutes())}` };
}

export function SlotsSection() {
  const [mine, { mutate }] = createResource(() => getJson<MySlots>('/slots'));
  const [message, setMessage] = createSignal<{ text: string; error: boolean } | null>(null);
  const initial = nextQuarter();

  async function offer(e: SubmitEvent) {
    e.preventDefault();
    const form = new FormData(e.currentTarget as HTMLFormElement);
    const start = new Date(`${String(form.get('date'))}T${String(form.get('time'))}`);
    setMessage(null);
    if (Number.isNaN(start.getTime())) return setMessage({ text: t.when, error: true });
    try {
      const slot = await postJson<UnscheduledSlot>('/slots', { start: start.toISOString(), minutes: Number(form.get('minutes')) });
      mutate((m) => m && { ...m, slots: [...m.slots, slot].sort((a, b) => a.start.localeCompare(b.start)) });
      setMessage({ text: t.offered, error: false });
    } catch (err) {
      setMessage({ text: messageOf(err), error: true });
    }
  }

  async function withdraw(id: string) {
    setMessage(null);
    try {
      await deleteJson(`/slots/${encodeURIComponent(id)}`);
      mutate((m) => m && { ...m, slots: m.slots.filter((s) => s.id !== id) });
      setMessage({ text: t.withdrawn, error: false });
    } catch (err) {
      setMessage({ text: messageOf(err), error: true });
    }
  }

  return (
    <Show when={mine()?.mayOffer}>
      <section class="panel stack" data-testid="slots">
        <h2 class="panel__title">{t.legend}</h2>
        <p class="muted">{t.hint}</p>
        <Show when={mine()!.slots.length} fallback={<p class="muted">{t.none}</p>}>
          <ul class="slots snp-slots" data-testid="slot-list">
            <For each={mine()!.slots}>
              {(s) => (
                <li class="snp-slots__item" data-testid="slot">
                  <span>
                    {DAY.format(Date.parse(s.start))}, {clockLabel(s.start)} – {clockLabel(s.end)} · {s.status === 'free' ? t.free : t.busy}
                  </span>
                  <button type="button" class="button button--secondary button--small" onClick={() => void withdraw(s.id)} data-testid="slot-withdraw">
                    {t.withdraw}
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <form class="stack" onSubmit={(e) => void offer(e)} data-testid="slot-form">
          <div class="snp-slots__fields">
            <label class="field">
              <span class="field__label">{t.date}</span>
              <input class="field__input" name="date" type="date" required value={initial.date} data-testid="slot-date" />
            </label>
            <label class="field">
              <span class="field__label">{t.time}</span>
              <input class="field__input" name="time" type="time" step="300" required value={initial.time} data-testid="slot-time" />
            </label>
            <label class="field">
              <span class="field__label">{t.length}</span>
              <select class="field__input" name="minutes" data-testid="slot-minutes">
                <For each={LENGTHS}>{(n) => <option value={n} selected={n === 30}>{n} min</option>}</For>
              </select>
            </label>
          </div>
          <StatusNotice outcome={message()} testId="slot-message" />
          <button type="submit" class="button button--secondary" data-testid="slot-offer">
            {t.offer}
          </button>
        </form>
      </section>
    </Show>
  );
}
