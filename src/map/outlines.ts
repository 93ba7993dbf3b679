/** The commune outlines (precached with the app shell, so the map draws offline), loaded once. */
import type { CommuneFeature } from './outline';

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
