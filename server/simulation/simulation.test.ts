import { describe, expect, it } from 'vitest';
import { DEFAULT_WEEKLY_ALERT_BUDGET } from '../../src/domain/members/reachability';
import { broadcastPolicy, circlesPolicy, rankingPolicy } from '../../src/domain/requests/dispatch-policies';
import { testTerritory } from '../testing/territory';
import { runYear, simulate } from './simulate';
import { simulatedYear } from './year';

const START = Date.parse('2026-01-04T23:00:00Z');
const world = simulatedYear(testTerritory(), START, 300, 7);

// A year replayed takes seconds of CPU, several times more on a loaded machine: the timeout only catches a hang.
describe('the simulated year', { timeout: 60_000 }, () => {
  it('posts 80 % of its requests on weekdays by day, with the demo’s mix of types', () => {
    const daytime = world.requests.filter((r) => {
      const local = new Date(Date.parse(r.createdAt) + 3_600_000); // Paris in winter; summer shifts by an hour at most
      return local.getUTCDay() >= 1 && local.getUTCDay() <= 5 && local.getUTCHours() >= 7 && local.getUTCHours() < 20;
    }).length;
    expect(daytime / world.requests.length).toBeGreaterThan(0.7);
    expect(new Set(world.requests.map((r) => r.type)).size).toBeGreaterThan(6);
  });

  it('runs the server’s dispatcher the same way twice for a seed', async () => {
    const first = await runYear(world, rankingPolicy, 3);
    const again = await runYear(world, rankingPolicy, 3);
    expect(again).toEqual(first);
    // Every request ended somewhere: taken, expired after the coordinators were told, or closed.
    expect(first.every((r) => ['assigned', 'expired'].includes(r.status))).toBe(true);
  });

  it('shows the ranking reaching someone at once, alerting far fewer than a broadcast, within the weekly budget; the old circles leaving requests alone', async () => {
    const [ranking, broadcast, circles] = [await simulate(world, rankingPolicy, 3), await simulate(world, broadcastPolicy, 3), await simulate(world, circlesPolicy, 3)];
    expect(ranking.maxMinutesUnreached).toBeLessThanOrEqual(1);
    expect(ranking.alertsPerRequest).toBeLessThan(broadcast.alertsPerRequest / 3);
    expect(ranking.maxAlertsPerMemberWeekNotImmediate).toBeLessThanOrEqual(DEFAULT_WEEKLY_ALERT_BUDGET);
    expect(ranking.acceptedBeforeDeadline).toBeGreaterThan(0.9);
    expect(circles.maxMinutesUnreached).toBeGreaterThan(60);
  });
});
