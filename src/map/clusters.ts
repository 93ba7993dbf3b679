/**
 * Members on the map, clustered with supercluster: only the clusters and points inside the view
 * (plus a margin) exist as DOM markers, and a move only adds and removes the difference, the
 * additions spread over frames, so panning stays smooth with 100,000 members.
 */
import L from 'leaflet';
import Supercluster, { type ClusterFeature } from 'supercluster';
import { clusterHtml, glyph, markerClass, markerHtml } from './glyphs';
import type { MapPoint, MapState } from './points';

/** Zoom from which points are never clustered; points still together there share one spot. */
export const CLUSTER_MAX_ZOOM = 16;
const RADIUS_PX = 60;
const MARKER_PX = 28;
/** Time given to adding markers in each frame, well under a frame's 16 ms. */
const SLICE_MS = 8;

interface PointProps {
  i: number;
  s: MapState;
}
interface ClusterProps {
  a: number;
  o: number;
}

export interface ClusterEvents {
  onSelect(id: string): void;
  onHover(id: string | null): void;
  /** Points on one spot that no zoom separates (e.g. at a commune's centre), listed instead. */
  onStack(ids: string[]): void;
  /** Accessible name of a point's marker. */
  describe(point: MapPoint): string;
  describeCluster(total: number, available: number, onCall: number): string;
}

export interface ClusterLayer {
  setPoints(points: readonly MapPoint[]): void;
  highlight(id: string | null): void;
  /** Resolves once every marker of the current view is on the map. */
  settled(): Promise<void>;
  location(id: string): L.LatLng | undefined;
  destroy(): void;
}

