/** Reading a Web Push payload `{ kind, requestId, title, body, url }` into a notification (it never carries patient data). Pure. */
import { TERRITORY } from '../config';
import { alertText, type AlertSubject } from '../domain/alerts/text';
import * as fr from '../i18n/fr';

export interface AlertNotice {
  title: string;
  body: string;
  /** Same-origin path the notification opens. */
  url: string;
  /** One notification per request: a newer one replaces it. */
  tag: string;
  /** A new request the member was alerted for: the notification offers « Accepter ». */
  acceptable: boolean;
}

/** The notification's action that accepts the request (where the platform shows actions). */
export const ACCEPT_ACTION = 'accept';

/** The notification's options; its data is the notice, read back on a click. TypeScript's DOM types lack `actions`. */
export function notificationOptions(notice: AlertNotice): NotificationOptions & { actions: { action: string; title: string }[] } {
  const actions = notice.acceptable ? [{ action: ACCEPT_ACTION, title: fr.app.notificationAccept }] : [];
  return { body: notice.body, tag: notice.tag, data: notice, icon: '/icons/icon-192.png', actions };
}

/** Where a click leads: the request, told to accept it when « Accepter » was the button clicked. */
export function clickUrl(notice: Pick<AlertNotice, 'url' | 'acceptable'>, action: string): string {
  return action === ACCEPT_ACTION && notice.acceptable ? `${notice.url}?accepter=1` : notice.url;
}

const FALLBACK_TITLE = TERRITORY.shortName;

/** A path inside the app, never another origin (a payload is data, not trusted navigation). */
export function safePath(url: unknown): string {
  return typeof url === 'string' && url.startsWith('/') && !url.startsWith('//') ? url : '/demandes';
}

export function noticeOf(payload: unknown): AlertNotice {
  const p = (typeof payload === 'object' && payload !== null ? payload : {}) as Record<string, unknown>;
  const text = (v: unknown, max: number) => (typeof v === 'string' ? v.slice(0, max) : '');
  const requestId = text(p.requestId, 64);
  return {
    title: text(p.title, 120) || FALLBACK_TITLE,
    body: text(p.body, 300),
    url: safePath(p.url ?? (requestId ? `/demandes/${requestId}` : undefined)),
    tag: requestId || 'cpts',
    acceptable: p.kind === 'new-request' && Boolean(requestId),
  };
}

/** A new request seen in the app: the same words as its Web Push and SMS (`alertText`). */
export function noticeFor(request: AlertSubject): AlertNotice {
  return { ...alertText('new-request', request), tag: request.id, acceptable: true };
}
