/**
 * The pharmacies on duty (pharmacie de garde), kept by the coordinators: each garde is an on-call
 * slot on the pharmacy's directory entry, written on the device (offline too), so the dispatcher
 * counts the pharmacy as reachable during it.
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
import { withoutEnded, type Availability } from '../domain/members/availability';
import { isPharmacy } from '../domain/members/professions';
import * as fr from '../i18n/fr';
import { localDate, onCallSlot, withoutSlot, withSlot, type Slot } from '../members/availability-edits';
import { updateMember } from '../members/commands';
import { slotLabel } from '../members/format';
import { useSession } from '../session/session';
import type { createDirectory } from './queries';
import './supervision.css';

const t = fr.supervision;

export function PharmacyRota(props: { directory: ReturnType<typeof createDirectory>; onNotice(text: string, error: boolean): void }) {
  const session = useSession();
  const pharmacies = createMemo(() => props.directory.items().filter((m) => isPharmacy(m.profession) && m.status === 'active').sort((a, b) => a.displayName.localeCompare(b.displayName, 'fr')));
  const gardes = createMemo(() => {
    const now = Date.now();
    return pharmacies()
      .flatMap((m) => withoutEnded(m.availability as Availability, now).onCall.map((slot) => ({ member: m, slot })))
      .sort((a, b) => a.slot.start.localeCompare(b.slot.start));
  });
  const [who, setWho] = createSignal('');
  const [date, setDate] = createSignal(localDate(Date.now()));
  const [from, setFrom] = createSignal('19:00');
  const [to, setTo] = createSignal('09:00');

  async function save(id: string, edit: (a: Availability, now: number) => Availability) {
    const member = pharmacies().find((m) => m.id === id);
    const user = session.user();
    if (!member || !user) return;
    const result = await updateMember(user, id, { availability: edit(structuredClone(member.availability) as Availability, Date.now()) });
    props.onNotice(result.ok ? t.saved : result.message, !result.ok);
  }
  const add = (e: SubmitEvent) => {
    e.preventDefault();
    const slot = onCallSlot(date(), from(), to());
    if (!slot || !who()) return props.onNotice(fr.availability.invalidSlot, true);
    void save(who(), (a, now) => withSlot(a, 'onCall', slot, now));
  };
  const remove = (id: string, slot: Slot) => void save(id, (a, now) => withoutSlot(a, 'onCall', slot, now));

  return (
    <section class="panel" data-testid="pharmacy-rota">
      <h2 class="panel__title">{t.pharmacyRotaTitle}</h2>
      <p class="muted">{t.pharmacyRotaIntro}</p>
      <Show when={gardes().length > 0} fallback={<p class="muted">{t.pharmacyRotaNone}</p>}>
        <ul class="timeline">
          <For each={gardes()}>
            {(g) => (
              <li class="timeline__item" data-testid="garde">
                <span>
                  <strong>{g.member.displayName}</strong> — {slotLabel(g.slot)}
                </span>
                <button type="button" class="button button--small button--ghost-dark" onClick={() => remove(g.member.id, g.slot)}>
                  {t.remove}
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <form class="row" onSubmit={add}>
        <label class="inline">
          {t.pharmacy}
          <select class="field__input" data-testid="garde-pharmacy" required onChange={(e) => setWho(e.currentTarget.value)}>
            <option value="">—</option>
            <For each={pharmacies()}>{(m) => <option value={m.id}>{`${m.displayName} (${m.address.commune})`}</option>}</For>
          </select>
        </label>
        <label class="inline">{t.pharmacyRotaDate}<input class="field__input field__input--short" type="date" required value={date()} onInput={(e) => setDate(e.currentTarget.value)} data-testid="garde-date" /></label>
        <label class="inline">{t.pharmacyRotaFrom}<input class="field__input field__input--short" type="time" required value={from()} onInput={(e) => setFrom(e.currentTarget.value)} /></label>
        <label class="inline">{t.pharmacyRotaTo}<input class="field__input field__input--short" type="time" required value={to()} onInput={(e) => setTo(e.currentTarget.value)} /></label>
        <button type="submit" class="button button--secondary" data-testid="garde-add">{t.add}</button>
      </form>
    </section>
  );
}
