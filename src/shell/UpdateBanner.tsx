/** Offers the new version when the service worker has one waiting (`registerType: 'prompt'`); nothing under the dev server. */
import { Show } from 'solid-js';
import { useRegisterSW } from 'virtual:pwa-register/solid';
import * as fr from '../i18n/fr';

/** An app left open all day in a practice still learns about new versions. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

export function UpdateBanner() {
  const {
    needRefresh: [needRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    immediate: true,
    onRegisteredSW(_url, registration) {
      if (registration) setInterval(() => void registration.update().catch(() => undefined), UPDATE_CHECK_MS);
    },
  });

  function reload() {
    // vite-plugin-pwa reloads by itself only if a service worker already controlled the page when it
    // loaded; on a first visit that receives an update, the page would otherwise keep the old version.
    navigator.serviceWorker?.addEventListener('controllerchange', () => window.location.reload(), { once: true });
    void updateServiceWorker(true);
  }

  return (
    <Show when={needRefresh()}>
      <div class="update-banner" role="status" data-testid="update-banner">
        <span>{fr.update.available}</span>
        <button type="button" class="button button--small" onClick={reload}>
          {fr.update.reload}
        </button>
      </div>
    </Show>
  );
}
