/**
 * The audit outbox: every opening of a patient block on this device is recorded here first (offline
 * too), then uploaded to `POST /api/audit`; entries carry their own id, so a retried upload counts once.
 */
import { apiUrl } from '../config';
import { fetchOrOffline } from '../data/http';
import { reportStorageError } from '../data/local-write';
import type { AuditUpload, DeviceAuditEntry } from '../domain/audit/api';
import { deleteAudit, listAudit, putAudit } from './device-store';
import { newAuditId } from './ids';

const BATCH = 200;
let flushing: Promise<void> | null = null;

export async function recordOpening(patient: { id: string; requestId: string }): Promise<void> {
  const entry = { id: newAuditId(), at: new Date().toISOString(), action: 'open', collection: 'patients', docId: patient.id, requestId: patient.requestId } as const;
  try {
    await putAudit(entry);
  } catch (err) {
    if (!reportStorageError(err)) throw err;
    // No room for the outbox: the opening goes straight to the server when it can be reached.
    await post([entry]).catch(() => undefined);
    return;
  }
  void flushAudit();
}

function post(entries: readonly DeviceAuditEntry[]): Promise<Response> {
  return fetchOrOffline(apiUrl('/audit'), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ entries } satisfies AuditUpload) });
}

async function flush(): Promise<void> {
  for (;;) {
    const entries = (await listAudit()).slice(0, BATCH);
    if (!entries.length) return;
    const res = await post(entries);
    // Kept on any refusal: the log must not lose an access; the next sync tries again.
    if (!res.ok) return;
    await deleteAudit(entries.map((e) => e.id));
  }
}

/** Uploads what is waiting, when online; concurrent calls share one run. */
export function flushAudit(): Promise<void> {
  if (!navigator.onLine) return Promise.resolve();
  flushing ??= flush()
    .catch(() => undefined)
    .finally(() => (flushing = null));
  return flushing;
}

const onOnline = () => void flushAudit();

export function startAuditUploads(): void {
  window.addEventListener('online', onOnline);
  void flushAudit();
}

export function stopAuditUploads(): void {
  window.removeEventListener('online', onOnline);
}
