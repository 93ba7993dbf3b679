/**
 * Who is alerted for a request, in what order: members qualified for it, available now (not
 * absent), within reach of the patient, nearest first; the usual professional alone first; then
 * circles widening on timers. Pure: the dispatcher gives it the directory and the time.
 */
import { availabilityState, isAvailableNow } from '../members/availability';
import type { Member } from '../members/schema';
import { distanceKm } from '../geo';
import type { CareRequest } from './schema';
import { REQUEST_KINDS, type RequestType, type Urgency } from './types';

export interface Candidate {
  memberId: string;
  distanceKm: number;
}

export interface Step {
  kind: 'usual' | 'circle';
  radiusKm?: number;
  alert: string[];
  reason: string;
}

export type CandidateRequest = Pick<CareRequest, 'type' | 'target' | 'place' | 'requesterId' | 'usualProfessionalId' | 'urgency'>;
type MemberLike = Pick<Member, 'id' | 'status' | 'profession' | 'specialty' | 'location' | 'availability'> & Partial<Pick<Member, 'kind'>>;

/** Circles: radius as a multiple of the request kind's radius, and how many new members each may alert. */
export const CIRCLES = [
  { factor: 1, size: 10 },
  { factor: 2, size: 20 },
  { factor: 4, size: 50 },
] as const;

/** Time between two circles, by urgency. */
export function circleIntervalMs(urgency: Urgency): number {
  return { immediate: 5, today: 20, '48h': 120, date: 360 }[urgency] * 60_000;
}

export function isQualified(member: MemberLike, request: CandidateRequest): boolean {
  if (member.status !== 'active' || member.id === request.requesterId) return false;
  if (!request.target.professions.includes(member.profession)) return false;
  // A specialty narrows the doctors asked; a structure of a target kind (a laboratory) qualifies as it is.
  if (request.target.specialty && member.kind !== 'structure' && member.specialty !== request.target.specialty) return false;
  const kind = REQUEST_KINDS[request.type as RequestType];
  if (kind && 'newPatientsOnly' in kind && kind.newPatientsOnly && !member.availability.acceptsNewPatients) return false;
  return true;
}

/** Qualified and available members within `radiusKm` of the patient (and within their own home-visit radius for visits), nearest first. */
export function rankCandidates(members: Iterable<MemberLike>, request: CandidateRequest, radiusKm: number, now: number): Candidate[] {
  const kind = REQUEST_KINDS[request.type as RequestType];
  const atHome = Boolean(kind && 'atHome' in kind && kind.atHome);
  const found: Candidate[] = [];
  for (const m of members) {
    if (!isQualified(m, request) || !isAvailableNow(m.availability, now)) continue;
    const d = distanceKm(request.place, m.location);
    if (d > radiusKm) continue;
    if (atHome && d > (m.availability.homeVisitRadiusKm ?? 0)) continue;
    found.push({ memberId: m.id, distanceKm: d });
  }
  return found.sort((a, b) => a.distanceKm - b.distanceKm || (a.memberId < b.memberId ? -1 : 1));
}

/**
 * The next step of the dispatch after `done` steps, or null when the circles are exhausted (the
 * request then waits for its deadline and is escalated to the coordinators).
 */
export function nextStep(members: Iterable<MemberLike>, byId: (id: string) => MemberLike | undefined, request: CandidateRequest, alreadyAlerted: ReadonlySet<string>, done: number, now: number): Step | null {
  const hasUsual = Boolean(request.usualProfessionalId);
  if (hasUsual && done === 0) {
    const usual = byId(request.usualProfessionalId!);
    // Named by the requester: asked first even without declared availability, unless absent.
    if (usual && usual.status === 'active' && availabilityState(usual.availability, now) !== 'absent') {
      return { kind: 'usual', alert: [usual.id], reason: 'professionnel habituel du patient, sollicité seul en premier' };
    }
    // Recorded as a step of its own, so the circles keep their numbers.
    return { kind: 'usual', alert: [], reason: 'professionnel habituel absent ou inconnu : recherche élargie aussitôt' };
  }
  const circleIndex = done - (hasUsual ? 1 : 0);
  const circle = CIRCLES[circleIndex];
  if (!circle) return null;
  const radiusKm = REQUEST_KINDS[request.type as RequestType].radiusKm * circle.factor;
  const fresh = rankCandidates(members, request, radiusKm, now).filter((c) => !alreadyAlerted.has(c.memberId)).slice(0, circle.size);
  return {
    kind: 'circle',
    radiusKm,
    alert: fresh.map((c) => c.memberId),
    reason: fresh.length
      ? `cercle ${circleIndex + 1} : ${fresh.length} professionnel(s) qualifié(s) et disponible(s) à moins de ${radiusKm} km`
      : `cercle ${circleIndex + 1} : personne de plus à moins de ${radiusKm} km`,
  };
}
