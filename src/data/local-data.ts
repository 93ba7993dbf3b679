/** What the session does with the device's data: start syncing it after login, wipe it at logout. */
import { forgetDeviceKey, startDeviceKey } from '../protection/device-key';
import { log } from '../log';
import { getCaseDatabase, wipeCaseDatabase } from './case-database';
import { getDatabase, wipeDatabase } from './database';
import { clearPending } from './pending-store';
import { wipeRequestsDeviceData } from '../requests/device-data';
import { writeSealedMessages } from '../requests/sealed-messages';
import { watchWithdrawnCases } from '../requests/withdrawn-files';
import { releaseRequests, sessionExpired, startSync, stopSync } from './replication';

/** Between a start of sync and the next wipe: patient data joins the sync only then. */
let wanted = false;
/** Stops dropping the files of cases purged from the device (at wipe). */
let unwatch: (() => void) | undefined;

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
  getCaseDatabase()
    .then(async (cases) => {
      if (!wanted) return;
      unwatch ??= watchWithdrawnCases(await getDatabase(), cases);
      // What was written while the data was locked joins the thread now that the key is here.
      await writeSealedMessages(cases).catch((err: unknown) => log.error('sealed-messages.write', err));
      // After an expired session, sync resumes with everything at the next login.
      if (!sessionExpired()) await startSync(cases);
    })
    .catch((err: unknown) => log.error('patient-data.open', err));
}

/**
 * Logging out (or another account signing in) removes every local document and queued write, and
 * the device's outboxes (files, audit entries) and cached attachments: patient data leaves with them.
 */
export async function wipeLocalData(): Promise<void> {
  wanted = false;
  unwatch?.();
  unwatch = undefined;
  await stopSync();
  await wipeRequestsDeviceData();
  await wipeDatabase();
  await wipeCaseDatabase();
  forgetDeviceKey();
  clearPending();
}
