/** Solid wrapper of the Leaflet map: creates it once, then hands it the points, the patient's place and the highlighted member as they change. */
import { createEffect, onCleanup, onMount } from 'solid-js';
import { TILE_ATTRIBUTION, TILE_URL } from '../config';
import type { Point } from '../domain/geo';
import * as fr from '../i18n/fr';
import { log } from '../log';
import type { CommuneFeature } from './outline';
import { loadLimit } from './outlines';
import type { MapPoint } from './points';
import { createTerritoryMap, type TerritoryMap as MapApi } from './territory-map';

export interface TerritoryMapProps {
  outlines: readonly CommuneFeature[];
  points: readonly MapPoint[];
  describe(point: MapPoint): string;
  patient?: Point;
  radiusKm: number;
  highlighted: string | null;
  onSelect(id: string): void;
  onHover(id: string | null): void;
  onStack(ids: string[]): void;
  onPatientMove(point: Point): void;
  ref?(api: MapApi): void;
}

export function TerritoryMap(props: TerritoryMapProps) {
  let element!: HTMLDivElement;
  onMount(() => {
    const api = createTerritoryMap(element, {
      outlines: props.outlines,
      tileUrl: TILE_URL,
      attribution: TILE_ATTRIBUTION,
      labels: { patient: fr.map.patient, mapLabel: fr.map.mapLabel },
      onSelect: (id) => props.onSelect(id),
      onHover: (id) => props.onHover(id),
      onStack: (ids) => props.onStack(ids),
      onPatientMove: (point) => props.onPatientMove(point),
      describe: (point) => props.describe(point),
      describeCluster: fr.map.describeCluster,
    });
    // The limit is a line over the communes: the map is usable before it arrives, and without it.
    loadLimit().then((rings) => api.setLimit(rings), (err: unknown) => log.error('map.limit', err));
    props.ref?.(api);
    createEffect(() => api.clusters.setPoints(props.points));
    createEffect(() => api.setPatient(props.patient, props.radiusKm));
    createEffect(() => api.clusters.highlight(props.highlighted));
    onCleanup(() => api.destroy());
  });
  return <div ref={element} class="map-canvas" data-testid="territory-map" />;
}
