/** Wiping what the requests feature keeps on the device outside the local database: upload and audit outboxes, cached attachments. */
import { stopAuditUploads } from './audit';
import { wipeDeviceStore } from './device-store';
import { UPLOAD_CACHE } from './upload-cache';
import { stopUploads } from './uploader';

/** At logout (the local database with the patient blocks is wiped beside it). */
export async function wipeRequestsDeviceData(): Promise<void> {
  stopUploads();
  stopAuditUploads();
  await wipeDeviceStore();
  await globalThis.caches?.delete(UPLOAD_CACHE).catch(() => false);
}
