/** What the session does with the device's data: start syncing it after login, wipe it at logout. */
import { forgetDeviceKey, startDeviceKey } from '../protection/device-key';
import { log } from '../log';
import { CASE_DATABASE_NAME } from '../config';
import { dropIndexedDbFiles, getDatabase, wipeDatabase } from './database';
import { firstSyncOver } from './first-sync-progress';
import { clearPending } from './pending-store';
import { wipeRequestsDeviceData } from '../requests/device-data';
import { releaseRequests, startSync, stopSync } from './replication';

/** Between a start of sync and the next wipe: patient data joins the sync only then. */
let wanted = false;
const patientData = () => import('./patient-data');

/**
 * Ahead of the first sync, on a device holding no account's data: opens the local database and
 * starts its sync, whose requests wait for the login (`startLocalSync` releases them).
 */
export async function prepareLocalSync(): Promise<void> {
  await startSync(await getDatabase(), { untilSignedIn: true });
}

export async function startLocalSync(): Promise<void> {
  releaseRequests();
  wanted = true;
  // Patient data needs the device key: from the server now, or later (network back, or the PIN).
  startDeviceKey();
  await startSync(await getDatabase());
  // The directory and the cards come first: on a fresh device, patient data (and the code that
  // encrypts it) once their first sync is over or held up; at once on a device that already holds them.
  firstSyncOver()
    .then(() => (wanted ? patientData().then((p) => p.startPatientData(() => wanted)) : undefined))
    .catch((err: unknown) => log.error('patient-data.open', err));
}

/**
 * Logging out (or another account signing in) removes every local document and queued write, and
 * the device's outboxes (files, audit entries) and cached attachments: patient data leaves with them.
 */
export async function wipeLocalData(): Promise<void> {
  wanted = false;
  await stopSync();
  await wipeRequestsDeviceData();
  await wipeDatabase();
  // Patient data leaves even if its code cannot load (offline before the app was installed): its files go.
  await patientData().then(
    (p) => p.wipePatientData(),
    () => dropIndexedDbFiles(CASE_DATABASE_NAME),
  );
  forgetDeviceKey();
  clearPending();
}
