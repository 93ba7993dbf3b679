/**
 * What a simulated member does with an alert, following the model: when they see it (their hours,
 * a structure's service hours, a transport company at any hour), and what they answer.
 */
import { distanceKm } from '../../src/domain/geo';
import { minutesUntilHours } from '../../src/domain/members/hours';
import { hasCapacity, reachOf } from '../../src/domain/members/reachability';
import type { Member } from '../../src/domain/members/schema';
import type { CareRequest } from '../../src/domain/requests/schema';
import { REQUEST_KINDS, type RequestKind } from '../../src/domain/requests/types';
import type { Random } from '../demo/random';
import * as model from './model';

export type Answer = 'accept' | 'decline' | 'nothing';

const kindOf = (type: string) => (REQUEST_KINDS as Record<string, RequestKind>)[type];

/** When the member sees an alert sent at `at`. */
export function seenAt(member: Member, at: number, rnd: Random, timeZone: string): number {
  if (member.profession === 'ambulance') return at + model.sampleDelayMs(rnd, model.TRANSPORT_SEEN);
  if (member.kind === 'structure') {
    const wait = minutesUntilHours(member.availability.weeklyHours, at, timeZone) ?? 0;
    return at + wait * 60_000 + model.sampleDelayMs(rnd, model.STRUCTURE_SEEN);
  }
  const inHours = reachOf(member, at, timeZone)?.tier === 0;
  return at + model.sampleDelayMs(rnd, inHours ? model.SEEN_IN_HOURS : model.SEEN_OUTSIDE_HOURS);
}

/** The answer of a member who has just seen the request; `acceptedRecently`: they took another in the last 24 h. */
export function answerOf(member: Member, request: CareRequest, rnd: Random, acceptedRecently: boolean): Answer {
  if (member.profession === 'ambulance') return rnd.chance(model.TRANSPORT_ACCEPT) ? 'accept' : 'decline';
  if (member.kind === 'structure') {
    const needs = kindOf(request.type)?.needsCapacity ?? 'places';
    return hasCapacity(member, needs) ? 'accept' : 'decline';
  }
  let p = model.ACCEPT;
  if (kindOf(request.type)?.atHome && distanceKm(request.place, member.location) > model.HOME_VISIT_FAR_KM) p /= 2;
  if (acceptedRecently) p /= 2;
  const x = rnd.next();
  if (x < p) return 'accept';
  return x < p + model.DECLINE ? 'decline' : 'nothing';
}
