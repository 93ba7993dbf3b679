/**
 * The territory's outer limit, from the commune outlines: the edges that only one commune has.
 * No polygon union library: the outlines come from one source and share their common vertices.
 */

export type Position = [number, number];
export type Ring = Position[];

/** What the map needs of the commune outlines file (GeoJSON, `[lon, lat]`). */
export interface CommuneFeature {
  type: 'Feature';
  properties: { insee: string; name: string; population?: number };
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
}

export function polygonsOf(feature: CommuneFeature): Ring[][] {
  return feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
}

const key = (p: Position) => `${p[0]},${p[1]}`;

/** Area of a ring in km², near enough for comparing rings (equirectangular around the ring's latitude). */
export function ringAreaKm2(ring: Ring): number {
  if (ring.length < 3) return 0;
  const kmPerDegLat = 111.2;
  const kmPerDegLon = kmPerDegLat * Math.cos((ring[0][1] * Math.PI) / 180);
  let twice = 0;
  for (let i = 0; i < ring.length - 1; i++) twice += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return (Math.abs(twice) / 2) * kmPerDegLat * kmPerDegLon;
}

/**
 * Closed rings made of the edges that belong to a single commune. Simplified outlines leave tiny
 * gaps between neighbours, whose edges are unshared too; rings smaller than `minShare` of the
 * largest are such slivers, and are dropped.
 */
export function outerBoundary(features: readonly CommuneFeature[], minShare = 0.001): Ring[] {
  const count = new Map<string, number>();
  const ends = new Map<string, [Position, Position]>();
  for (const f of features) {
    for (const polygon of polygonsOf(f)) {
      for (const ring of polygon) {
        for (let i = 0; i < ring.length - 1; i++) {
          const [a, b] = [key(ring[i]), key(ring[i + 1])];
          if (a === b) continue;
          const k = a < b ? `${a};${b}` : `${b};${a}`;
          count.set(k, (count.get(k) ?? 0) + 1);
          ends.set(k, [ring[i], ring[i + 1]]);
        }
      }
    }
  }
  // Unshared edges, by vertex; each is walked once.
  const edges = [...count].filter(([, n]) => n === 1).map(([k]) => ({ ends: ends.get(k)!, used: false }));
  const at = new Map<string, typeof edges>();
  for (const e of edges) for (const p of e.ends) at.set(key(p), [...(at.get(key(p)) ?? []), e]);

  const rings: Ring[] = [];
  for (const first of edges) {
    if (first.used) continue;
    // Walk from edge to edge; coming back to a vertex already on the path closes a ring there, so
    // two rings touching at one vertex come out as two simple rings.
    const path: Position[] = [first.ends[0]];
    const onPath = new Map<string, number>([[key(first.ends[0]), 0]]);
    let here = first.ends[0];
    for (;;) {
      const next = at.get(key(here))?.find((e) => !e.used);
      if (!next) break;
      next.used = true;
      here = key(next.ends[0]) === key(here) ? next.ends[1] : next.ends[0];
      const seen = onPath.get(key(here));
      if (seen === undefined) {
        onPath.set(key(here), path.length);
        path.push(here);
        continue;
      }
      rings.push([...path.slice(seen), here]);
      for (const p of path.splice(seen + 1)) onPath.delete(key(p));
    }
  }
  const largest = Math.max(0, ...rings.map(ringAreaKm2));
  return rings.filter((r) => ringAreaKm2(r) >= largest * minShare);
}

/** `[west, south, east, north]` of the outlines. */
export function boundsOf(features: readonly CommuneFeature[]): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of features) {
    for (const polygon of polygonsOf(f)) {
      for (const [lon, lat] of polygon[0]) {
        box[0] = Math.min(box[0], lon);
        box[1] = Math.min(box[1], lat);
        box[2] = Math.max(box[2], lon);
        box[3] = Math.max(box[3], lat);
      }
    }
  }
  return box;
}
