/** The nearest-first query of the map and of « près du patient »: a k-d tree over the directory's positions, rebuilt when the directory changes. */
import { around } from 'geokdbush';
import KDBush from 'kdbush';
import { distanceKm, type Point } from '../domain/geo';

export interface NearestIndex<T extends Point> {
  items: readonly T[];
  tree: KDBush | null;
}

export interface Neighbour<T> {
  item: T;
  distanceKm: number;
}

// geokdbush converts a radius with this Earth radius and `distanceKm` with the mean radius below:
// the radius is scaled so both agree on which points are inside.
const GEOKDBUSH_EARTH_RADIUS_KM = 6371;
const MEAN_EARTH_RADIUS_KM = 6371.0088;

/** Built in a few milliseconds for 100,000 points, so it is simply rebuilt on every change. */
export function buildNearestIndex<T extends Point>(items: readonly T[]): NearestIndex<T> {
  if (items.length === 0) return { items, tree: null };
  const tree = new KDBush(items.length);
  for (const item of items) tree.add(item.lon, item.lat);
  tree.finish();
  return { items, tree };
}

/**
 * Items within `radiusKm` of `from` that pass `accept`, nearest first, at most `limit`. The tree is
 * walked nearest first (geokdbush), so the cost depends on the answer's size, not the directory's.
 */
export function nearest<T extends Point>(
  index: NearestIndex<T>,
  from: Point,
  options: { radiusKm: number; limit: number; accept?: (item: T) => boolean },
): Neighbour<T>[] {
  const { tree, items } = index;
  if (!tree || options.limit <= 0 || !(options.radiusKm >= 0)) return [];
  const accept = options.accept;
  const radius = (options.radiusKm * GEOKDBUSH_EARTH_RADIUS_KM) / MEAN_EARTH_RADIUS_KM;
  const ids = around(tree, from.lon, from.lat, options.limit, radius, accept ? (i) => accept(items[i]) : undefined);
  const found: Neighbour<T>[] = [];
  for (const i of ids) {
    // Recomputed with the app's own formula, so the distances shown are those used everywhere else.
    const d = distanceKm(from, items[i]);
    if (d <= options.radiusKm) found.push({ item: items[i], distanceKm: d });
  }
  return found;
}
