/**
 * Commune outlines simplified together to a size budget, and the territory's merged outline, with
 * TopoJSON: neighbours share their borders as arcs, so simplifying keeps them without gaps or
 * overlaps, and merging the communes gives the territory's outer limit.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { feature, merge } from 'topojson-client';
import { topology } from 'topojson-server';
import { planarRingArea, presimplify, quantile, simplify } from 'topojson-simplify';
import type { GeometryCollection, MultiPolygon as TopoMultiPolygon, Polygon as TopoPolygon, Topology } from 'topojson-specification';

export interface CommuneProperties {
  insee: string;
  name: string;
  population: number;
}

export type CommuneOutline = Feature<Polygon | MultiPolygon, CommuneProperties>;

export interface SimplifiedTerritory {
  communes: FeatureCollection<Polygon | MultiPolygon, CommuneProperties>;
  outline: Feature<MultiPolygon, { name: string }>;
  /** Serialized size of `communes`, bytes. */
  bytes: number;
  /** Share of the source's vertices kept, 0–1. */
  kept: number;
}

/** About 1 m: more digits only add bytes. */
const round = (n: number) => Math.round(n * 1e5) / 1e5;

function roundRing(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const q = [round(p[0]), round(p[1])];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out;
}

/** Rounded polygons, without the rings simplification reduced to less than a triangle. */
function cleanPolygons(polygons: Position[][][]): Position[][][] {
  return polygons.map((rings) => rings.map(roundRing).filter((r) => r.length >= 4)).filter((rings) => rings.length > 0);
}

function cleanGeometry(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon | undefined {
  const polygons = cleanPolygons(geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates);
  if (!polygons.length) return undefined;
  return polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons };
}

/**
 * Neighbouring outlines from one source still leave hair-thin gaps where their borders were drawn
 * apart; merged, they become tiny holes. Rings under `minShare` of the largest part are dropped.
 */
function withoutSlivers(polygons: Position[][][], minShare = 0.001): Position[][][] {
  const area = (ring: Position[]) => planarRingArea(ring as [number, number][]);
  const largest = Math.max(...polygons.map((rings) => area(rings[0])));
  return polygons
    .filter((rings) => area(rings[0]) >= minShare * largest)
    .map(([outer, ...holes]) => [outer, ...holes.filter((h) => area(h) >= minShare * largest)]);
}

const vertexCount = (fc: FeatureCollection) =>
  fc.features.reduce((n, f) => n + JSON.stringify((f.geometry as Polygon).coordinates).split('],[').length, 0);

type CommuneTopology = Topology<{ communes: GeometryCollection<CommuneProperties> }>;

function render(topo: CommuneTopology, minWeight: number, name: string): SimplifiedTerritory | undefined {
  const simplified = simplify(topo, minWeight) as CommuneTopology;
  const source = feature(simplified, simplified.objects.communes) as FeatureCollection<Polygon | MultiPolygon, CommuneProperties>;
  const features: CommuneOutline[] = [];
  for (const f of source.features) {
    const geometry = cleanGeometry(f.geometry);
    // A commune reduced to nothing: this budget is too small for the territory.
    if (!geometry) return undefined;
    features.push({ type: 'Feature', properties: f.properties, geometry });
  }
  const communes: FeatureCollection<Polygon | MultiPolygon, CommuneProperties> = { type: 'FeatureCollection', features };
  const merged = merge(simplified, simplified.objects.communes.geometries as Array<TopoPolygon | TopoMultiPolygon>);
  const outline: Feature<MultiPolygon, { name: string }> = {
    type: 'Feature',
    properties: { name },
    geometry: { type: 'MultiPolygon', coordinates: withoutSlivers(cleanPolygons(merged.coordinates)) },
  };
  return { communes, outline, bytes: Buffer.byteLength(JSON.stringify(communes)), kept: 0 };
}

/**
 * The communes simplified as little as the budget allows (a binary search on the share of
 * vertices kept, the least important removed first), and the territory's outline from the same arcs.
 */
export function simplifyTerritory(communes: CommuneOutline[], maxBytes: number, name: string): SimplifiedTerritory {
  const source: FeatureCollection<Polygon | MultiPolygon, CommuneProperties> = { type: 'FeatureCollection', features: communes };
  const sourceVertices = vertexCount(source);
  const topo = presimplify(topology({ communes: source }, 1e6) as CommuneTopology);
  const untouched = render(topo, 0, name)!;
  if (untouched.bytes <= maxBytes) return { ...untouched, kept: 1 };
  let [low, high] = [0, 1];
  let best: SimplifiedTerritory | undefined;
  for (let i = 0; i < 20; i++) {
    const kept = (low + high) / 2;
    const result = render(topo, quantile(topo, kept), name);
    if (result && result.bytes <= maxBytes) {
      best = result;
      low = kept;
    } else {
      high = kept;
    }
  }
  if (!best) throw new Error(`les contours ne tiennent pas dans ${Math.round(maxBytes / 1024)} Ko : augmentez --max-kb`);
  return { ...best, kept: vertexCount(best.communes) / sourceVertices };
}
