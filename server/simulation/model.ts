/**
 * How simulated people behave, all in one place, with the values of the issue that asked for the
 * simulation (not tuned to its results): when an alert is seen, who accepts, who declines.
 */
import type { Random } from '../demo/random';

const MINUTE = 60_000;
/** A log-normal delay with this median and 90th percentile. */
export interface Delay {
  medianMin: number;
  p90Min: number;
}

/** A member within their hours or on call sees an alert after a median 10 min (p90 60 min). */
export const SEEN_IN_HOURS: Delay = { medianMin: 10, p90Min: 60 };
/** Outside them, after a median 4 h (the same spread). */
export const SEEN_OUTSIDE_HOURS: Delay = { medianMin: 240, p90Min: 1440 };
/** Having seen it, a member accepts with this probability… */
export const ACCEPT = 0.3;
/** …halved beyond this distance for a home visit… */
export const HOME_VISIT_FAR_KM = 10;
/** …and halved again if they accepted another request in the last 24 hours. */
export const RECENT_ACCEPT_MS = 24 * 60 * MINUTE;
/** Otherwise they decline with this probability, or say nothing. */
export const DECLINE = 0.3;
/** Structures answer within their service hours only, after a median 30 min; they accept when they declared capacity. */
export const STRUCTURE_SEEN: Delay = { medianMin: 30, p90Min: 180 };
/** Transport companies answer at any hour, after a median 10 min, and accept one time in two. */
export const TRANSPORT_SEEN: Delay = { medianMin: 10, p90Min: 60 };
export const TRANSPORT_ACCEPT = 0.5;
/** Coordinators on duty answer an escalation after a median 5 min, and find a taker by phone in 60 % of cases. */
export const COORDINATOR_SEEN: Delay = { medianMin: 5, p90Min: 30 };
export const COORDINATOR_FINDS = 0.6;

/** The requests of the year: 80 % on weekdays from 8 to 19 h, 20 % in evenings and at weekends. */
export const WEEKDAY_DAYTIME_SHARE = 0.8;
export const DAYTIME = { from: 8, to: 19 } as const;

const Z90 = 1.2815515655446004;

/** A standard normal draw (Box–Muller). */
function normal(rnd: Random): number {
  const u = Math.max(rnd.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.next());
}

export function sampleDelayMs(rnd: Random, delay: Delay): number {
  const sigma = Math.log(delay.p90Min / delay.medianMin) / Z90;
  return delay.medianMin * Math.exp(sigma * normal(rnd)) * MINUTE;
}
