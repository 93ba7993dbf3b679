import { describe, expect, it } from 'vitest';
import { sampleMember } from '../members/fixtures';
import type { Member } from '../members/schema';
import { validateMember } from '../members/validate';
import type { TerritoryCommune } from '../territory/communes';
import { entryFromRow, reconcile } from './entry';
import { extractHeader, extractLine, sampleRow, type ExtractFields } from './fixtures';
import { parseHeader, parseLine, type RppsRow } from './parse';

const METZ: TerritoryCommune = { insee: '57463', name: 'Metz', postcodes: ['57000', '57050', '57070'], centroid: [6.19, 49.11] };
const NOW = new Date('2026-11-23T08:00:00.000Z');
const LATER = new Date('2026-12-01T08:00:00.000Z');

function row(fields: ExtractFields = {}): RppsRow {
  const header = parseHeader(extractHeader());
  if (!header.ok) throw new Error(header.reason);
  const result = parseLine(header.columns, extractLine(sampleRow(fields)), 2);
  if (!result.ok) throw new Error(result.reason);
  return result.row;
}

function entry(fields: ExtractFields = {}, now = NOW): Member {
  const result = entryFromRow(row(fields), METZ, now);
  if (!result.ok) throw new Error(result.reason);
  return result.member;
}

describe('the entry of an RPPS row', () => {
  it('is a valid invited entry keyed by the RPPS, at the commune centroid', () => {
    const member = entry();
    expect(validateMember(member).ok).toBe(true);
    expect(member).toEqual({
      id: 'm-10101010101',
      kind: 'professional',
      status: 'invited',
      civility: 'Dr',
      lastName: 'Bertrand',
      firstName: 'Claire',
      displayName: 'Dr Claire Bertrand',
      profession: '10',
      specialty: 'Médecine générale',
      skills: [],
      identifiers: { rpps: '10101010101' },
      address: { street: '12 Rue de la Gare', postcode: '57000', communeInsee: '57463', commune: 'Metz' },
      location: { lon: 6.19, lat: 49.11, approximate: true },
      phones: { landline: '03 87 12 34 56' },
      email: 'claire.bertrand@example.test',
      availability: { onCall: [], acceptsNewPatients: false, absences: [] },
      updatedAt: NOW.toISOString(),
    });
  });

  it('addresses médecins and chirurgiens-dentistes as Dr, the others by their civility', () => {
    expect(entry({ professionCode: '40' }).civility).toBe('Dr');
    expect(entry({ professionCode: '60', civility: 'MME' })).toMatchObject({ civility: 'Mme', displayName: 'Claire Bertrand' });
    expect(entry({ professionCode: '70', civility: 'M' }).civility).toBe('M.');
    expect(entry({ professionCode: '21', civility: '' }).civility).toBe('');
  });

  it('files a mobile as mobile, drops an unusable phone or e-mail, takes the commune postcode when missing', () => {
    const member = entry({ phone: '06 12 34 56 78', phone2: '12', email: 'not-an-email', postcode: '' });
    expect(member.phones).toEqual({ mobile: '06 12 34 56 78' });
    expect(member.email).toBeUndefined();
    expect(member.address.postcode).toBe('57000');
    expect(validateMember(member).ok).toBe(true);
  });

  it('is refused, with the reason, when it would not be a valid entry', () => {
    const result = entryFromRow(row({ lastName: 'X'.repeat(300) }), METZ, NOW);
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('fiche invalide : Champ « lastName » : texte trop long') });
  });
});

describe('importing an entry over the stored one', () => {
  it('creates a missing entry', () => {
    expect(reconcile(entry(), undefined, NOW)).toEqual({ action: 'create', doc: entry() });
  });

  it('changes nothing when the extract says the same, even with keys in another order', () => {
    const stored = JSON.parse(JSON.stringify(entry())) as Member;
    const reordered = Object.fromEntries(Object.entries(stored).reverse()) as Member;
    expect(reconcile(entry({}, LATER), reordered, LATER)).toEqual({ action: 'unchanged' });
  });

  it('updates an invited entry from the extract, keeping what the extract does not own, and stamps it', () => {
    const stored: Member = { ...entry(), skills: ['Échographie'], availability: { onCall: [], acceptsNewPatients: true, absences: [] } };
    const result = reconcile(entry({ phone: '0612345678', email: '' }, LATER), stored, LATER);
    expect(result.action).toBe('update');
    const doc = (result as { doc: Member }).doc;
    expect(doc).toMatchObject({ phones: { mobile: '06 12 34 56 78' }, skills: ['Échographie'], availability: { acceptsNewPatients: true }, updatedAt: LATER.toISOString() });
    expect(doc.email).toBeUndefined();
    expect(validateMember(doc).ok).toBe(true);
  });

  it('keeps a precise position while the address stays, and moves the entry when it changes', () => {
    const placed: Member = { ...entry(), location: { lat: 49.12, lon: 6.18, approximate: false } };
    expect(reconcile(entry({}, LATER), placed, LATER)).toEqual({ action: 'unchanged' });
    const moved = reconcile(entry({ streetNumber: '14' }, LATER), placed, LATER) as { doc: Member };
    expect(moved.doc.location).toEqual({ lon: 6.19, lat: 49.11, approximate: true });
  });

  it('leaves a registered member’s entry alone: never downgraded, never overwritten', () => {
    const active = sampleMember({ id: 'm-10101010101', identifiers: { rpps: '10101010101' }, email: undefined });
    expect(reconcile(entry(), active, LATER)).toEqual({ action: 'skip' });
    expect(reconcile(entry(), { ...active, status: 'pending' }, LATER)).toEqual({ action: 'skip' });
  });
});
