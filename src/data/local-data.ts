/** What the session does with the device's data: start syncing it after login, wipe it at logout. */
import { getDatabase, wipeDatabase } from './database';
import { clearPending } from './pending-store';
import { wipeRequestsDeviceData } from '../requests/device-data';
import { startSync, stopSync } from './replication';

/** Opens the local database ahead of the first sync (its code and IndexedDB files are ready then). */
export async function openLocalData(): Promise<void> {
  await getDatabase();
}

export async function startLocalSync(): Promise<void> {
  await startSync(await getDatabase());
}

/**
 * Logging out (or another account signing in) removes every local document and queued write, and
 * the device's outboxes (files, audit entries) and cached attachments: patient data leaves with them.
 */
export async function wipeLocalData(): Promise<void> {
  await stopSync();
  await wipeRequestsDeviceData();
  await wipeDatabase();
  clearPending();
}
