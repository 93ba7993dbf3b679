/** Map tiles: which tiles cover the territory, their addresses, where the service worker keeps them, and which hosts may be prefetched. */

export interface TileCoord {
  z: number;
  x: number;
  y: number;
}

/** Cache of the service worker for tiles (cache first, bounded): shared by `sw.ts` and the prefetch. */
export const TILE_CACHE = 'map-tiles';
export const TILE_CACHE_MAX_ENTRIES = 3000;
export const TILE_CACHE_MAX_AGE_SECONDS = 30 * 24 * 3600;

/** Zooms fetched by « préparer la carte hors ligne »: the whole territory (10) down to streets (15). */
export const PREFETCH_ZOOMS = { min: 10, max: 15 } as const;

/** Hosts whose usage policy forbids bulk downloads (tile.openstreetmap.org and its a./b./c. names). */
const NO_BULK_HOSTS = ['tile.openstreetmap.org'];

/** Web Mercator tile (the `PM` matrix set of the Géoplateforme, the XYZ scheme of most servers). */
export function tileOf(lon: number, lat: number, z: number): { x: number; y: number } {
  const n = 2 ** z;
  const sin = Math.sin((Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180);
  const x = Math.floor(((lon + 180) / 360) * n);
  const y = Math.floor((0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * n);
  return { x: Math.min(n - 1, Math.max(0, x)), y: Math.min(n - 1, Math.max(0, y)) };
}

/** Every tile touching `[west, south, east, north]` at each zoom from `minZoom` to `maxZoom`, coarsest first. */
export function tilesForBounds(bounds: readonly [number, number, number, number], minZoom: number, maxZoom: number): TileCoord[] {
  const [west, south, east, north] = bounds;
  const tiles: TileCoord[] = [];
  for (let z = minZoom; z <= maxZoom; z++) {
    const from = tileOf(west, north, z);
    const to = tileOf(east, south, z);
    for (let x = from.x; x <= to.x; x++) for (let y = from.y; y <= to.y; y++) tiles.push({ z, x, y });
  }
  return tiles;
}

/** The address of a tile from a Leaflet-style template (`{z}`, `{x}`, `{y}`, `{s}`). */
export function tileUrl(template: string, { z, x, y }: TileCoord, subdomains = 'abc'): string {
  return template
    .replace(/\{s\}/g, subdomains[Math.abs(x + y) % subdomains.length])
    .replace(/\{z\}/g, String(z))
    .replace(/\{x\}/g, String(x))
    .replace(/\{y\}/g, String(y))
    .replace(/\{r\}/g, '');
}

function hostOf(template: string): string | null {
  const match = /^https?:\/\/([^/?#:]+)/i.exec(template);
  return match ? match[1].toLowerCase().replace(/\{s\}/g, 'a') : null;
}

/** Whether the tile server's policy lets the app fetch the whole territory in advance. */
export function prefetchAllowed(template: string): boolean {
  const host = hostOf(template);
  return host !== null && !NO_BULK_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
}

/** Tells whether a request goes to the tile server, so the service worker caches that origin only. */
export function isTileRequest(template: string): (url: URL) => boolean {
  const match = /^(https?:\/\/[^/?#]+)/i.exec(template);
  if (!match) return () => false;
  const escaped = match[1].toLowerCase().replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{s\\?\}/g, '[a-z0-9-]+');
  const origin = new RegExp(`^${escaped}$`);
  return (url) => origin.test(url.origin);
}
