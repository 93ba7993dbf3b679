/** The map of the territory (`/carte`): members by availability, filters, and the available professionals nearest the patient. */
import { createMemo, createResource, createSignal, For, onCleanup, Show } from 'solid-js';
import { TILE_URL } from '../config';
import { distanceKm, type Point } from '../domain/geo';
import { professionLabel } from '../domain/members/professions';
import * as fr from '../i18n/fr';
import { MemberCard } from '../members/MemberCard';
import { professionLine } from '../members/format';
import { createMemberSearch } from '../members/queries';
import { LocationPicker, type PatientPlace } from './LocationPicker';
import { NearbyList } from './NearbyList';
import { OfflineTiles } from './OfflineTiles';
import { buildNearestIndex, nearest } from './nearest';
import { boundsOf } from './outline';
import { loadOutlines } from './outlines';
import { MapFilters as Filters } from './MapFilters';
import { matches, nearbyFilters, NO_FILTERS, toMapPoint, type MapFilters, type MapPoint } from './points';
import { TerritoryMap } from './TerritoryMap';
import type { TerritoryMap as MapApi } from './territory-map';
import './map.css';

/** The list stays readable and quick to scan; the map shows everyone. */
const NEARBY_LIMIT = 50;

const samePoints = (a: readonly MapPoint[], b: readonly MapPoint[]) =>
  a.length === b.length && a.every((p, i) => p.id === b[i].id && p.state === b[i].state && p.lat === b[i].lat && p.lon === b[i].lon && p.profession === b[i].profession && p.specialty === b[i].specialty);

export default function MapPage() {
  const [outlines] = createResource(loadOutlines);
  const directory = createMemberSearch(() => '');
  const [filters, setFilters] = createSignal<MapFilters>(NO_FILTERS);
  const [place, setPlace] = createSignal<PatientPlace>();
  const [radiusKm, setRadiusKm] = createSignal(10);
  const [selected, setSelected] = createSignal<string | null>(null);
  const [hovered, setHovered] = createSignal<string | null>(null);
  const [stack, setStack] = createSignal<string[]>([]);
  let api: MapApi | undefined;

  // Availability ends on its own: re-evaluate states every minute (points only change when a state does).
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), 60_000);
  onCleanup(() => clearInterval(timer));

  const byId = createMemo(() => new Map(directory.results().map((m) => [m.id, m])));
  const points = createMemo(() => directory.results().map((m) => toMapPoint(m, now())), [], { equals: samePoints });
  const visible = createMemo(() => points().filter((p) => matches(p, filters())));
  const index = createMemo(() => buildNearestIndex(points()));
  const nearby = createMemo(() => {
    const from = place();
    if (!from) return [];
    const wanted = nearbyFilters(filters());
    return nearest(index(), from, { radiusKm: radiusKm(), limit: NEARBY_LIMIT, accept: (p) => matches(p, wanted) })
      .map((n) => ({ member: byId().get(n.item.id)!, distanceKm: n.distanceKm }))
      .filter((e) => e.member);
  });
  const selectedMember = () => (selected() ? byId().get(selected()!) : undefined);
  const describe = (p: MapPoint) => {
    const m = byId().get(p.id);
    const state = p.state === 'available' ? fr.map.available : p.state === 'on-call' ? fr.map.onCall : fr.map.unavailable;
    return `${m?.displayName ?? p.id} — ${m ? professionLine(m) : professionLabel(p.profession)} — ${state}`;
  };
  let card: HTMLDivElement | undefined;
  const select = (id: string, fromList = false) => {
    setSelected(id);
    setStack([]);
    // From the list, the map follows; from the map, the card (beside or under it) is brought into view.
    if (fromList) api?.focus(id);
    else card?.scrollIntoView({ block: 'nearest' });
  };
  const movePatient = (point: Point) => setPlace({ ...point, label: fr.picker.mapLabel, source: 'map' });

  return (
    <section class="map-page" aria-labelledby="map-title">
      <h1 id="map-title" class="page-title">
        {fr.map.title}
      </h1>
      <div class="map-layout">
        <div class="map-controls">
          <Filters points={points()} value={filters()} onChange={setFilters} />
          <LocationPicker value={place()} onChange={setPlace} pickOnMap={(done) => api?.pick(done) ?? (() => undefined)} />
          <label class="field">
            <span class="field__label">{fr.map.radius}</span>
            <select class="field__input" data-testid="map-radius" onChange={(e) => setRadiusKm(Number(e.currentTarget.value))}>
              <For each={[2, 5, 10, 20, 50]}>{(km) => <option value={km} selected={km === radiusKm()}>{fr.map.km(km)}</option>}</For>
            </select>
          </label>
        </div>
        <div class="map-area">
          <a class="skip-map" href="#map-results">
            {fr.map.skipMap}
          </a>
          <div class="map-sticky">
            <Show when={outlines()} fallback={<p class="map-canvas map-canvas--empty">{outlines.error ? fr.map.loadError : fr.app.loading}</p>}>
              {(features) => (
                <TerritoryMap
                  outlines={features()}
                  points={visible()}
                  describe={describe}
                  patient={place()}
                  radiusKm={radiusKm()}
                  highlighted={hovered() ?? selected()}
                  onSelect={(id) => select(id)}
                  onHover={setHovered}
                  onStack={setStack}
                  onPatientMove={movePatient}
                  ref={(m) => (api = m)}
                />
              )}
            </Show>
            <p class="muted map-count" data-testid="map-count" aria-live="polite">
              {fr.map.shown(visible().length)}
            </p>
          </div>
        </div>
        <div class="map-results" id="map-results" tabindex="-1">
          <Show when={selectedMember()}>
            {(m) => (
              <div class="map-selected" data-testid="map-selected" ref={card}>
                <ul class="cards cards--single">
                  <MemberCard member={m()} now={now} distanceKm={place() ? distanceKm(place()!, m().location) : undefined} />
                </ul>
                <button type="button" class="map-link" onClick={() => setSelected(null)}>
                  {fr.map.close}
                </button>
              </div>
            )}
          </Show>
          <Show when={stack().length > 0}>
            <div class="panel" data-testid="map-stack">
              <h2 class="panel__title">{fr.map.stack(stack().length)}</h2>
              <ul class="map-plain-list">
                <For each={stack()}>
                  {(id) => (
                    <li>
                      <button type="button" class="map-link" onClick={() => select(id)}>
                        {byId().get(id)?.displayName ?? id}
                      </button>
                    </li>
                  )}
                </For>
              </ul>
            </div>
          </Show>
          <h2 class="panel__title">{fr.map.nearby}</h2>
          <Show when={place()} fallback={<p class="muted">{fr.map.nearbyPrompt}</p>}>
            <p class="directory__count" data-testid="nearby-count" aria-live="polite">
              {fr.map.nearbyCount(nearby().length, radiusKm())}
            </p>
            <NearbyList entries={nearby()} now={now} selected={selected()} highlighted={hovered()} onSelect={(id) => select(id, true)} onHover={setHovered} />
            <Show when={nearby().length === NEARBY_LIMIT}>
              <p class="muted">{fr.map.nearbyLimit(NEARBY_LIMIT)}</p>
            </Show>
          </Show>
          <Show when={outlines()}>{(features) => <OfflineTiles template={TILE_URL} bounds={boundsOf(features())} />}</Show>
        </div>
      </div>
    </section>
  );
}
