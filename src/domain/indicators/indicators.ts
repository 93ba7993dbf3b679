/**
 * The indicators the ACI contract report asks for, computed from the requests (the directory and the
 * requesters' follow-up answers) for a period and filters. Pure and shared: the dashboard computes
 * them on the device, the tests on a hand-built data set whose results are known.
 */
import { followUpDueAt, followUpOf } from '../requests/follow-up';
import type { RequestMessage } from '../requests/message-schema';
import type { CareRequest } from '../requests/schema';
import { TELEEXPERTISE_TYPES } from '../requests/teleexpertise-billing';

export interface IndicatorFilters {
  /** Inclusive start and exclusive end, ISO dates; on `createdAt`. */
  from?: string;
  to?: string;
  type?: string;
  profession?: string;
  communeInsee?: string;
  /** `YYYY-MM` */
  month?: string;
}

export interface Indicators {
  received: number;
  resolved: number;
  unresolved: number;
  cancelled: number;
  expired: number;
  open: number;
  /** Shares of the received requests, 0–1. */
  share: { resolved: number; unresolved: number; cancelled: number; expired: number; handledWithin48h: number };
  /** Minutes from creation to the first acceptance, over the accepted requests. */
  timeToFirstAcceptance: { count: number; medianMinutes: number | null; p90Minutes: number | null };
  escalated: number;
  /** Resolutions where a coordinator assigned the case on someone's behalf, and their share of resolutions. */
  resolvedBySupervisor: number;
  supervisorShareOfResolutions: number;
  /** Requests of type « recherche de médecin traitant » resolved. */
  patientsHelpedToFindDoctor: number;
  /** Tele-expertises done: « avis spécialisé / télé-expertise » requests resolved. */
  teleexpertises: number;
  /** The follow-up after care, over the period's resolved requests. */
  followUps: FollowUpFigures;
  byType: Record<string, number>;
  byProfession: Record<string, number>;
  byCommune: Record<string, number>;
  byMonth: Record<string, number>;
  activeMembers: number;
  membersWhoAnswered: number;
}

export interface FollowUpFigures {
  /** Resolved requests whose follow-up is due (asked of their requester) by the time of the computation. */
  asked: number;
  /** Of those, answered by their requester since the last closing: the latest answer counts. */
  answered: number;
  /** `answered` over `asked`, 0–1. */
  answerRate: number;
  /** Answered yes to « Le besoin est-il couvert ? » */
  covered: number;
  /** Answered yes to « Le patient est-il allé aux urgences depuis ? » */
  emergency: number;
  /** Answered no to it: the emergency visits avoided the ACI report counts. */
  emergencyAvoided: number;
}

export type FollowUpAnswer = Pick<RequestMessage, 'requestId' | 'authorId' | 'kind' | 'covered' | 'emergency' | 'createdAt'>;

/** The requesters' answers (messages of other kinds are ignored) and the time of the computation, which says which follow-ups are due. */
export interface FollowUpData {
  answers: readonly FollowUpAnswer[];
  now: number;
}

type RequestRow = Pick<CareRequest, 'id' | 'requesterId' | 'type' | 'target' | 'place' | 'status' | 'createdAt' | 'assigneeId' | 'history' | 'dispatch'>;
type MemberRow = { id: string; status: string };

const ANSWERS = new Set(['accept', 'decline', 'advice']);
const ratio = (n: number, d: number) => (d === 0 ? 0 : n / d);

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function matches(r: RequestRow, f: IndicatorFilters): boolean {
  if (f.from && r.createdAt < f.from) return false;
  if (f.to && r.createdAt >= f.to) return false;
  if (f.type && r.type !== f.type) return false;
  if (f.profession && r.target.professions[0] !== f.profession) return false;
  if (f.communeInsee && r.place.communeInsee !== f.communeInsee) return false;
  if (f.month && r.createdAt.slice(0, 7) !== f.month) return false;
  return true;
}

/** The applied acceptance (the first `accept` in the history: refused ones are `accept-refused`). */
export function firstAcceptance(r: RequestRow): { at: string; by: string } | undefined {
  return r.history?.find((h) => h.event === 'accept');
}

function increment(map: Record<string, number>, key: string | undefined): void {
  const k = key || 'inconnu';
  map[k] = (map[k] ?? 0) + 1;
}

