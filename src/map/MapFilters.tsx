/** The map's filters (profession or structure, specialty, availability) and the legend of the markers' colours. */
import { createMemo, For, Show } from 'solid-js';
import * as fr from '../i18n/fr';
import { professionOptions, specialtyOptions, type AvailabilityFilter, type MapFilters as Filters, type MapPoint } from './points';

const AVAILABILITY: Array<[AvailabilityFilter, string]> = [
  ['all', fr.map.availabilityAll],
  ['now', fr.map.availabilityNow],
  ['available', fr.map.availabilityAvailable],
  ['on-call', fr.map.availabilityOnCall],
];

export function MapFilters(props: { points: readonly MapPoint[]; value: Filters; onChange(filters: Filters): void }) {
  const professions = createMemo(() => professionOptions(props.points));
  const specialties = createMemo(() => specialtyOptions(props.points, props.value.profession));
  const set = (change: Partial<Filters>) => props.onChange({ ...props.value, ...change });

  return (
    <fieldset class="panel map-filters" data-testid="map-filters">
      <legend>{fr.map.filters}</legend>
      <label class="inline">
        {fr.map.profession}
        <select class="field__input" data-testid="filter-profession" onChange={(e) => set({ profession: e.currentTarget.value, specialty: '' })}>
          <option value="" selected={!props.value.profession}>
            {fr.map.all}
          </option>
          <For each={professions()}>
            {(o) => (
              <option value={o.value} selected={o.value === props.value.profession}>
                {o.label} ({o.count})
              </option>
            )}
          </For>
        </select>
      </label>
      <Show when={specialties().length > 0}>
        <label class="inline">
          {fr.map.specialty}
          <select class="field__input" data-testid="filter-specialty" onChange={(e) => set({ specialty: e.currentTarget.value })}>
            <option value="" selected={!props.value.specialty}>
              {fr.map.all}
            </option>
            <For each={specialties()}>
              {(o) => (
                <option value={o.value} selected={o.value === props.value.specialty}>
                  {o.label} ({o.count})
                </option>
              )}
            </For>
          </select>
        </label>
      </Show>
      <label class="inline">
        {fr.map.availability}
        <select class="field__input" data-testid="filter-availability" onChange={(e) => set({ availability: e.currentTarget.value as AvailabilityFilter })}>
          <For each={AVAILABILITY}>
            {([value, label]) => (
              <option value={value} selected={value === props.value.availability}>
                {label}
              </option>
            )}
          </For>
        </select>
      </label>
      <p class="map-legend" aria-label={fr.map.legend}>
        <span class="map-legend__item map-legend__item--available">{fr.map.available}</span>
        <span class="map-legend__item map-legend__item--on-call">{fr.map.onCall}</span>
        <span class="map-legend__item map-legend__item--unavailable">{fr.map.unavailable}</span>
      </p>
    </fieldset>
  );
}
