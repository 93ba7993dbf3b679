/**
 * The service worker: precaches the app shell and the territory data, serves the shell offline, keeps
 * the attachments a participant opened (the only `/api/` answers ever cached), shows Web Push alerts.
 */
/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';
import { ExpirationPlugin } from 'workbox-expiration';
import { CacheFirst } from 'workbox-strategies';
import { TILE_URL } from './config';
import { isTileRequest, TILE_CACHE, TILE_CACHE_MAX_AGE_SECONDS, TILE_CACHE_MAX_ENTRIES } from './map/tiles';
import { clickUrl, noticeOf, notificationOptions, type AlertNotice } from './requests/push-payload';
import { isUploadRequest, UPLOAD_CACHE } from './requests/upload-cache';

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

// Attachments (photos, PDFs) a participant opened: immutable under their id, so cache first, and only
// complete answers (a 403 or 404 must never be kept). The server serves them to participants only; the
// cache is deleted at logout (src/requests/device-data.ts), with the rest of the patient data.
registerRoute(
  ({ url, request }) => request.method === 'GET' && isUploadRequest(url, self.location.origin),
  new CacheFirst({
    cacheName: UPLOAD_CACHE,
    plugins: [{ cacheWillUpdate: async ({ response }) => (response.status === 200 ? response : null) }],
  }),
);

// registerType 'prompt': a new version waits until the user accepts it from the update banner.
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

clientsClaim();

// Web Push: the payload names the need, the place and the urgency, never the patient.
self.addEventListener('push', (event) => {
  let payload: unknown;
  try {
    payload = event.data?.json();
  } catch {
    payload = { title: event.data?.text() };
  }
  const notice = noticeOf(payload);
  // A new request offers « Accepter » on the notification itself, where the platform shows actions.
  event.waitUntil(self.registration.showNotification(notice.title, notificationOptions(notice)));
});

// A click focuses an open window of the app, which navigates without reloading; otherwise one opens.
self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const notice = event.notification.data as AlertNotice | null;
  // « Accepter » opens the request, which accepts it with a few seconds to undo (accept.ts).
  const url = notice ? clickUrl(notice, event.action) : '/demandes';
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      const open = windows.find((w) => new URL(w.url).origin === self.location.origin);
      if (!open) return void (await self.clients.openWindow(url));
      await open.focus();
      open.postMessage({ type: 'open-url', url });
    })(),
  );
});
