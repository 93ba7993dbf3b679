/**
 * Whether a member can be reached about a request now, and in what words: available now, on call,
 * within their weekly hours or a structure's service hours (with its declared capacity), merely
 * qualified, or not to be disturbed (quiet hours, absent). Pure: time and time zone are passed in.
 */
import { availabilityState } from './availability';
import { localTime, withinHours } from './hours';
import { isPharmacy } from './professions';
import type { Member } from './schema';

/** 0: reachable now; 1: merely qualified, likely to see it later. */
export type ReachTier = 0 | 1;

export interface Reach {
  tier: ReachTier;
  /** Why, in French, for the coordinators: « d’astreinte », « dans ses horaires »… */
  reason: string;
  /** Not to be disturbed now: the alert reaches them in the app only, no push or SMS. */
  quiet: boolean;
}

export type ReachableMember = Pick<Member, 'kind' | 'availability'> & Partial<Pick<Member, 'profession'>>;

/** The night, when nobody outside their hours is disturbed (local time, minutes). */
export const QUIET_HOURS = { from: 22 * 60, to: 7 * 60 } as const;

export const DEFAULT_WEEKLY_ALERT_BUDGET = 10;

const HOUR = 3_600_000;

/** « déclaré il y a 3 h »: how old a structure's declaration is, as shown beside it. */
export function declaredAgo(declaredAt: string, now: number): string {
  const hours = Math.floor((now - Date.parse(declaredAt)) / HOUR);
  if (!(hours >= 0)) return 'déclaré à l’instant';
  if (hours < 1) return 'déclaré il y a moins d’une heure';
  if (hours < 48) return `déclaré il y a ${hours} h`;
  return `déclaré il y a ${Math.floor(hours / 24)} jours`;
}

/** What a structure can take, as it declares it (read-only: the app reads it from its local database). */
export interface DeclaredCapacity {
  readonly places?: number;
  readonly services?: ReadonlyArray<{ readonly name: string; readonly open: boolean }>;
  readonly declaredAt: string;
}

/** What a structure declared it can take, in words, or undefined when it declared nothing. */
export function capacityLabel(capacity: DeclaredCapacity | undefined, now: number): string | undefined {
  if (!capacity) return undefined;
  const parts: string[] = [];
  if (capacity.places !== undefined) parts.push(capacity.places === 1 ? '1 place libre' : `${capacity.places} places libres`);
  const open = (capacity.services ?? []).filter((s) => s.open).map((s) => s.name);
  if (capacity.services) parts.push(open.length ? `admissions ouvertes : ${open.join(', ')}` : 'aucune admission ouverte');
  return `${parts.join(' ; ')} (${declaredAgo(capacity.declaredAt, now)})`;
}

/** Whether a structure declared what the request needs: free places, or a service open to admissions. */
export function hasCapacity(member: ReachableMember, needs: 'places' | 'services'): boolean {
  const capacity = member.availability.capacity;
  if (!capacity) return false;
  return needs === 'places' ? (capacity.places ?? 0) > 0 : (capacity.services ?? []).some((s) => s.open);
}

/** Minutes until the default quiet hours end (0 outside them): 08:00 the next working morning. */
function night(now: number, timeZone: string): boolean {
  const { minutes } = localTime(now, timeZone);
  return minutes >= QUIET_HOURS.from || minutes < QUIET_HOURS.to;
}

/** The member's reach now; undefined when absent (never alerted). */
export function reachOf(member: ReachableMember, now: number, timeZone: string): Reach | undefined {
  const state = availabilityState(member.availability, now);
  if (state === 'absent') return undefined;
  if (state === 'available') return { tier: 0, reason: 'disponible maintenant', quiet: false };
  if (state === 'on-call') return { tier: 0, reason: isPharmacy(member.profession) ? 'pharmacie de garde' : 'd’astreinte', quiet: false };
  const hours = member.availability.weeklyHours;
  const structure = member.kind === 'structure';
  if (withinHours(hours, now, timeZone)) return { tier: 0, reason: structure ? 'service ouvert' : 'dans ses horaires', quiet: false };
  const atNight = night(now, timeZone);
  if (hours?.length) {
    const quiet = atNight || !(member.availability.outsideHours ?? []).length;
    const reason = structure ? 'service fermé' : quiet ? 'hors horaires : alerte dans l’application seulement' : 'hors horaires, accepte les alertes';
    return { tier: 1, reason, quiet };
  }
  return { tier: 1, reason: atNight ? 'horaires non déclarés, nuit : alerte dans l’application seulement' : 'horaires non déclarés', quiet: atNight };
}

/** The channels an alert may use for this member now (an immediate urgency disturbs anyone not absent). */
export function alertChannels(member: ReachableMember, now: number, timeZone: string, immediate: boolean): Array<'push' | 'sms'> {
  const reach = reachOf(member, now, timeZone);
  if (!reach) return [];
  if (immediate || reach.tier === 0) return ['push', 'sms'];
  if (reach.quiet) return [];
  return member.availability.weeklyHours?.length ? [...(member.availability.outsideHours ?? [])] : ['push', 'sms'];
}
