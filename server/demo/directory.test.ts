import { describe, expect, it } from 'vitest';
import { checkAvailability } from '../../src/domain/members/availability';
import { hasCapacity } from '../../src/domain/members/reachability';
import { isQualified } from '../../src/domain/requests/candidates';
import { REQUEST_KINDS, REQUEST_TYPES } from '../../src/domain/requests/types';
import { validateMember } from '../../src/domain/members/validate';
import { testTerritory } from '../testing/territory';
import { generateDirectory } from './directory';
import { insideRing } from './geometry';
import { assignDemoMembers, coordinationMember } from './accounts';

const territory = testTerritory();
const now = new Date('2026-11-23T08:00:00Z');
const members = generateDirectory(territory, 57_000, now);
const people = members.filter((m) => m.kind === 'professional');

describe('demo directory', () => {
  it('has the 1,597 professionals of the offer, profession by profession', () => {
    expect(people).toHaveLength(1597);
    const count = (p: (m: (typeof people)[number]) => boolean) => people.filter(p).length;
    expect(count((m) => m.profession === '10' && m.specialty === 'Médecine générale')).toBe(266);
    expect(count((m) => m.profession === '10' && m.specialty !== 'Médecine générale')).toBe(330);
    expect(count((m) => m.profession === '60')).toBe(404);
    expect(count((m) => m.profession === '21')).toBe(63);
    expect(count((m) => m.profession === '50')).toBe(29);
  });

  it('places professionals in the communes in proportion to population, inside their commune', () => {
    const total = territory.communes.reduce((s, c) => s + c.population, 0);
    for (const commune of territory.communes) {
      const here = people.filter((m) => m.address.communeInsee === commune.insee);
      expect(Math.abs(here.length - (1597 * commune.population) / total), commune.name).toBeLessThan(1);
      for (const m of here) {
        const rings = territory.outlines.get(commune.insee)!;
        const inside = rings.some((r) => insideRing([m.location.lon, m.location.lat], r));
        const atCentroid = m.location.lon === commune.centroid[0] && m.location.lat === commune.centroid[1];
        expect(inside || atCentroid, m.id).toBe(true);
      }
    }
  });

  it('includes the structures of the offer: emergency, EHPAD, addictology…', () => {
    const structures = members.filter((m) => m.kind === 'structure');
    expect(structures.filter((m) => m.profession === 'hopital')).toHaveLength(3);
    expect(structures.filter((m) => m.profession === 'ehpad')).toHaveLength(27);
    expect(structures.filter((m) => m.profession === 'addictologie')).toHaveLength(3);
    expect(new Set(structures.map((m) => m.displayName)).size).toBe(structures.length);
  });

  it('has the structures the founding documents count on, with their hours and what they can take', () => {
    const structures = members.filter((m) => m.kind === 'structure');
    const count = (kind: string) => structures.filter((m) => m.profession === kind).length;
    expect(['ambulance', 'laboratoire', 'had', 'ssiad', 'ccas', 'cmp', 'msp', 'pass'].map(count)).toEqual([11, 8, 1, 3, 8, 3, 4, 1]);
    expect(structures.every((m) => (m.availability.weeklyHours?.length ?? 0) > 0)).toBe(true);
    expect(structures.filter((m) => m.profession === 'ambulance').every((m) => m.availability.weeklyHours!.length === 7 && (m.skills ?? []).includes('ambulance'))).toBe(true);
    expect(structures.filter((m) => m.profession === 'hopital').every((m) => m.availability.capacity?.services?.length)).toBe(true);
    // Most professionals declared their weekly hours.
    expect(people.filter((m) => m.availability.weeklyHours?.length).length / people.length).toBeGreaterThan(0.8);
  });

  it('gives every request type someone who can take it', () => {
    for (const type of REQUEST_TYPES.filter((t) => t !== 'autre')) {
      const kind = REQUEST_KINDS[type] as (typeof REQUEST_KINDS)[typeof type] & { needsCapacity?: 'places' | 'services' };
      const request = { type, target: { professions: [...kind.professions], ...(kind.specialties[0] ? { specialty: kind.specialties[0] } : {}) }, place: { commune: 'x', lat: 49.1, lon: 6.2 }, requesterId: 'm-x', urgency: kind.urgency };
      const takers = members.filter((m) => isQualified(m, request) && (!kind.needsCapacity || m.kind !== 'structure' || hasCapacity(m, kind.needsCapacity)));
      expect(takers.length, type).toBeGreaterThan(0);
    }
  });

  it('is valid, unique and deterministic', () => {
    for (const m of members) {
      expect(validateMember(m).ok, m.id).toBe(true);
      expect(checkAvailability(m, m.availability), m.id).toEqual([]);
    }
    expect(new Set(members.map((m) => m.id)).size).toBe(members.length);
    expect(generateDirectory(territory, 57_000, now)).toEqual(members);
    expect(generateDirectory(territory, 1, now)[0]).not.toEqual(members[0]);
  });

  it('ties the seven demo accounts to seven distinct entries of the right professions', () => {
    const all = [coordinationMember(now, territory), ...generateDirectory(territory, 57_000, now)];
    const pairs = assignDemoMembers(all, territory, now);
    expect(new Set(pairs.map((p) => p.member.id)).size).toBe(7);
    expect(pairs.map((p) => p.member.profession)).toEqual(['coordination', '10', '60', '60', '21', '10', 'ehpad']);
    for (const { account, member } of pairs) expect(member.email).toBe(account.email);
  });
});
