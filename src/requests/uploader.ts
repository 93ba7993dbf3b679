/**
 * Runs the upload outbox: sends due photos and documents to `PUT /api/uploads/<id>` when online,
 * one at a time with their progress, retries with backoff, and once the server has a file moves it
 * from the outbox into the attachments cache (so it still opens offline). One tab runs it at a time.
 */
import { createSignal } from 'solid-js';
import { apiUrl } from '../config';
import { deleteUpload, listUploads, putUpload, saveUploadState, uploadBlob } from './device-store';
import { finished, hurried, isDue, nextWake, queued, recovered, started, type UploadItem } from './outbox';
import { UPLOAD_CACHE, uploadUrl } from './upload-cache';

const [items, setItems] = createSignal<UploadItem[]>([]);
const [progress, setProgress] = createSignal<Readonly<Record<string, number>>>({});

/** Uploads not yet on the server (done ones leave the outbox). */
export const outboxItems = items;
/** Share of a running upload sent, 0 to 1. */
export const uploadProgress = (id: string): number | undefined => progress()[id];

let running = false;
let started_ = false;
let timer: ReturnType<typeof setTimeout> | undefined;

async function refresh(): Promise<UploadItem[]> {
  const all = await listUploads().catch(() => [] as UploadItem[]);
  setItems(all);
  return all;
}

/** Queues a file of `requestId`; the caller has written the document that references it. */
export async function enqueueUpload(meta: Pick<UploadItem, 'id' | 'requestId' | 'contentType' | 'size' | 'name'>, blob: Blob): Promise<void> {
  await putUpload(queued(meta, Date.now()), blob);
  await refresh();
  kickUploads();
}

/** Sends the raw body; resolves with the HTTP status (0 when the network failed). */
function send(item: UploadItem, blob: Blob): Promise<number> {
  return new Promise((resolve) => {
    const xhr = new XMLHttpRequest();
    xhr.open('PUT', apiUrl(`/uploads/${encodeURIComponent(item.id)}?requestId=${encodeURIComponent(item.requestId)}`));
    xhr.setRequestHeader('content-type', item.contentType);
    xhr.upload.onprogress = (e) => e.lengthComputable && setProgress((p) => ({ ...p, [item.id]: e.loaded / e.total }));
    xhr.onload = () => resolve(xhr.status);
    xhr.onerror = xhr.ontimeout = xhr.onabort = () => resolve(0);
    xhr.send(blob);
  });
}

/** The page can then show the file offline, without downloading what it just sent. */
async function keepInCache(item: UploadItem, blob: Blob): Promise<void> {
  const cache = await caches?.open(UPLOAD_CACHE);
  await cache?.put(uploadUrl(item.id), new Response(blob, { headers: { 'content-type': item.contentType, 'content-length': String(blob.size) } }));
}

async function uploadOne(item: UploadItem): Promise<void> {
  const blob = await uploadBlob(item.id);
  if (!blob) return void (await deleteUpload(item.id));
  const attempt = started(item);
  await saveUploadState(attempt);
  await refresh();
  const status = await send(attempt, blob);
  const next = finished(attempt, status, Date.now());
  setProgress(({ [item.id]: _done, ...rest }) => rest);
  if (next.state === 'done') {
    await keepInCache(next, blob).catch(() => undefined);
    await deleteUpload(item.id);
  } else {
    await saveUploadState(next);
  }
}

async function pass(): Promise<void> {
  for (;;) {
    if (!navigator.onLine) break;
    const due = (await refresh()).find((i) => isDue(i, Date.now()));
    if (!due) break;
    await uploadOne(due);
  }
  const wake = nextWake(await refresh(), Date.now());
  clearTimeout(timer);
  if (wake !== null && navigator.onLine) timer = setTimeout(kickUploads, Math.max(500, wake - Date.now()));
}

/** Runs the due uploads now (no-op while a pass runs or in a tab that does not hold the lock). */
export function kickUploads(): void {
  if (running || !started_) return;
  running = true;
  const run = () => pass().catch(() => undefined);
  // Another tab holds the lock and runs the outbox; look again later in case it closes.
  const elsewhere = () => {
    clearTimeout(timer);
    timer = setTimeout(kickUploads, 10_000);
  };
  const locked = navigator.locks ? navigator.locks.request('cpts-uploads', { ifAvailable: true }, (lock) => (lock ? run() : elsewhere())) : run();
  void Promise.resolve(locked).finally(() => (running = false));
}

/** Something may have unblocked waiting uploads (network back, a request acknowledged): retry them now. */
export async function hurryUploads(): Promise<void> {
  if (!started_) return;
  const now = Date.now();
  for (const item of await refresh()) if (item.state === 'retry') await saveUploadState(hurried(item, now));
  kickUploads();
}

const onOnline = () => void hurryUploads();

/** From the signed-in frame: picks up what a reload interrupted, then runs whenever there is work. */
export async function startUploads(): Promise<void> {
  if (started_) return;
  started_ = true;
  window.addEventListener('online', onOnline);
  for (const item of await refresh()) if (item.state === 'uploading') await saveUploadState(recovered(item));
  kickUploads();
}

export function stopUploads(): void {
  started_ = false;
  clearTimeout(timer);
  window.removeEventListener('online', onOnline);
  setItems([]);
  setProgress({});
}
