import { describe, expect, it } from 'vitest';
import { requestsPolicy } from '../../src/domain/requests/policies';
import { computeIndicators } from '../../src/domain/indicators/indicators';
import { testTerritory } from '../testing/territory';
import { generateActivity } from './activity';
import { generateDirectory } from './directory';

const territory = testTerritory();
const now = new Date('2026-11-23T08:00:00Z');
const members = generateDirectory(territory, 57_000, now);
const activity = generateActivity(members, territory.communes, 'm-coordination', now);

describe('demo activity', () => {
  it('is a year of about 4,000 valid, closed requests, without any patient identity', () => {
    expect(activity).toHaveLength(4000);
    for (const r of activity.slice(0, 500)) expect(requestsPolicy.validate(r).ok, r.id).toBe(true);
    expect(new Set(activity.map((r) => r.id)).size).toBe(4000);
    const times = activity.map((r) => Date.parse(r.createdAt));
    expect(Math.min(...times)).toBeGreaterThanOrEqual(now.getTime() - 366 * 86_400_000);
    expect(Math.max(...times)).toBeLessThan(now.getTime());
    expect(activity.every((r) => ['resolved', 'unresolved', 'cancelled', 'expired'].includes(r.status))).toBe(true);
  });

  it('gives plausible figures: about 88 % resolved, minutes to first acceptance, every month represented', () => {
    const q = computeIndicators(activity, members, { answers: [], now: now.getTime() });
    expect(q.share.resolved).toBeGreaterThan(0.8);
    expect(q.share.resolved).toBeLessThan(0.95);
    expect(q.timeToFirstAcceptance.medianMinutes!).toBeGreaterThan(5);
    expect(q.timeToFirstAcceptance.medianMinutes!).toBeLessThan(600);
    expect(Object.keys(q.byMonth).length).toBeGreaterThanOrEqual(12);
    expect(q.patientsHelpedToFindDoctor).toBeGreaterThan(100);
    expect(q.resolvedBySupervisor).toBeGreaterThan(50);
  });

  it('is deterministic', () => {
    expect(generateActivity(members, territory.communes, 'm-coordination', now, 50)).toEqual(generateActivity(members, territory.communes, 'm-coordination', now, 50));
    expect(generateActivity(members, territory.communes, 'm-coordination', now, 50)[0]).toEqual(activity[0]);
  });
});
