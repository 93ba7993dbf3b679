/** Reading a Web Push payload `{ kind, requestId, title, body, url }` into a notification (it never carries patient data). Pure. */
import { TERRITORY } from '../config';

export interface AlertNotice {
  title: string;
  body: string;
  /** Same-origin path the notification opens. */
  url: string;
  /** One notification per request: a newer one replaces it. */
  tag: string;
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
  };
}
