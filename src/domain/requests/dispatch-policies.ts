/**
 * How a request's search proceeds, one shape for every policy: the next step (whom to alert now,
 * why, and how long to wait for an answer), what to do when nobody more can be reached, and when
 * the coordinators are alerted if nobody took it. The server runs `ranking`; the simulator compares
 * it with a broadcast (what peers do) and with the circles the server used before.
 */
import { answerRate, type MemberActivity } from './activity';
import { circleIntervalMs, isQualified, nextStep, type CandidateRequest, type Step } from './candidates';
import { distanceKm } from '../geo';
import { availabilityState } from '../members/availability';
import { capacityLabel, DEFAULT_WEEKLY_ALERT_BUDGET, hasCapacity, reachOf, type Reach } from '../members/reachability';
import type { Member } from '../members/schema';
import { REQUEST_KINDS, usualProfessionalWindowMs, type RequestKind, type RequestType, type Urgency } from './types';

export type DispatchMember = Pick<Member, 'id' | 'kind' | 'status' | 'profession' | 'specialty' | 'location' | 'availability'>;

export interface DispatchContext {
  members: Iterable<DispatchMember>;
  byId(id: string): DispatchMember | undefined;
  activity(memberId: string): MemberActivity;
  timeZone: string;
  /** The search radius of a request type (the territory may change the built-in one). */
  radiusKm(type: string): number;
  now: number;
  /** When a doctor's earliest free unscheduled-care slot of use for this request begins (types with `slots`). */
  slotAt?(memberId: string): number | undefined;
}

export interface PlannedStep extends Step {
  why?: Array<{ memberId: string; reason: string }>;
  /** How long to wait for an answer before the next step. */
  waitMs: number;
}

export interface DispatchPolicy {
  name: 'broadcast' | 'circles' | 'ranking';
  /** The next step after `done` search steps, or null when nobody more can be reached. */
  next(request: CandidateRequest, alreadyAlerted: ReadonlySet<string>, done: number, context: DispatchContext): PlannedStep | null;
  /** When `next` finds nobody more: wait for the deadline, or alert the coordinators at once. */
  whenExhausted: 'wait-deadline' | 'escalate';
  /** When the coordinators are alerted if nobody has taken it, from its creation. */
  escalateAt(request: { urgency: Urgency; deadline: string }, startedAt: number): number;
}

const MINUTE = 60_000;
const kindOf = (type: string): Partial<RequestKind> => (REQUEST_KINDS as Record<string, RequestKind>)[type] ?? {};

/** The usual professional, alone, unless absent: the same first step for every policy. */
function usualStep(request: CandidateRequest, context: DispatchContext, windowMs: number): PlannedStep {
  const usual = context.byId(request.usualProfessionalId!);
  if (usual && usual.status === 'active' && availabilityState(usual.availability, context.now) !== 'absent') {
    return { kind: 'usual', alert: [usual.id], reason: 'professionnel habituel du patient, sollicité seul en premier', why: [{ memberId: usual.id, reason: 'professionnel habituel du patient' }], waitMs: windowMs };
  }
  return { kind: 'usual', alert: [], reason: 'professionnel habituel absent ou inconnu : recherche élargie aussitôt', waitMs: 0 };
}

function withinReach(member: DispatchMember, request: CandidateRequest, radiusKm: number): number | undefined {
  const d = distanceKm(request.place, member.location);
  if (d > radiusKm) return undefined;
  if (kindOf(request.type).atHome && member.kind === 'professional' && d > (member.availability.homeVisitRadiusKm ?? 0)) return undefined;
  return d;
}

