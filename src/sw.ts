/** The service worker: precaches the app shell and the territory data, serves the shell offline, never touches `/api/`. */
/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { ExpirationPlugin } from 'workbox-expiration';
import { CacheFirst } from 'workbox-strategies';
import { TILE_URL } from './config';
import { isTileRequest, TILE_CACHE, TILE_CACHE_MAX_AGE_SECONDS, TILE_CACHE_MAX_ENTRIES } from './map/tiles';

declare const self: ServiceWorkerGlobalScope;

// Filled in at build time by vite-plugin-pwa (injectManifest) with every built file and its revision.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Any in-app address opens the shell, offline included; the API (sessions, sync) always goes to the
// network, since a cached answer there would show stale rights or data.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/api\//] }));

// Map tiles, from the tile server's origin only: cache first and bounded, so the areas a user has
// seen (and the territory prefetched from the map page) stay available offline. Only complete (200)
// responses are kept, Workbox's default. A tile the map cannot get offline is answered with a blank
// image, so a missing background raises no error in the page; the prefetch's own fetch() calls
// (destination '') still see the failure and count it.
const BLANK_PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII='), (c) => c.charCodeAt(0));
const isTile = isTileRequest(TILE_URL);
registerRoute(
  ({ url }) => isTile(url),
  new CacheFirst({
    cacheName: TILE_CACHE,
    plugins: [
      new ExpirationPlugin({ maxEntries: TILE_CACHE_MAX_ENTRIES, maxAgeSeconds: TILE_CACHE_MAX_AGE_SECONDS, purgeOnQuotaError: true }),
      {
        handlerDidError: async ({ request }) =>
          request.destination === 'image' ? new Response(BLANK_PNG, { headers: { 'content-type': 'image/png', 'cache-control': 'no-store' } }) : undefined,
      },
    ],
  }),
);

// registerType 'prompt': a new version waits until the user accepts it from the update banner.
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

clientsClaim();

// Web Push (`push`, `notificationclick`) handlers will be added here.
