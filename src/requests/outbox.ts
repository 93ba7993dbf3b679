/**
 * The upload outbox's rules: each photo or document waits on the device until the server has it.
 * queued → uploading → done; a network failure, a 404 (its request is not on the server yet) or a
 * server error → retry after a growing delay; a refusal (403, 413, 415…) → refused, shown to the
 * user. Pure, so the state machine is tested without a browser.
 */

export type UploadState = 'queued' | 'uploading' | 'retry' | 'done' | 'refused';

export interface UploadItem {
  id: string;
  requestId: string;
  contentType: string;
  size: number;
  name: string;
  state: UploadState;
  attempts: number;
  /** When a `retry` is due (ms since the epoch). */
  nextAt: number;
  /** Last HTTP status (0: network) or the reason of a refusal, for the user. */
  lastStatus?: number;
  createdAt: string;
}

const FIRST_DELAY_MS = 2_000;
const MAX_DELAY_MS = 5 * 60_000;

/** 2 s, 4 s, 8 s… at most 5 min. */
export function backoffMs(attempts: number): number {
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.max(0, attempts - 1));
}

export function queued(meta: Pick<UploadItem, 'id' | 'requestId' | 'contentType' | 'size' | 'name'>, now: number): UploadItem {
  return { ...meta, state: 'queued', attempts: 0, nextAt: now, createdAt: new Date(now).toISOString() };
}

export function isDue(item: UploadItem, now: number): boolean {
  return item.state === 'queued' || (item.state === 'retry' && item.nextAt <= now);
}

export function started(item: UploadItem): UploadItem {
  return { ...item, state: 'uploading', attempts: item.attempts + 1 };
}

/** Statuses worth trying again: offline, the request not on the server yet, session to renew, server trouble. */
function retryable(status: number): boolean {
  return status === 0 || status === 404 || status === 401 || status === 408 || status === 429 || status >= 500;
}

export function finished(item: UploadItem, status: number, now: number): UploadItem {
  if (status >= 200 && status < 300) return { ...item, state: 'done', lastStatus: status };
  if (retryable(status)) return { ...item, state: 'retry', lastStatus: status, nextAt: now + backoffMs(item.attempts) };
  return { ...item, state: 'refused', lastStatus: status };
}

/** An upload cut by a reload or a closed tab starts again; the server takes the same id twice. */
export function recovered(item: UploadItem): UploadItem {
  return item.state === 'uploading' ? { ...item, state: 'queued' } : item;
}

/** Something changed that may unblock waiting uploads (network back, request acknowledged): try now. */
export function hurried(item: UploadItem, now: number): UploadItem {
  return item.state === 'retry' ? { ...item, nextAt: Math.min(item.nextAt, now) } : item;
}

/** When the runner should look again: the earliest due retry, or null when nothing waits. */
export function nextWake(items: readonly UploadItem[], now: number): number | null {
  const times = items.filter((i) => i.state === 'retry' || i.state === 'queued').map((i) => Math.max(now, i.state === 'queued' ? now : i.nextAt));
  return times.length ? Math.min(...times) : null;
}
