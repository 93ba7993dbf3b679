/**
 * Patient data on the device, apart from the route a member lands on (its code, the encryption among
 * it, loads when it starts): the encrypted database opened once the device key is here, joined to the
 * sync, kept tidy (files of purged cases, messages written while locked); wiped at logout.
 */
import { log } from '../log';
import { writeSealedMessages } from '../requests/sealed-messages';
import { watchWithdrawnCases } from '../requests/withdrawn-files';
import { getCaseDatabase, wipeCaseDatabase } from './case-database';
import { getDatabase } from './database';
import { sessionExpired, startSync } from './replication';

/** Stops dropping the files of cases purged from the device (at wipe). */
let unwatch: (() => void) | undefined;

/** Opens the patient data (waiting for the device key) and syncs it, unless `wanted()` turned false meanwhile (logout). */
export async function startPatientData(wanted: () => boolean): Promise<void> {
  const cases = await getCaseDatabase();
  if (!wanted()) return;
  unwatch ??= watchWithdrawnCases(await getDatabase(), cases);
  // What was written while the data was locked joins the thread now that the key is here.
  await writeSealedMessages(cases).catch((err: unknown) => log.error('sealed-messages.write', err));
  // After an expired session, sync resumes with everything at the next login.
  if (!sessionExpired()) await startSync(cases);
}

/** Deletes the patient data of this device, with or without the key. */
export async function wipePatientData(): Promise<void> {
  unwatch?.();
  unwatch = undefined;
  await wipeCaseDatabase();
}
