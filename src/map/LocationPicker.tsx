/**
 * Picks where the patient is: a commune of the territory, the device's position, an address (online),
 * or a tap on a map. Controlled (`value`, `onChange`); holds no form, so it fits inside any form.
 */
import { createResource, createSignal, For, onCleanup, Show } from 'solid-js';
import type { Point } from '../domain/geo';
import type { Place } from '../domain/geocoding/api';
import { HttpError } from '../data/http';
import * as fr from '../i18n/fr';
import { loadCommunes } from '../territory/communes';
import { searchPlaces } from './geocode';

export interface PatientPlace extends Point {
  label: string;
  source: 'commune' | 'device' | 'address' | 'map' | 'practice';
  /** The commune's INSEE code when chosen from the list. */
  insee?: string;
}

export interface LocationPickerProps {
  value: PatientPlace | undefined;
  onChange(place: PatientPlace | undefined): void;
  /** Arms a one-shot pick on a map and returns a function that disarms it; without it, no map button. */
  pickOnMap?: (done: (point: Point) => void) => () => void;
}

export function LocationPicker(props: LocationPickerProps) {
  const [communes] = createResource(loadCommunes);
  const [message, setMessage] = createSignal('');
  const [busy, setBusy] = createSignal<'device' | 'address' | null>(null);
  const [query, setQuery] = createSignal('');
  const [found, setFound] = createSignal<Place[]>([]);
  let cancelPick: (() => void) | undefined;
  const [picking, setPicking] = createSignal(false);

  const stopPicking = () => {
    cancelPick?.();
    cancelPick = undefined;
    setPicking(false);
  };
  const onEscape = (e: KeyboardEvent) => e.key === 'Escape' && picking() && stopPicking();
  document.addEventListener('keydown', onEscape);
  onCleanup(() => {
    document.removeEventListener('keydown', onEscape);
    stopPicking();
  });

  function choose(place: PatientPlace | undefined) {
    stopPicking();
    setMessage('');
    setFound([]);
    props.onChange(place);
  }

  function chooseCommune(insee: string) {
    const c = communes()?.find((x) => x.insee === insee);
    if (c) choose({ lat: c.centroid[1], lon: c.centroid[0], label: c.name, source: 'commune', insee });
  }

  function locateDevice() {
    if (!('geolocation' in navigator)) return setMessage(fr.picker.deviceUnsupported);
    setBusy('device');
    setMessage('');
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setBusy(null);
        choose({ lat: pos.coords.latitude, lon: pos.coords.longitude, label: fr.picker.deviceLabel, source: 'device' });
      },
      (err) => {
        setBusy(null);
        setMessage(err.code === err.PERMISSION_DENIED ? fr.picker.deviceDenied : fr.picker.deviceFailed);
      },
      { enableHighAccuracy: false, timeout: 15_000, maximumAge: 60_000 },
    );
  }

  function pickOnMap() {
    if (picking()) return stopPicking();
    setPicking(true);
    cancelPick = props.pickOnMap?.((point) => {
      cancelPick = undefined;
      setPicking(false);
      choose({ ...point, label: fr.picker.mapLabel, source: 'map' });
    });
  }

  async function search() {
    const q = query().trim();
    if (q.length < 3) return setMessage(fr.picker.tooShort);
    if (!navigator.onLine) return setMessage(fr.picker.offline);
    setBusy('address');
    setMessage('');
    try {
      const places = await searchPlaces(q);
      setFound(places);
      if (places.length === 0) setMessage(fr.picker.noResult);
    } catch (err) {
      setMessage(err instanceof HttpError && err.status === 0 ? fr.picker.offline : err instanceof HttpError ? err.message : fr.picker.failed);
    } finally {
      setBusy(null);
    }
  }

  return (
    <fieldset class="panel picker" data-testid="location-picker">
      <legend>{fr.picker.legend}</legend>
      <label class="field">
        <span class="field__label">{fr.picker.commune}</span>
        <select class="field__input" data-testid="picker-commune" onChange={(e) => chooseCommune(e.currentTarget.value)}>
          <option value="" selected={props.value?.source !== 'commune'}>
            {fr.picker.chooseCommune}
          </option>
          <For each={communes() ?? []}>
            {(c) => (
              <option value={c.insee} selected={props.value?.insee === c.insee}>
                {c.name}
              </option>
            )}
          </For>
        </select>
      </label>
      <div class="row">
        <button type="button" class="button button--secondary" data-testid="picker-device" disabled={busy() === 'device'} onClick={locateDevice}>
          {busy() === 'device' ? fr.picker.locating : fr.picker.device}
        </button>
        <Show when={props.pickOnMap}>
          <button type="button" class="button button--secondary" data-testid="picker-map" aria-pressed={picking()} onClick={pickOnMap}>
            {picking() ? fr.picker.cancel : fr.picker.onMap}
          </button>
        </Show>
      </div>
      <Show when={picking()}>
        <p class="muted" role="status">
          {fr.picker.onMapHint}
        </p>
      </Show>
      <div class="row">
        <label class="inline picker__address">
          {fr.picker.address}
          <input
            class="field__input"
            type="search"
            data-testid="picker-address"
            placeholder={fr.picker.addressPlaceholder}
            autocomplete="off"
            value={query()}
            onInput={(e) => setQuery(e.currentTarget.value)}
            onKeyDown={(e) => e.key === 'Enter' && (e.preventDefault(), void search())}
          />
        </label>
        <button type="button" class="button button--secondary" data-testid="picker-search" disabled={busy() === 'address'} onClick={() => void search()}>
          {busy() === 'address' ? fr.picker.searching : fr.picker.search}
        </button>
      </div>
      <Show when={found().length > 0}>
        <ul class="picker__results">
          <For each={found()}>
            {(p) => (
              <li>
                <button type="button" class="map-link" data-testid="picker-result" onClick={() => choose({ lat: p.lat, lon: p.lon, label: p.label, source: 'address' })}>
                  {p.label}
                  {p.approximate ? ` (${fr.picker.approximate})` : ''}
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <p class="picker__message" role="status" aria-live="polite" data-testid="picker-message">
        {message()}
      </p>
      <Show when={props.value}>
        {(place) => (
          <p class="picker__value" data-testid="picker-value">
            <strong>{fr.picker.chosen(place().label)}</strong>{' '}
            <button type="button" class="map-link" onClick={() => choose(undefined)}>
              {fr.picker.clear}
            </button>
          </p>
        )}
      </Show>
    </fieldset>
  );
}
