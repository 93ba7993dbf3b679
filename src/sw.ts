/** The service worker: precaches the app shell and the territory data, serves the shell offline, never touches `/api/`. */
/// <reference lib="webworker" />
import { clientsClaim } from 'workbox-core';
import { cleanupOutdatedCaches, createHandlerBoundToURL, precacheAndRoute } from 'workbox-precaching';
import { NavigationRoute, registerRoute } from 'workbox-routing';

declare const self: ServiceWorkerGlobalScope;

// Filled in at build time by vite-plugin-pwa (injectManifest) with every built file and its revision.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();

// Any in-app address opens the shell, offline included; the API (sessions, sync) always goes to the
// network, since a cached answer there would show stale rights or data.
registerRoute(new NavigationRoute(createHandlerBoundToURL('index.html'), { denylist: [/^\/api\//] }));

// registerType 'prompt': a new version waits until the user accepts it from the update banner.
self.addEventListener('message', (event) => {
  if ((event.data as { type?: string } | null)?.type === 'SKIP_WAITING') void self.skipWaiting();
});

clientsClaim();

// Web Push (`push`, `notificationclick`) handlers will be added here.
