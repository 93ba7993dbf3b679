/**
 * The device's own IndexedDB store, never replicated: the upload outbox (photos and documents with
 * their blobs, kept out of the synced documents), the audit outbox (patient blocks opened here) and
 * the messages written while patient data was locked, sealed. It survives reloads and is deleted at logout.
 */
import type { DeviceAuditEntry } from '../domain/audit/api';
import type { Sealed } from '../protection/sealing';
import type { UploadItem } from './outbox';

const NAME = 'cpts-device';
const UPLOADS = 'uploads';
const AUDIT = 'audit';
const SEALED = 'sealed';
/** Version 2 added the sealed messages; each version creates the stores it lacks. */
const VERSION = 2;

/** A message written while patient data was locked: only its ids in clear, the message itself sealed. */
export interface SealedEntry {
  id: string;
  requestId: string;
  sealed: Sealed;
}

interface StoredUpload {
  id: string;
  item: UploadItem;
  blob: Blob;
}

let opening: Promise<IDBDatabase> | null = null;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(NAME, VERSION);
    req.onupgradeneeded = () => {
      for (const name of [UPLOADS, AUDIT, SEALED]) if (!req.result.objectStoreNames.contains(name)) req.result.createObjectStore(name, { keyPath: 'id' });
    };
    req.onsuccess = () => {
      // Another tab deleting the store (logout) must not wait for this connection.
      req.result.onversionchange = () => {
        req.result.close();
        opening = null;
      };
      resolve(req.result);
    };
    req.onerror = () => {
      opening = null;
      reject(req.error);
    };
  });
  return opening;
}

function done<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function store(name: string, mode: IDBTransactionMode): Promise<IDBObjectStore> {
  return (await open()).transaction(name, mode).objectStore(name);
}

/** Resolves once the transaction is on disk: a full storage aborts it after its requests succeeded. */
function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new DOMException('Transaction aborted', 'AbortError'));
  });
}

export async function putUpload(item: UploadItem, blob: Blob): Promise<void> {
  const uploads = await store(UPLOADS, 'readwrite');
  uploads.put({ id: item.id, item, blob } satisfies StoredUpload);
  await committed(uploads.transaction);
}

/** Saves a new state of an upload, keeping its blob. */
export async function saveUploadState(item: UploadItem): Promise<void> {
  const uploads = await store(UPLOADS, 'readwrite');
  const stored = (await done(uploads.get(item.id))) as StoredUpload | undefined;
  if (stored) await done(uploads.put({ ...stored, item }));
}

export async function uploadBlob(id: string): Promise<Blob | undefined> {
  return ((await done((await store(UPLOADS, 'readonly')).get(id))) as StoredUpload | undefined)?.blob;
}

export async function listUploads(): Promise<UploadItem[]> {
  return ((await done((await store(UPLOADS, 'readonly')).getAll())) as StoredUpload[]).map((s) => s.item);
}

export async function deleteUpload(id: string): Promise<void> {
  await done((await store(UPLOADS, 'readwrite')).delete(id));
}

export async function putAudit(entry: DeviceAuditEntry): Promise<void> {
  const audit = await store(AUDIT, 'readwrite');
  audit.put(entry);
  await committed(audit.transaction);
}

export async function listAudit(): Promise<DeviceAuditEntry[]> {
  return (await done((await store(AUDIT, 'readonly')).getAll())) as DeviceAuditEntry[];
}

export async function deleteAudit(ids: readonly string[]): Promise<void> {
  const audit = await store(AUDIT, 'readwrite');
  await Promise.all(ids.map((id) => done(audit.delete(id))));
}

export async function putSealed(entry: SealedEntry): Promise<void> {
  const sealed = await store(SEALED, 'readwrite');
  sealed.put(entry);
  await committed(sealed.transaction);
}

export async function listSealed(): Promise<SealedEntry[]> {
  return (await done((await store(SEALED, 'readonly')).getAll())) as SealedEntry[];
}

export async function deleteSealed(id: string): Promise<void> {
  await done((await store(SEALED, 'readwrite')).delete(id));
}

/** At logout: the whole store goes, blobs and unsent entries included. */
export async function wipeDeviceStore(): Promise<void> {
  const current = opening;
  opening = null;
  (await current?.catch(() => null))?.close();
  await new Promise<void>((resolve) => {
    const req = indexedDB.deleteDatabase(NAME);
    // Blocked by another tab: it closes on `versionchange` (above), then the deletion completes.
    req.onsuccess = req.onerror = () => resolve();
  });
}
