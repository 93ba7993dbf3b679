/**
 * What the requests feature does while a member is signed in, whatever the page: watches for new
 * alerts (sound and notification), keeps the nav badge's count, runs the upload and audit outboxes,
 * subscribes to Web Push, and follows notification clicks relayed by the service worker.
 */
import { createEffect, on, onCleanup, type Accessor } from 'solid-js';
import { pendingCount } from '../data/replication';
import type { SessionUser } from '../domain/session/user';
import { startAuditUploads, stopAuditUploads } from './audit';
import { ensurePushSubscription, showAlert } from './notifications';
import { noticeFor } from './push-payload';
import { createOpenAlerts } from './queries';
import { playAlertSound, unlockAlertSound } from './sound';
import { hurryUploads, startUploads, stopUploads } from './uploader';

/** Starts the background work for `user`; returns the number of open alerts (the nav badge). */
export function createRequestsBackground(user: Accessor<SessionUser | null>, open: (url: string) => void): Accessor<number> {
  const lists = createOpenAlerts(() => user()?.memberId);
  // The first list is what the device already knew: only requests that join it later ring.
  let known: Set<string> | null = null;
  createEffect(() => {
    if (!lists.loaded()) return;
    const alerts = lists.alerts();
    if (known) {
      const fresh = alerts.filter((r) => !known!.has(r.id));
      if (fresh.length) playAlertSound();
      for (const request of fresh) void showAlert(noticeFor(request), open);
    }
    known = new Set(alerts.map((r) => r.id));
  });

  createEffect(
    on(
      () => user()?.id,
      (id) => {
        if (!id) return;
        void startUploads();
        startAuditUploads();
        // Opened offline with the last session: subscribe once the network is back.
        const subscribe = () => void ensurePushSubscription();
        if (navigator.onLine) subscribe();
        else window.addEventListener('online', subscribe, { once: true });
        onCleanup(() => {
          window.removeEventListener('online', subscribe);
          stopUploads();
          stopAuditUploads();
        });
      },
    ),
  );
  // A request acknowledged by the server unblocks the uploads of its photos (404 until then).
  createEffect(on(pendingCount, () => void hurryUploads(), { defer: true }));

  const onMessage = (event: MessageEvent) => {
    const data = event.data as { type?: string; url?: string } | null;
    if (data?.type === 'open-url' && typeof data.url === 'string' && data.url.startsWith('/')) open(data.url);
  };
  navigator.serviceWorker?.addEventListener('message', onMessage);
  const relock = unlockAlertSound();
  onCleanup(() => {
    navigator.serviceWorker?.removeEventListener('message', onMessage);
    relock();
  });
  return () => lists.alerts().length;
}
