/** Client configuration: the only module that reads `import.meta.env`, so build-time settings live in one place. */

/**
 * True under `vite` (development server), false in every production build. For behaviour only: to
 * keep code out of the production bundle, see `loadRxdbDevMode`.
 */
export const DEV: boolean = import.meta.env.DEV;

/** The server's API, always on the same origin (the server also serves the built app). */
export const API_BASE = '/api';

/** Absolute URL of an API path, e.g. `apiUrl('/session')`. */
export function apiUrl(path: string): string {
  return `${API_BASE}${path}`;
}

/**
 * Absolute URL of a collection's replication gateway. RxDB's CouchDB plugin needs an absolute URL
 * ending in `/` (it appends `_changes`, `_all_docs`, `_bulk_docs`).
 */
export function syncUrl(collection: string): string {
  return new URL(`${API_BASE}/sync/${collection}/`, location.origin).href;
}

/** Name of the local (IndexedDB) database. */
export const LOCAL_DATABASE_NAME = 'cpts';

/**
 * RxDB dev-mode (schema and query checks), under the dev server only: it also loads an iframe from
 * rxdb.info, so it must never ship. The test on `import.meta.env.DEV` has to stay here, literally:
 * the bundler drops the import only when it sees a constant condition in the importing module.
 */
export const loadRxdbDevMode = import.meta.env.DEV ? () => import('./data/dev-mode') : undefined;