const lastResolvedAt = (r: RequestRow) => Date.parse(r.history?.findLast((h) => h.event === 'resolve')?.at ?? '');

/**
 * Due by now rather than by the period's end: like the outcomes, which are the requests' current
 * status, every resolved request of the period is counted once its follow-up is due.
 */
function followUpFigures(resolved: readonly RequestRow[], data: FollowUpData): FollowUpFigures {
  const answersOf = new Map<string, FollowUpAnswer[]>();
  for (const m of data.answers) {
    if (m.kind !== 'follow-up') continue;
    const list = answersOf.get(m.requestId);
    if (list) list.push(m);
    else answersOf.set(m.requestId, [m]);
  }
  const figures = { asked: 0, answered: 0, covered: 0, emergency: 0, emergencyAvoided: 0 };
  for (const r of resolved) {
    const due = followUpDueAt(r);
    if (due === undefined || due > data.now) continue;
    figures.asked++;
    const answer = followUpOf(r, answersOf.get(r.id) ?? []);
    // An answer given before a reopening was about the care before it: the follow-up is asked again.
    if (!answer || Date.parse(answer.createdAt) < lastResolvedAt(r)) continue;
    figures.answered++;
    if (answer.covered === true) figures.covered++;
    if (answer.emergency === true) figures.emergency++;
    if (answer.emergency === false) figures.emergencyAvoided++;
  }
  return { ...figures, answerRate: ratio(figures.answered, figures.asked) };
}

export function computeIndicators(requests: Iterable<RequestRow>, members: Iterable<MemberRow>, followUps: FollowUpData, filters: IndicatorFilters = {}): Indicators {
  const counts = { resolved: 0, unresolved: 0, cancelled: 0, expired: 0, open: 0 };
  const delays: number[] = [];
  const answered = new Set<string>();
  const byType: Record<string, number> = {};
  const byProfession: Record<string, number> = {};
  const byCommune: Record<string, number> = {};
  const byMonth: Record<string, number> = {};
  const resolved: RequestRow[] = [];
  let received = 0, within48h = 0, escalated = 0, bySupervisor = 0, doctorFound = 0, teleexpertises = 0;
  for (const r of requests) {
    if (!matches(r, filters)) continue;
    received++;
    if (r.status in counts) counts[r.status as keyof typeof counts]++;
    else counts.open++;
    const accepted = firstAcceptance(r);
    if (accepted) {
      const minutes = (Date.parse(accepted.at) - Date.parse(r.createdAt)) / 60_000;
      delays.push(minutes);
      if (minutes <= 48 * 60) within48h++;
      if (r.status === 'resolved' && r.assigneeId && accepted.by !== r.assigneeId) bySupervisor++;
    }
    if (r.status === 'resolved') resolved.push(r);
    if (r.dispatch?.escalated) escalated++;
    if (r.type === 'medecin-traitant' && r.status === 'resolved') doctorFound++;
    if (TELEEXPERTISE_TYPES.has(r.type) && r.status === 'resolved') teleexpertises++;
    for (const h of r.history ?? []) if (ANSWERS.has(h.event) || h.event === 'accept-refused') answered.add(h.by);
    increment(byType, r.type);
    increment(byProfession, r.target.professions[0]);
    increment(byCommune, r.place.communeInsee);
    increment(byMonth, r.createdAt.slice(0, 7));
  }
  delays.sort((a, b) => a - b);
  const active = [...members].filter((m) => m.status === 'active');
  return {
    received,
    ...counts,
    share: {
      resolved: ratio(counts.resolved, received),
      unresolved: ratio(counts.unresolved, received),
      cancelled: ratio(counts.cancelled, received),
      expired: ratio(counts.expired, received),
      handledWithin48h: ratio(within48h, received),
    },
    timeToFirstAcceptance: { count: delays.length, medianMinutes: percentile(delays, 50), p90Minutes: percentile(delays, 90) },
    escalated,
    resolvedBySupervisor: bySupervisor,
    supervisorShareOfResolutions: ratio(bySupervisor, counts.resolved),
    patientsHelpedToFindDoctor: doctorFound,
    teleexpertises,
    followUps: followUpFigures(resolved, followUps),
    byType,
    byProfession,
    byCommune,
    byMonth,
    activeMembers: active.length,
    membersWhoAnswered: active.filter((m) => answered.has(m.id)).length,
  };
}
