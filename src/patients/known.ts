/** The device's patient list as the request form uses it: one entry per person, searched as typed, most recent first. */
import { normalize } from '../members/search';
import type { PatientPlace } from '../map/LocationPicker';
import type { KnownPatient } from '../domain/requests/known-patient-schema';

export type Identity = KnownPatient['identity'];

/** Two requests are for the same person when name, first name and birth date agree (accents and case aside). */
export function identityKey(identity: Pick<Identity, 'lastName' | 'firstName' | 'birthDate'>): string {
  return [normalize(identity.lastName), normalize(identity.firstName), identity.birthDate].join('|');
}

/** A birth date as people say it and type it: « 12/05/1941 ». */
export function birthDateLabel(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

function text(p: KnownPatient): string {
  const { lastName, firstName, birthDate } = p.identity;
  return ` ${normalize(`${lastName} ${firstName}`)} ${birthDateLabel(birthDate)} ${birthDate.slice(0, 4)} `;
}

const recentFirst = (a: KnownPatient, b: KnownPatient) => b.lastUsedAt.localeCompare(a.lastUsedAt);

/**
 * The entries a query finds, those whose last name starts with it first, each group most recent
 * first; every word must start a word of the entry (« dur jea », « durand 1941 », « 12/05 »).
 * An empty query gives the most recent.
 */
export function findPatients(list: readonly KnownPatient[], query: string, limit: number): KnownPatient[] {
  const words = normalize(query.replaceAll('/', '\u0000')).replaceAll('\u0000', '/').split(' ').filter(Boolean);
  const sorted = [...list].sort(recentFirst);
  if (!words.length) return sorted.slice(0, limit);
  const found = sorted.filter((p) => words.every((w) => text(p).includes(` ${w}`)));
  const first = words[0];
  const byLastName = found.filter((p) => normalize(p.identity.lastName).startsWith(first));
  return [...byLastName, ...found.filter((p) => !byLastName.includes(p))].slice(0, limit);
}

/** The place worth keeping for next time: the patient's own, not the requester's practice. */
export function keptPlace(place: PatientPlace | undefined): KnownPatient['place'] {
  if (!place || place.source === 'practice') return undefined;
  const { lat, lon, label, source, insee } = place;
  return insee ? { lat, lon, label, source, insee } : { lat, lon, label, source };
}

/** The entry after one more request for this person: the newest identity and place, one more use. */
export function remembered(previous: KnownPatient | undefined, id: string, identity: Identity, place: PatientPlace | undefined, now: number): KnownPatient {
  const kept = keptPlace(place) ?? previous?.place;
  return { id: previous?.id ?? id, identity, ...(kept ? { place: kept } : {}), lastUsedAt: new Date(now).toISOString(), uses: (previous?.uses ?? 0) + 1 };
}

/** A patient no request named for a year leaves the device's list: it holds current patients, no more. */
export const KEPT_DAYS = 365;

/** The entries to forget at `now`: not used for `KEPT_DAYS` days. */
export function forgotten(list: readonly KnownPatient[], now: number): KnownPatient[] {
  const limit = now - KEPT_DAYS * 24 * 3_600_000;
  return list.filter((p) => Date.parse(p.lastUsedAt) < limit);
}
