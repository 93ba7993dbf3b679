/**
 * Notifications of this device: permission asked from a button (never on load), alerts shown while
 * the app is open, and the Web Push subscription that brings them when it is closed.
 */
import { createSignal } from 'solid-js';
import { apiUrl } from '../config';
import { fetchOrOffline } from '../data/http';
import type { PushKeyAnswer } from '../domain/push/api';
import { notificationOptions, type AlertNotice } from './push-payload';

const supported = typeof Notification !== 'undefined';
const [permission, setPermission] = createSignal<NotificationPermission>(supported ? Notification.permission : 'denied');

export const notificationPermission = permission;
export const notificationsSupported = (): boolean => supported;

/** From a button: browsers ignore (or penalise) a request not made in answer to a user's action. */
export async function askNotificationPermission(): Promise<void> {
  if (!supported) return;
  setPermission(await Notification.requestPermission());
  if (permission() === 'granted') await ensurePushSubscription();
}

/**
 * Through the service worker when one is active (phones require it); its click handler opens the
 * request. A worker still installing cannot show one: the page shows it then, without the buttons
 * (only a worker's notifications have them).
 */
export async function showAlert(notice: AlertNotice, open: (url: string) => void): Promise<void> {
  if (!supported || Notification.permission !== 'granted') return;
  const options = notificationOptions(notice);
  const registration = await navigator.serviceWorker?.getRegistration().catch(() => undefined);
  if (registration?.active) return registration.showNotification(notice.title, options);
  const { actions: _buttons, ...pageOptions } = options;
  const shown = new Notification(notice.title, pageOptions);
  shown.onclick = () => {
    window.focus();
    open(notice.url);
  };
}

function keyBytes(base64url: string): Uint8Array<ArrayBuffer> {
  const base64 = base64url.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  return Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
}

/**
 * After login, when notifications are allowed: subscribes this browser to Web Push with the server's
 * VAPID key and registers the subscription (posting it again is harmless). Failures are silent: a
 * browser without a push service still gets alerts while the app is open.
 */
export async function ensurePushSubscription(): Promise<void> {
  if (!supported || Notification.permission !== 'granted' || !('serviceWorker' in navigator) || !navigator.onLine) return;
  try {
    const registration = await navigator.serviceWorker.ready;
    if (!registration.pushManager) return;
    let subscription = await registration.pushManager.getSubscription();
    if (!subscription) {
      const res = await fetchOrOffline(apiUrl('/push/key'));
      if (!res.ok) return;
      const { publicKey } = (await res.json()) as PushKeyAnswer;
      subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: keyBytes(publicKey) });
    }
    await fetchOrOffline(apiUrl('/push/subscriptions'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(subscription.toJSON()) });
  } catch {
    // No push service reachable (e.g. a browser without one): in-app alerts remain.
  }
}

/** At logout: the server forgets this endpoint (while the session still exists), then the browser drops it. */
export async function dropPushSubscription(): Promise<void> {
  if (!('serviceWorker' in navigator)) return;
  const registration = await navigator.serviceWorker.getRegistration().catch(() => undefined);
  const subscription = await registration?.pushManager?.getSubscription().catch(() => null);
  if (!subscription) return;
  await fetchOrOffline(apiUrl('/push/subscriptions'), { method: 'DELETE', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ endpoint: subscription.endpoint }) }).catch(() => undefined);
  await subscription.unsubscribe().catch(() => false);
}
