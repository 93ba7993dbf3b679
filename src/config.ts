/** Client configuration: the only module that reads `import.meta.env`, so build-time settings live in one place. */
import type { TerritoryIdentity } from './domain/territory/settings';

/**
 * The territory the app was built for (`TERRITORY` / `TERRITORY_DIR` at build time, see
 * `vite/territory.ts`): its names, the coordination platform's contact and its time zone.
 */
export const DEV: boolean = import.meta.env.DEV;

export const TERRITORY: TerritoryIdentity = territory(import.meta.env.VITE_TERRITORY);

function territory(value: string | undefined): TerritoryIdentity {
  if (!value) throw new Error('VITE_TERRITORY is not set: build the app with vite.config.ts (or vitest.config.ts), which adds the territory.');
  return JSON.parse(value) as TerritoryIdentity;
}

/** The app's version (`package.json`, set at build time by `vite.config.ts`), sent with error reports; absent under the tests. */
export const APP_VERSION: string | undefined = import.meta.env.VITE_APP_VERSION;

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
/** Name of the encrypted local database of patient data (data/case-database.ts). */
export const CASE_DATABASE_NAME = 'cpts-cases';

/**
 * RxDB dev-mode (schema and query checks), under the dev server only: it also loads an iframe from
 * rxdb.info, so it must never ship. The test on `import.meta.env.DEV` has to stay here, literally:
 * the bundler drops the import only when it sees a constant condition in the importing module.
 */
export const loadRxdbDevMode = import.meta.env.DEV ? () => import('./data/dev-mode') : undefined;

/** Default map background: Plan IGN v2 from the IGN Géoplateforme (WMTS, Web Mercator), free and without a key. */
const IGN_PLAN_V2 =
  'https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&STYLE=normal&TILEMATRIXSET=PM&FORMAT=image/png&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}';

/** A Leaflet tile template from `VITE_TILE_URL` (empty: no background), checked at start so a typo is not a blank map. */
function tileTemplate(value: string | undefined): string {
  if (value === undefined) return IGN_PLAN_V2;
  if (value === '') return '';
  if (!/^https:\/\/[^/]+\//.test(value) || !['{z}', '{x}', '{y}'].every((p) => value.includes(p))) {
    throw new Error(`VITE_TILE_URL must be an https:// tile template containing {z}, {x} and {y}; got "${value}".`);
  }
  return value;
}

/** Map tile template; the server's CSP (`server/http/headers.ts`, TILE_ORIGINS) must allow its origin. */
export const TILE_URL: string = tileTemplate(import.meta.env.VITE_TILE_URL);
/** Attribution shown on the map (`VITE_TILE_ATTRIBUTION`), required by the tile provider's licence. */
export const TILE_ATTRIBUTION: string = import.meta.env.VITE_TILE_ATTRIBUTION ?? (TILE_URL === IGN_PLAN_V2 ? '© IGN – Plan IGN v2' : '');
