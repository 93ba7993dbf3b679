import { describe, expect, it } from 'vitest';
import { validateMember } from '../members/validate';
import { claimInvitedEntry, defaultSignature, displayNameOf, memberFromRegistration, memberIdFor } from './entry';
import { sampleRegistration } from './fixtures';
import { sampleMember } from '../members/fixtures';

const at = { lat: 49.11, lon: 6.17, approximate: false };
const now = new Date('2026-11-23T08:00:00Z');

describe('directory entry of a registration', () => {
  it('derives the id from the national identifier', () => {
    expect(memberIdFor(sampleRegistration())).toBe('m-10000000017');
    expect(memberIdFor(sampleRegistration({ identifiers: { adeli: '571012345' } }))).toBe('m-adeli-571012345');
    expect(memberIdFor({ kind: 'structure', identifiers: { finess: '2A0000012' } })).toBe('s-2a0000012');
    expect(memberIdFor({ kind: 'structure', identifiers: { siret: '73282932000074' } })).toBe('s-siret-73282932000074');
  });

  it('builds a valid pending entry, number and street joined, without the password', () => {
    const { password, ...details } = sampleRegistration();
    void password;
    const member = memberFromRegistration(details, 'm-10000000017', at, now);
    expect(validateMember(member)).toMatchObject({ ok: true });
    expect(member).toMatchObject({ status: 'pending', displayName: 'Dr Claire Lambert', address: { street: '12 rue Serpenoise', postcode: '57000' } });
    expect(JSON.stringify(member)).not.toContain('Un-mot-de-passe');
  });

  it('names a structure by its name', () => {
    const reg = sampleRegistration({ kind: 'structure', structureName: 'EHPAD Les Tilleuls', profession: 'ehpad', identifiers: { finess: '570000017' } });
    expect(displayNameOf(reg)).toBe('EHPAD Les Tilleuls');
    expect(validateMember(memberFromRegistration(reg, 's-570000017', at, now))).toMatchObject({ ok: true });
  });

  it('lets the registration take over an invited entry, keeping its id and availability', () => {
    const invited = sampleMember({ status: 'invited', availability: { onCall: [], acceptsNewPatients: true, absences: [] } });
    const claimed = claimInvitedEntry(invited, sampleRegistration(), at, now);
    expect(claimed).toMatchObject({ id: invited.id, status: 'active', email: 'claire.lambert@example.fr', availability: invited.availability });
  });

  it('proposes a signature from the other fields', () => {
    expect(defaultSignature(sampleRegistration())).toBe(
      'Dr Claire Lambert\nMédecin – Médecine générale\n12 rue Serpenoise, 57000 Metz\nTél. 03 87 11 22 33 / 06 12 34 56 78',
    );
    expect(defaultSignature({})).toBe('');
  });
});
