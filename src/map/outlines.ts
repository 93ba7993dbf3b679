/** The commune outlines and the territory's limit (precached with the app shell, so the map draws offline), loaded once. */
import type { CommuneFeature, LimitFeature, Ring } from './outline';

let loading: Promise<CommuneFeature[]> | null = null;

export function loadOutlines(): Promise<CommuneFeature[]> {
  if (!loading) {
    loading = fetch('/territory/communes.geojson')
      .then((res) => {
        if (!res.ok) throw new Error(`communes.geojson: HTTP ${res.status}`);
        return res.json() as Promise<{ features: CommuneFeature[] }>;
      })
      .then((data) => data.features)
      .catch((err: unknown) => {
        loading = null;
        throw err;
      });
  }
  return loading;
}

let limit: Promise<Ring[]> | null = null;

/** Every ring of the territory's outer limit, outer rings and holes alike: the map draws them as lines. */
export function loadLimit(): Promise<Ring[]> {
  if (!limit) {
    limit = fetch('/territory/outline.geojson')
      .then((res) => {
        if (!res.ok) throw new Error(`outline.geojson: HTTP ${res.status}`);
        return res.json() as Promise<{ features: LimitFeature[] }>;
      })
      .then((data) => data.features.flatMap((f) => f.geometry.coordinates.flat()))
      .catch((err: unknown) => {
        limit = null;
        throw err;
      });
  }
  return limit;
}
