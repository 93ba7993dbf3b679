/** The Leaflet map of the territory: tile background, commune outlines and outer limit, members, the patient's place and radius. */
import L from 'leaflet';
import { addFrenchControls, WITHOUT_DEFAULT_CONTROLS } from './french-controls';
import 'leaflet/dist/leaflet.css';
import type { Point } from '../domain/geo';
import { createClusterLayer, type ClusterEvents, type ClusterLayer } from './clusters';
import { boundsOf, type CommuneFeature, type Ring } from './outline';
import './map.css';

export interface TerritoryMapOptions extends ClusterEvents {
  outlines: readonly CommuneFeature[];
  /** Leaflet template of the tile server; '' draws no background. */
  tileUrl: string;
  attribution: string;
  labels: { patient: string; mapLabel: string };
  /** The patient's marker was dragged elsewhere. */
  onPatientMove(point: Point): void;
}

export interface TerritoryMap {
  map: L.Map;
  clusters: ClusterLayer;
  setPatient(place: Point | undefined, radiusKm: number): void;
  /** Draws the territory's outer limit (its rings, as lines). */
  setLimit(rings: readonly Ring[]): void;
  /** Centres the map on a member (its ring shows it even inside a cluster). */
  focus(id: string): void;
  /** Calls `done` with the next place tapped or clicked on the map; returns a function that cancels. */
  pick(done: (point: Point) => void): () => void;
  destroy(): void;
}

/** Streets readable, neighbours apart. */
const FOCUS_ZOOM = 15;

const latLngs = (ring: [number, number][]) => ring.map(([lon, lat]) => L.latLng(lat, lon));

export function createTerritoryMap(element: HTMLElement, options: TerritoryMapOptions): TerritoryMap {
  const [west, south, east, north] = boundsOf(options.outlines);
  const territory = L.latLngBounds([south, west], [north, east]);
  const map = L.map(element, {
    minZoom: 9,
    maxZoom: 18,
    maxBounds: territory.pad(1),
    // Half steps let the whole territory fill the map; clusters are computed for the zoom below.
    zoomSnap: 0.5,
    ...WITHOUT_DEFAULT_CONTROLS,
  });
  addFrenchControls(map);
  element.setAttribute('aria-label', options.labels.mapLabel);
  map.fitBounds(territory);

  if (options.tileUrl) {
    // CORS mode: tiles cached by the service worker are then readable, and counted at their real
    // size in the storage quota (opaque responses count several megabytes each in Chromium).
    // A tile that cannot load leaves the background blank; the outlines are drawn from local data.
    L.tileLayer(options.tileUrl, { attribution: options.attribution, crossOrigin: 'anonymous', maxZoom: 18, minZoom: 9 }).addTo(map);
  }

  const communes = L.geoJSON(
    { type: 'FeatureCollection', features: [...options.outlines] } as unknown as GeoJSON.FeatureCollection,
    {
      style: { className: 'commune', weight: 1, color: '#0b5c8a', opacity: 0.7, fillColor: '#0b5c8a', fillOpacity: 0.04 },
      onEachFeature: (feature, layer) => {
        // Shown on hover, and on tap on a touch screen (Leaflet opens tooltips on click).
        layer.bindTooltip((feature.properties as CommuneFeature['properties']).name, { sticky: true, className: 'commune-name', direction: 'top' });
      },
    },
  ).addTo(map);

  const clusters = createClusterLayer(map, options);
  let patient: L.Marker | undefined;
  let radius: L.Circle | undefined;

  return {
    map,
    clusters,
    setLimit(rings) {
      L.polyline(rings.map(latLngs), { className: 'territory-limit', weight: 3, color: '#084566', interactive: false }).addTo(map);
    },
    setPatient(place, radiusKm) {
      patient?.remove();
      radius?.remove();
      patient = radius = undefined;
      if (!place) return;
      const at = L.latLng(place.lat, place.lon);
      radius = L.circle(at, { radius: radiusKm * 1000, className: 'patient-radius', interactive: false, weight: 2, fillOpacity: 0.06 }).addTo(map);
      const icon = L.divIcon({ className: 'patient-marker', html: '<span aria-hidden="true">+</span>', iconSize: [30, 30] });
      patient = L.marker(at, { icon, draggable: true, title: options.labels.patient, keyboard: true, zIndexOffset: 1000 }).addTo(map);
      patient.on('dragend', () => {
        const moved = patient!.getLatLng();
        options.onPatientMove({ lat: moved.lat, lon: moved.lng });
      });
      if (!map.getBounds().contains(radius.getBounds())) map.fitBounds(radius.getBounds(), { maxZoom: 15 });
    },
    focus(id) {
      const at = clusters.location(id);
      if (at) map.setView(at, Math.max(map.getZoom(), FOCUS_ZOOM));
    },
    pick(done) {
      const container = map.getContainer();
      container.classList.add('is-picking');
      const onClick = (e: L.LeafletMouseEvent) => {
        container.classList.remove('is-picking');
        done({ lat: e.latlng.lat, lon: e.latlng.lng });
      };
      map.once('click', onClick);
      return () => {
        container.classList.remove('is-picking');
        map.off('click', onClick);
      };
    },
    destroy() {
      clusters.destroy();
      communes.remove();
      map.remove();
    },
  };
}
