/** What a simulated year says of a policy: takers found in time, how fast, how many people disturbed, who waited alone. */
import type { CareRequest } from '../../src/domain/requests/schema';
import { URGENCIES, type Urgency } from '../../src/domain/requests/types';
import type { World } from './year';

const MINUTE = 60_000;
const WEEK = 7 * 24 * 60 * MINUTE;

export interface PolicyResult {
  requests: number;
  acceptedBeforeDeadline: number;
  medianMinutesToAccept: number;
  p90MinutesToAccept: number;
  minutesToAcceptByUrgency: Record<Urgency, { accepted: number; median: number; p90: number }>;
  alertsPerRequest: number;
  alertsPerMemberWeek: { median: number; p95: number; max: number };
  maxAlertsPerMemberWeek: number;
  /** The same without the alerts of immediate urgencies, which may go beyond the weekly budget. */
  maxAlertsPerMemberWeekNotImmediate: number;
  escalatedShare: number;
  maxMinutesUnreached: number;
  medianMinutesUnreached: number;
}

function quantile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

export function measure(requests: CareRequest[], world: World): PolicyResult {
  const waits: number[] = [];
  const unreached: number[] = [];
  const byUrgency = new Map<Urgency, number[]>(URGENCIES.map((u) => [u, []]));
  const perWeek = new Map<string, number>();
  const perWeekNotImmediate = new Map<string, number>();
  let acceptedInTime = 0;
  let alerts = 0;
  let escalated = 0;
  for (const r of requests) {
    const created = Date.parse(r.createdAt);
    const accepted = r.history?.find((h) => h.event === 'accept');
    if (accepted) {
      const minutes = (Date.parse(accepted.at) - created) / MINUTE;
      waits.push(minutes);
      byUrgency.get(r.urgency)!.push(minutes);
      if (Date.parse(accepted.at) <= Date.parse(r.deadline)) acceptedInTime++;
    }
    const steps = r.dispatch?.steps ?? [];
    if (steps.some((s) => s.kind === 'escalation')) escalated++;
    const reached = steps.find((s) => s.kind === 'escalation' || ((s.kind === 'usual' || s.kind === 'circle') && s.alerted.length > 0));
    unreached.push(((reached ? Date.parse(reached.at) : Date.parse(r.deadline)) - created) / MINUTE);
    for (const s of steps) {
      if (s.kind !== 'usual' && s.kind !== 'circle') continue;
      alerts += s.alerted.length;
      const week = Math.floor((Date.parse(s.at) - world.start) / WEEK);
      for (const id of s.alerted) {
        perWeek.set(`${id}|${week}`, (perWeek.get(`${id}|${week}`) ?? 0) + 1);
        if (r.urgency !== 'immediate') perWeekNotImmediate.set(`${id}|${week}`, (perWeekNotImmediate.get(`${id}|${week}`) ?? 0) + 1);
      }
    }
  }
  const weekly = [...perWeek.values()];
  return {
    requests: requests.length,
    acceptedBeforeDeadline: round(acceptedInTime / requests.length, 3),
    medianMinutesToAccept: round(quantile(waits, 0.5)),
    p90MinutesToAccept: round(quantile(waits, 0.9)),
    minutesToAcceptByUrgency: Object.fromEntries(URGENCIES.map((u) => [u, { accepted: byUrgency.get(u)!.length, median: round(quantile(byUrgency.get(u)!, 0.5)), p90: round(quantile(byUrgency.get(u)!, 0.9)) }])) as PolicyResult['minutesToAcceptByUrgency'],
    alertsPerRequest: round(alerts / requests.length, 2),
    alertsPerMemberWeek: { median: quantile(weekly, 0.5), p95: quantile(weekly, 0.95), max: Math.max(0, ...weekly) },
    maxAlertsPerMemberWeek: Math.max(0, ...weekly),
    maxAlertsPerMemberWeekNotImmediate: Math.max(0, ...perWeekNotImmediate.values()),
    escalatedShare: round(escalated / requests.length, 3),
    maxMinutesUnreached: round(Math.max(...unreached)),
    medianMinutesUnreached: round(quantile(unreached, 0.5)),
  };
}
