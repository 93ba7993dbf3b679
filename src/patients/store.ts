/** The device's patient list, read live and added to: the only code that touches its collection. */
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import { caseDatabaseUnlessLocked, getCaseDatabase } from '../data/case-database';
import type { KnownPatient } from '../domain/requests/known-patient-schema';
import { log } from '../log';
import type { PatientPlace } from '../map/LocationPicker';
import { forgotten, identityKey, remembered, type Identity } from './known';

export interface KnownPatients {
  list: Accessor<KnownPatient[]>;
  /** False until the encrypted database opens (at once online, after the PIN offline). */
  loaded: Accessor<boolean>;
}

export function createKnownPatients(): KnownPatients {
  const [list, setList] = createSignal<KnownPatient[]>([]);
  const [loaded, setLoaded] = createSignal(false);
  let disposed = false;
  let unsubscribe = () => undefined as void;
  getCaseDatabase()
    .then((cases) => {
      if (disposed) return;
      const subscription = cases.knownPatients.find().$.subscribe((docs) => {
        setList(docs.map((d) => d.toJSON() as KnownPatient));
        setLoaded(true);
      });
      unsubscribe = () => subscription.unsubscribe();
    })
    .catch((err: unknown) => log.error('patients.list', err));
  onCleanup(() => {
    disposed = true;
    unsubscribe();
  });
  return { list, loaded };
}

const newId = () => `k-${crypto.randomUUID()}`;

/**
 * Remembers the patient of a request just saved, or updates their entry (one per person), and
 * forgets those not named for a year. Does nothing while the device key is locked away: the request
 * itself could not be saved then either.
 */
export async function rememberPatient(identity: Identity, place: PatientPlace | undefined, now: number): Promise<void> {
  const cases = await caseDatabaseUnlessLocked();
  if (!cases) return;
  const key = identityKey(identity);
  const all = (await cases.knownPatients.find().exec()).map((d) => d.toJSON() as KnownPatient);
  const previous = all.find((p) => identityKey(p.identity) === key);
  await cases.knownPatients.upsert(remembered(previous, newId(), identity, place, now));
  // The list holds current patients only: those no request named for a year go.
  const stale = forgotten(all, now).map((p) => p.id);
  if (stale.length) await cases.knownPatients.bulkRemove(stale);
}