/** Peers' way: the usual professional alone for 2 hours, then everyone qualified within the type's radius at once. */
export const broadcastPolicy: DispatchPolicy = {
  name: 'broadcast',
  whenExhausted: 'wait-deadline',
  escalateAt: (request) => Date.parse(request.deadline),
  next(request, alreadyAlerted, done, context) {
    if (request.usualProfessionalId && done === 0) return usualStep(request, context, 2 * 60 * MINUTE);
    if (done > (request.usualProfessionalId ? 1 : 0)) return null;
    const radius = context.radiusKm(request.type);
    const alert: string[] = [];
    for (const m of context.members) {
      if (alreadyAlerted.has(m.id) || !isQualified(m, request) || availabilityState(m.availability, context.now) === 'absent') continue;
      if (withinReach(m, request, radius) !== undefined) alert.push(m.id);
    }
    return alert.length ? { kind: 'circle', radiusKm: radius, alert, reason: `diffusion à ${alert.length} professionnel(s) qualifié(s) à moins de ${radius} km`, waitMs: Date.parse('9999-01-01') } : null;
  },
};

/** The server's earlier policy: circles of available members widening on timers, then waiting for the deadline. */
export const circlesPolicy: DispatchPolicy = {
  name: 'circles',
  whenExhausted: 'wait-deadline',
  escalateAt: (request) => Date.parse(request.deadline),
  next(request, alreadyAlerted, done, context) {
    const step = nextStep(context.members, (id) => context.byId(id), request, alreadyAlerted, done, context.now);
    if (!step) return null;
    const waitMs = step.kind === 'usual' ? usualProfessionalWindowMs(request.urgency) : circleIntervalMs(request.urgency);
    return { ...step, waitMs: step.alert.length ? waitMs : 0 };
  },
};

export interface RankingSettings {
  /**
   * How many to alert at each step, and how long to wait for them, by urgency: `size` of those
   * reachable now, `laterSize` of the merely qualified once no one reachable now is left (they see
   * alerts hours later, so alerting many of them early disturbs without speeding anything up).
   */
  steps: Record<Urgency, { size: number; laterSize: number; waitMin: number }>;
  /** Without an acceptance, the coordinators hear of it this long after the start (or at the deadline, if sooner). */
  escalateAfterMin: Record<Urgency, number>;
}

export const RANKING_SETTINGS: RankingSettings = {
  // Chosen on the simulated year (`npm run simulate`): a first step as wide as the reachable-now
  // part of a broadcast finds a taker about as fast, and the later, smaller steps keep the alerts
  // to a quarter of a broadcast's.
  steps: {
    immediate: { size: 40, laterSize: 10, waitMin: 5 },
    today: { size: 40, laterSize: 5, waitMin: 10 },
    '48h': { size: 40, laterSize: 5, waitMin: 20 },
    date: { size: 40, laterSize: 5, waitMin: 60 },
  },
  escalateAfterMin: { immediate: 15, today: 120, '48h': 8 * 60, date: 24 * 60 },
};

/** The farthest a ranked search looks, as a multiple of the type's radius. */
const REACH_FACTOR = 2;

export interface Ranked {
  member: DispatchMember;
  reach: Reach;
  /** Said so themselves (available now, on call): before those merely within their hours. */
  declared: boolean;
  distanceKm: number;
  score: number;
  activity: MemberActivity;
}

/** Reachable through an unscheduled-care slot offered: « créneau de soins non programmés à 14 h 30 ». */
function slotReach(at: number, timeZone: string): Reach {
  const time = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone }).format(at).replace(':', ' h ');
  return { tier: 0, reason: `créneau de soins non programmés à ${time}`, quiet: false };
}

const km = (d: number) => `${d.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} km`;

function whyOf(r: Ranked, capacity: string | undefined): string {
  const answers = r.activity.alerted ? `a répondu à ${r.activity.answered} alerte(s) sur ${r.activity.alerted}` : 'pas encore sollicité';
  return [km(r.distanceKm), r.reach.reason, capacity, answers, `${r.activity.alertsThisWeek} alerte(s) cette semaine`].filter(Boolean).join(', ');
}

/**
 * Candidates qualified and within reach, in the order a step takes them: reachable now before
 * merely qualified, then by a score where distance weighs most, then silence, then this week's
 * load. Those over their weekly budget are left out, except for an immediate urgency (quiet hours
 * are the alert channels' business: `alertChannels`); structures that take the request only with
 * capacity must have declared it.
 */
