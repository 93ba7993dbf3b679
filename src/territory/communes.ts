/** The territory's communes (precached with the app shell, so available offline), loaded once. */
import type { Commune, CommunesFile } from '../domain/territory/communes';

let loading: Promise<Commune[]> | null = null;

export function loadCommunes(): Promise<Commune[]> {
  if (!loading) {
    loading = fetch('/territory/communes.json')
      .then((res) => {
        if (!res.ok) throw new Error(`communes: HTTP ${res.status}`);
        return res.json() as Promise<CommunesFile>;
      })
      .then((data) => [...data.communes].sort((a, b) => a.name.localeCompare(b.name, 'fr')))
      .catch((err: unknown) => {
        loading = null;
        throw err;
      });
  }
  return loading;
}
