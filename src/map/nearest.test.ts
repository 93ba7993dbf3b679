import { describe, expect, it } from 'vitest';
import { distanceKm } from '../domain/geo';
import { buildNearestIndex, nearest } from './nearest';

/** mulberry32: reproducible random numbers, one sequence per seed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Spot {
  id: number;
  lat: number;
  lon: number;
  open: boolean;
}

/** Points around Metz (about 60 × 60 km), a few of them stacked on the same spot as commune centroids are. */
function spots(rnd: () => number, n: number): Spot[] {
  const list: Spot[] = [];
  for (let id = 0; id < n; id++) {
    const stacked = id > 0 && rnd() < 0.05 ? list[Math.floor(rnd() * list.length)] : undefined;
    list.push({ id, lat: stacked?.lat ?? 48.85 + rnd() * 0.55, lon: stacked?.lon ?? 5.8 + rnd() * 0.8, open: rnd() < 0.4 });
  }
  return list;
}

function bruteForce(items: Spot[], from: { lat: number; lon: number }, radiusKm: number, limit: number, accept?: (s: Spot) => boolean) {
  return items
    .filter((s) => !accept || accept(s))
    .map((s) => ({ id: s.id, d: distanceKm(from, s) }))
    .filter((x) => x.d <= radiusKm)
    .sort((a, b) => a.d - b.d || a.id - b.id)
    .slice(0, limit);
}

describe('nearest', () => {
  it('returns what a brute-force haversine scan returns, in the same order, for many seeds, radii and k', () => {
    let checked = 0;
    for (let seed = 1; seed <= 60; seed++) {
      const rnd = random(seed);
      const items = spots(rnd, 50 + Math.floor(rnd() * 2000));
      const index = buildNearestIndex(items);
      for (const radiusKm of [0.5, 2, 5, 10, 25, 100]) {
        for (const limit of [1, 5, 20, 200]) {
          const from = { lat: 48.8 + rnd() * 0.65, lon: 5.75 + rnd() * 0.9 };
          const accept = seed % 2 === 0 ? (s: Spot) => s.open : undefined;
          const expected = bruteForce(items, from, radiusKm, limit, accept);
          const got = nearest(index, from, { radiusKm, limit, accept });
          // Stacked points tie, and any of them may fill the last place: compare the distances in
          // order, then check each answer is a distinct, accepted point at the distance given.
          expect(got.map((n) => n.distanceKm)).toEqual(expected.map((e) => e.d));
          expect(new Set(got.map((n) => n.item.id)).size).toBe(got.length);
          for (const n of got) {
            expect(n.distanceKm).toBe(distanceKm(from, n.item));
            if (accept) expect(accept(n.item)).toBe(true);
          }
          const cutoff = expected.at(-1)?.d ?? Infinity;
          expect(got.filter((n) => n.distanceKm < cutoff).map((n) => n.item.id).sort((a, b) => a - b)).toEqual(expected.filter((e) => e.d < cutoff).map((e) => e.id).sort((a, b) => a - b));
          checked++;
        }
      }
    }
    expect(checked).toBe(60 * 6 * 4);
  });

  it('finds a point exactly at the radius, and nothing in an empty directory', () => {
    const here = { lat: 49.1193, lon: 6.1757 };
    const there = { id: 1, lat: 49.2, lon: 6.2, open: true };
    const d = distanceKm(here, there);
    const index = buildNearestIndex([there]);
    expect(nearest(index, here, { radiusKm: d, limit: 5 }).map((n) => n.item.id)).toEqual([1]);
    expect(nearest(index, here, { radiusKm: d * 0.999, limit: 5 })).toEqual([]);
    expect(nearest(buildNearestIndex<Spot>([]), here, { radiusKm: 10, limit: 5 })).toEqual([]);
    expect(nearest(index, here, { radiusKm: 10, limit: 0 })).toEqual([]);
  });
});
