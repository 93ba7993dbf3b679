/** What a structure can take now (free places, services open to direct admissions), declared with its time, on the availability page. */
import { createSignal, For, type Accessor } from 'solid-js';
import type { Availability } from '../domain/members/availability';
import { capacityLabel } from '../domain/members/reachability';
import * as fr from '../i18n/fr';
import { withCapacity } from './availability-edits';
import type { MemberEntry } from './queries';

const t = fr.availability;
type Edit = (a: Availability, now: number) => Availability;

export function CapacitySection(props: { entry: MemberEntry; now: Accessor<number>; onSave: (edit: Edit) => void }) {
  const declared = () => props.entry.availability.capacity;
  const [places, setPlaces] = createSignal(String(declared()?.places ?? ''));
  const [services, setServices] = createSignal((declared()?.services ?? []).map((s) => ({ ...s })));
  const [newService, setNewService] = createSignal('');
  const submit = (e: Event) => {
    e.preventDefault();
    const count = places() === '' ? undefined : Math.max(0, Math.min(1000, Math.round(Number(places()) || 0)));
    const list = services().filter((s) => s.name.trim());
    props.onSave((a, now) => withCapacity(a, { ...(count === undefined ? {} : { places: count }), ...(list.length ? { services: list } : {}) }, now));
  };
  return (
    <fieldset class="panel" data-testid="capacity">
      <legend>{t.capacityTitle}</legend>
      <p class="state" data-testid="capacity-state">{capacityLabel(props.entry.availability.capacity, props.now()) ?? t.capacityNone}</p>
      <form class="stack" onSubmit={submit}>
        <label class="inline">
          {t.capacityPlaces}
          <input class="field__input field__input--short" type="number" min="0" max="1000" value={places()} onInput={(e) => setPlaces(e.currentTarget.value)} data-testid="capacity-places" />
        </label>
        <p class="field__label">{t.capacityServices}</p>
        <ul class="slots">
          <For each={services()}>
            {(service, i) => (
              <li>
                <span>{service.name}</span>
                <label class="check">
                  <input type="checkbox" checked={service.open} onChange={(e) => setServices(services().map((s, j) => (j === i() ? { ...s, open: e.currentTarget.checked } : s)))} />
                  {t.capacityOpen}
                </label>
              </li>
            )}
          </For>
        </ul>
        <div class="row">
          <input class="field__input" aria-label={t.capacityService} value={newService()} onInput={(e) => setNewService(e.currentTarget.value)} maxLength={80} />
          <button type="button" class="button button--ghost-dark" onClick={() => newService().trim() && (setServices([...services(), { name: newService().trim(), open: true }]), setNewService(''))}>
            {t.capacityAddService}
          </button>
        </div>
        <button type="submit" class="button button--primary-inline" data-testid="capacity-declare">{t.capacityDeclare}</button>
      </form>
    </fieldset>
  );
}
