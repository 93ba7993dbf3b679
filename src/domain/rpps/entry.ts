/** The directory entry an RPPS row stands for, and what an import does with the entry already stored for that RPPS. */
import { PROFESSIONS } from '../members/professions';
import type { Member } from '../members/schema';
import { validateMember } from '../members/validate';
import type { TerritoryCommune } from '../territory/communes';
import { describeErrors } from '../validation';
import { email, nameCase, phones, specialty, street } from './format';
import type { RppsRow } from './parse';

/** Médecins and chirurgiens-dentistes are addressed as « Dr ». */
const DOCTORS = new Set(['10', '40']);
const CIVILITIES: Record<string, Member['civility']> = { M: 'M.', MME: 'Mme', MLLE: 'Mme' };

export const memberId = (rpps: string) => `m-${rpps}`;

/**
 * The invited entry for a row of the territory, or why there cannot be one. It is placed at its
 * commune's centroid, marked approximate: geocoding thousands of addresses one request at a time
 * would make an import last hours, and the member corrects the position when registering.
 */
export function entryFromRow(row: RppsRow, commune: TerritoryCommune, now: Date): { ok: true; member: Member } | { ok: false; reason: string } {
  if (!(row.professionCode in PROFESSIONS)) {
    const label = row.professionLabel ? ` (${row.professionLabel.slice(0, 60)})` : '';
    return { ok: false, reason: `profession non prise en charge : code ${row.professionCode.slice(0, 10)}${label}` };
  }
  const doctor = DOCTORS.has(row.professionCode);
  const civility = doctor ? 'Dr' : (CIVILITIES[row.civility.toUpperCase()] ?? '');
  const firstName = nameCase(row.firstName);
  const lastName = nameCase(row.lastName);
  const member: Member = {
    id: memberId(row.rpps),
    kind: 'professional',
    status: 'invited',
    civility,
    lastName,
    firstName,
    displayName: [doctor ? 'Dr' : '', firstName, lastName].filter(Boolean).join(' '),
    profession: row.professionCode,
    specialty: specialty(row.specialtyLabel),
    skills: [],
    identifiers: { rpps: row.rpps },
    address: {
      street: street(row.streetNumber, row.repetition, row.streetType, row.streetName),
      // A row located by its INSEE code alone may lack the postcode: the commune's own is used.
      postcode: /^[0-9]{5}$/.test(row.postcode) ? row.postcode : commune.postcodes[0],
      communeInsee: commune.insee,
      commune: commune.name,
    },
    location: { lon: commune.centroid[0], lat: commune.centroid[1], approximate: true },
    phones: phones([row.phone, row.phone2]),
    availability: { onCall: [], acceptsNewPatients: false, absences: [] },
    updatedAt: now.toISOString(),
  };
  const mail = email(row.email);
  if (mail) member.email = mail;
  const checked = validateMember(member);
  return checked.ok ? { ok: true, member } : { ok: false, reason: `fiche invalide : ${describeErrors(checked.errors)}` };
}

/** Fields the extract is the source of on an invited entry; the rest (availability, skills…) is left as it is. */
const FROM_RPPS = ['civility', 'lastName', 'firstName', 'displayName', 'profession', 'specialty', 'address', 'phones', 'email'] as const;

export type Reconciled =
  | { action: 'create'; doc: Member }
  | { action: 'update'; doc: Member }
  | { action: 'unchanged' }
  /** The entry belongs to a registered member (active or pending). */
  | { action: 'skip' };

/** JSON with sorted keys: stored documents do not keep the key order they were written with. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * What to write for an imported entry given the stored one. A registered member's entry is theirs:
 * it is skipped, not merely filled in, because a field they left empty may be a choice (no landline
 * shown, no e-mail) that filling it would overturn. An invited entry takes the extract's values; its
 * position is kept while its address does not change (someone may have placed it precisely).
 * `updatedAt` changes only when something else did, so a second import of one file writes nothing.
 */
export function reconcile(imported: Member, existing: Member | undefined, now: Date): Reconciled {
  if (!existing) return { action: 'create', doc: imported };
  if (existing.status !== 'invited') return { action: 'skip' };
  const next: Record<string, unknown> = { ...existing };
  for (const field of FROM_RPPS) {
    if (imported[field] === undefined) delete next[field];
    else next[field] = imported[field];
  }
  next.identifiers = { ...existing.identifiers, rpps: imported.identifiers!.rpps };
  next.location = canonical(existing.address) === canonical(imported.address) ? existing.location : imported.location;
  if (canonical(next) === canonical(existing)) return { action: 'unchanged' };
  return { action: 'update', doc: { ...(next as Member), updatedAt: now.toISOString() } };
}