export function rankedCandidates(request: CandidateRequest, context: DispatchContext, radius = context.radiusKm(request.type) * REACH_FACTOR): Ranked[] {
  const kind = kindOf(request.type);
  const immediate = request.urgency === 'immediate';
  const out: Ranked[] = [];
  for (const member of context.members) {
    if (!isQualified(member, request)) continue;
    if (kind.needsCapacity && member.kind === 'structure' && !hasCapacity(member, kind.needsCapacity)) continue;
    const distance = withinReach(member, request, radius);
    if (distance === undefined) continue;
    const slot = kind.slots ? context.slotAt?.(member.id) : undefined;
    // A slot offered is a declaration more precise than the weekly hours, and later than an absence.
    const reach = slot === undefined ? reachOf(member, context.now, context.timeZone) : slotReach(slot, context.timeZone);
    if (!reach) continue;
    const activity = context.activity(member.id);
    const budget = member.availability.weeklyAlertBudget ?? DEFAULT_WEEKLY_ALERT_BUDGET;
    if (activity.alertsThisWeek >= budget && !immediate) continue;
    const score = distance / radius + 0.5 * (1 - answerRate(activity)) + 0.3 * Math.min(1, activity.alertsThisWeek / budget);
    const declared = slot !== undefined || ['available', 'on-call'].includes(availabilityState(member.availability, context.now));
    out.push({ member, reach, declared, distanceKm: distance, score, activity });
  }
  return out.sort((a, b) => a.reach.tier - b.reach.tier || Number(b.declared) - Number(a.declared) || a.score - b.score || (a.member.id < b.member.id ? -1 : 1));
}

/** The dispatcher's policy: the most likely to accept soon first, the others a few at a time; nobody left waiting. */
export function rankingPolicyWith(settings: RankingSettings): DispatchPolicy {
  return {
  name: 'ranking',
  whenExhausted: 'escalate',
  escalateAt: (request, startedAt) => Math.min(Date.parse(request.deadline), startedAt + settings.escalateAfterMin[request.urgency] * MINUTE),
  next(request, alreadyAlerted, done, context) {
    if (request.usualProfessionalId && done === 0) return usualStep(request, context, usualProfessionalWindowMs(request.urgency));
    const { size, laterSize, waitMin } = settings.steps[request.urgency];
    const fresh = rankedCandidates(request, context).filter((c) => !alreadyAlerted.has(c.member.id));
    // Ranked by tier: while someone reachable now is left, a step takes only them.
    const chosen = fresh[0]?.reach.tier === 0 ? fresh.filter((c) => c.reach.tier === 0).slice(0, size) : fresh.slice(0, laterSize);
    if (!chosen.length) return null;
    const needs = kindOf(request.type).needsCapacity;
    const why = chosen.map((c) => ({ memberId: c.member.id, reason: whyOf(c, needs && c.member.kind === 'structure' ? capacityLabel(c.member.availability.capacity, context.now) : undefined).slice(0, 200) }));
    const reachableNow = chosen.filter((c) => c.reach.tier === 0).length;
    return {
      kind: 'circle',
      alert: chosen.map((c) => c.member.id),
      why,
      reason: `étape ${done + 1 - (request.usualProfessionalId ? 1 : 0)} : ${chosen.length} professionnel(s) les plus susceptibles d’accepter vite (${reachableNow} joignable(s) maintenant)`,
      waitMs: waitMin * MINUTE,
    };
  },
  };
}

export const rankingPolicy = rankingPolicyWith(RANKING_SETTINGS);

export const DISPATCH_POLICIES = { broadcast: broadcastPolicy, circles: circlesPolicy, ranking: rankingPolicy } as const;
export type PolicyName = keyof typeof DISPATCH_POLICIES;

/** The type's built-in radius, or the territory's own for it. */
export function radiusFor(overrides: Partial<Record<RequestType, number>>): (type: string) => number {
  return (type) => overrides[type as RequestType] ?? kindOf(type).radiusKm ?? 20;
}
