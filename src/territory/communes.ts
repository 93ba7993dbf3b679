/** The territory's communes (precached with the app shell, so available offline), loaded once. */

export interface Commune {
  insee: string;
  name: string;
  postcodes: string[];
  population: number;
  centroid: [number, number];
}

let loading: Promise<Commune[]> | null = null;

export function loadCommunes(): Promise<Commune[]> {
  if (!loading) {
    loading = fetch('/territory/communes.json')
      .then((res) => {
        if (!res.ok) throw new Error(`communes: HTTP ${res.status}`);
        return res.json() as Promise<{ communes: Commune[] }>;
      })
      .then((data) => [...data.communes].sort((a, b) => a.name.localeCompare(b.name, 'fr')))
      .catch((err: unknown) => {
        loading = null;
        throw err;
      });
  }
  return loading;
}