export function createClusterLayer(map: L.Map, events: ClusterEvents): ClusterLayer {
  const layer = L.layerGroup().addTo(map);
  const shown = new Map<string, L.Marker>();
  const icons = new Map<string, L.DivIcon>();
  let points: readonly MapPoint[] = [];
  let byId = new Map<string, number>();
  let index = new Supercluster<PointProps, ClusterProps>();
  let ring: L.CircleMarker | undefined;
  let highlighted: string | null = null;

  // Icons are shared by every marker that looks the same: a few dozen objects, not one per member.
  function pointIcon(p: MapPoint): L.DivIcon {
    const text = glyph(p.profession, p.specialty);
    const key = `${text}|${p.state}|${p.structure}`;
    let icon = icons.get(key);
    if (!icon) icons.set(key, (icon = L.divIcon({ className: markerClass(p.state, p.structure), html: markerHtml(text), iconSize: [MARKER_PX, MARKER_PX] })));
    return icon;
  }

  // Leaflet makes markers focusable buttons but does not act on the keyboard: Enter or Space clicks.
  function pressable(marker: L.Marker, onPress: () => void): L.Marker {
    marker.on('click', onPress);
    marker.on('add', () =>
      marker.getElement()?.addEventListener('keydown', (e) => {
        if (e.key !== 'Enter' && e.key !== ' ') return;
        e.preventDefault();
        onPress();
      }),
    );
    return marker;
  }

  function pointMarker(i: number): L.Marker {
    const p = points[i];
    const marker = pressable(L.marker([p.lat, p.lon], { icon: pointIcon(p), title: events.describe(p), keyboard: true, riseOnHover: true }), () => events.onSelect(p.id));
    marker.on('mouseover', () => events.onHover(p.id));
    marker.on('mouseout', () => events.onHover(null));
    marker.on('add', () => marker.getElement()?.setAttribute('data-member-id', p.id));
    return marker;
  }

  function clusterMarker(feature: ClusterFeature<ClusterProps>): L.Marker {
    const { cluster_id: id, point_count: total, a, o } = feature.properties;
    const [lon, lat] = feature.geometry.coordinates;
    const { html, size } = clusterHtml({ total, available: a, onCall: o });
    const icon = L.divIcon({ className: 'cluster', html, iconSize: [size, size] });
    return pressable(L.marker([lat, lon], { icon, title: events.describeCluster(total, a, o), keyboard: true }), () => {
      const zoom = index.getClusterExpansionZoom(id);
      if (zoom <= CLUSTER_MAX_ZOOM) map.flyTo([lat, lon], zoom, { duration: 0.4 });
      else events.onStack(index.getLeaves(id, Infinity).map((leaf) => points[leaf.properties.i].id));
    });
  }

  /** Markers still to add after a move, farthest from the centre first (taken from the end). */
  let queue: Array<{ key: string; make: () => L.Marker; d: number }> = [];
  let frame = 0;
  const settle: Array<() => void> = [];
  let highlightedKey: string | undefined;

  function render(): void {
    const bounds = map.getBounds().pad(0.25);
    const box: [number, number, number, number] = [
      Math.max(-180, bounds.getWest()),
      Math.max(-85, bounds.getSouth()),
      Math.min(180, bounds.getEast()),
      Math.min(85, bounds.getNorth()),
    ];
    const centre = map.getCenter();
    const wanted = new Map<string, { make: () => L.Marker; d: number }>();
    for (const f of index.getClusters(box, Math.floor(map.getZoom()))) {
      const props = f.properties;
      const [lon, lat] = f.geometry.coordinates;
      const d = (lat - centre.lat) ** 2 + (lon - centre.lng) ** 2;
      if ('cluster' in props && props.cluster) {
        const cluster = f as ClusterFeature<ClusterProps>;
        wanted.set(`c${props.cluster_id}`, { make: () => clusterMarker(cluster), d });
      } else {
        const i = (props as PointProps).i;
        wanted.set(`p${i}`, { make: () => pointMarker(i), d });
      }
    }
    for (const [key, marker] of shown) {
      if (!wanted.has(key)) {
        layer.removeLayer(marker);
        shown.delete(key);
      }
    }
    queue = [...wanted].filter(([key]) => !shown.has(key)).map(([key, w]) => ({ key, ...w })).sort((a, b) => b.d - a.d);
    if (!frame) frame = requestAnimationFrame(addSlice);
  }

  // Markers are added a few milliseconds' worth per frame, the centre of the view first, so a move
  // that brings hundreds of new markers never blocks the page for long.
  function addSlice(): void {
    frame = 0;
    const end = performance.now() + SLICE_MS;
    while (queue.length > 0 && performance.now() < end) {
      const { key, make } = queue.pop()!;
      if (shown.has(key)) continue;
      const marker = make();
      shown.set(key, marker);
      layer.addLayer(marker);
      if (key === highlightedKey) marker.getElement()?.classList.add('is-highlighted');
    }
    if (queue.length > 0) frame = requestAnimationFrame(addSlice);
    else for (const done of settle.splice(0)) done();
  }

  map.on('moveend', render);

  return {
    setPoints(next) {
      points = next;
      byId = new Map(next.map((p, i) => [p.id, i]));
      index = new Supercluster<PointProps, ClusterProps>({
        radius: RADIUS_PX,
        maxZoom: CLUSTER_MAX_ZOOM,
        map: (props) => ({ a: props.s === 'available' ? 1 : 0, o: props.s === 'on-call' ? 1 : 0 }),
        reduce: (acc, props) => {
          acc.a += props.a;
          acc.o += props.o;
        },
      });
      index.load(next.map((p, i) => ({ type: 'Feature', properties: { i, s: p.state }, geometry: { type: 'Point', coordinates: [p.lon, p.lat] } })));
      layer.clearLayers();
      shown.clear();
      highlightedKey = undefined;
      render();
      this.highlight(highlighted);
    },
    highlight(id) {
      highlighted = id;
      ring?.remove();
      ring = undefined;
      if (highlightedKey) shown.get(highlightedKey)?.getElement()?.classList.remove('is-highlighted');
      const at = id === null ? undefined : byId.get(id);
      highlightedKey = at === undefined ? undefined : `p${at}`;
      if (at !== undefined) {
        // A ring drawn under the markers shows the member even while it is inside a cluster.
        ring = L.circleMarker([points[at].lat, points[at].lon], { radius: 20, className: 'map-highlight', interactive: false, color: '#f0a500', weight: 4, fill: false }).addTo(map);
        shown.get(highlightedKey!)?.getElement()?.classList.add('is-highlighted');
      }
    },
    settled() {
      return queue.length === 0 && !frame ? Promise.resolve() : new Promise((resolve) => settle.push(resolve));
    },
    location(id) {
      const at = byId.get(id);
      return at === undefined ? undefined : L.latLng(points[at].lat, points[at].lon);
    },
    destroy() {
      map.off('moveend', render);
      cancelAnimationFrame(frame);
      for (const done of settle.splice(0)) done();
      ring?.remove();
      layer.remove();
    },
  };
}
