/** Point-in-polygon and random points inside a commune, for placing demo members. */
import type { Random } from './random';

type Ring = Array<[number, number]>;

export function insideRing([x, y]: [number, number], ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i];
    const [xj, yj] = ring[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** A random `[lon, lat]` inside one of the rings, or the fallback when none is found quickly. */
export function randomPointIn(rings: Ring[] | undefined, fallback: [number, number], rnd: Random): [number, number] {
  if (!rings?.length) return fallback;
  const all = rings.flat();
  const xs = all.map((p) => p[0]);
  const ys = all.map((p) => p[1]);
  const [minX, maxX, minY, maxY] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  for (let tries = 0; tries < 100; tries++) {
    // Rounded before the test, so a point on the edge cannot be rounded out of its commune.
    const p: [number, number] = [Number((minX + rnd.next() * (maxX - minX)).toFixed(5)), Number((minY + rnd.next() * (maxY - minY)).toFixed(5))];
    if (rings.some((r) => insideRing(p, r))) return p;
  }
  return fallback;
}

/** Splits `total` across weights by the largest-remainder method: exact total, proportional shares. */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total * w) / sum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((a, b) => a + b, 0);
  const order = exact.map((e, i) => [e - Math.floor(e), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    counts[i]++;
  }
  return counts;
}
