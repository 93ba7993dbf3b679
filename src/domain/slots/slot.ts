/**
 * Unscheduled-care slots (soins non programmés) a doctor offers: the SAS platform reads them as FHIR
 * `Slot`s (`fhir.ts`), and the dispatcher counts a doctor with a free one as reachable for a
 * « soin non programmé » request. Pure: the time is passed in.
 */
import type { Member } from '../members/schema';

export interface UnscheduledSlot {
  id: string;
  memberId: string;
  /** ISO instants. */
  start: string;
  end: string;
  /** `busy`: booked (by the SAS, or taken through a request); kept for the record. */
  status: 'free' | 'busy';
  createdAt: string;
}

export const SLOT_RULES = { minMinutes: 10, maxMinutes: 240, horizonDays: 14, maxUpcoming: 60 } as const;

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** Doctors offer unscheduled-care slots to the SAS (the platform's « soin non programmé » is a GP's). */
export function mayOfferSlots(member: Pick<Member, 'kind' | 'profession'>): boolean {
  return member.kind === 'professional' && member.profession === '10';
}

type Parsed<T> = { ok: true; value: T } | { ok: false; error: string; field: string };

/** `POST /api/slots` `{ start, minutes }` checked: a start in the next 14 days, not already past, 10 minutes to 4 hours long. */
export function parseSlotOffer(raw: unknown, now: number): Parsed<{ start: number; end: number }> {
  const body = (raw ?? {}) as Record<string, unknown>;
  const start = typeof body.start === 'string' && body.start.length <= 40 ? Date.parse(body.start) : NaN;
  if (!Number.isFinite(start)) return { ok: false, field: 'start', error: 'Champ « start » : la date et l’heure du créneau sont attendues.' };
  const minutes = body.minutes;
  if (typeof minutes !== 'number' || !Number.isInteger(minutes) || minutes < SLOT_RULES.minMinutes || minutes > SLOT_RULES.maxMinutes) {
    return { ok: false, field: 'minutes', error: `Champ « minutes » : un créneau dure de ${SLOT_RULES.minMinutes} minutes à ${SLOT_RULES.maxMinutes / 60} heures.` };
  }
  if (start + minutes * MINUTE <= now) return { ok: false, field: 'start', error: 'Ce créneau est déjà passé : choisissez une heure à venir.' };
  if (start > now + SLOT_RULES.horizonDays * DAY) return { ok: false, field: 'start', error: `Un créneau se propose au plus ${SLOT_RULES.horizonDays} jours à l’avance.` };
  return { ok: true, value: { start, end: start + minutes * MINUTE } };
}

/** The French reason a new slot cannot join the doctor's others (overlap, too many), or null. */
export function refuseAmong(slot: { start: number; end: number }, mine: readonly Pick<UnscheduledSlot, 'start' | 'end'>[], now: number): string | null {
  const upcoming = mine.filter((s) => Date.parse(s.end) > now);
  if (upcoming.length >= SLOT_RULES.maxUpcoming) return `Vous proposez déjà ${SLOT_RULES.maxUpcoming} créneaux à venir : retirez-en avant d’en ajouter.`;
  const overlap = upcoming.find((s) => Date.parse(s.start) < slot.end && Date.parse(s.end) > slot.start);
  return overlap ? 'Ce créneau chevauche un créneau que vous proposez déjà.' : null;
}

/**
 * The earliest free slot of each doctor that is still of use for a request answered before its
 * deadline: not over at `now`, starting before the deadline.
 */
export function firstFreeSlots(slots: Iterable<Pick<UnscheduledSlot, 'memberId' | 'start' | 'end' | 'status'>>, now: number, deadline: number): Map<string, number> {
  const first = new Map<string, number>();
  for (const s of slots) {
    const start = Date.parse(s.start);
    if (s.status !== 'free' || Date.parse(s.end) <= now || start >= deadline) continue;
    const at = Math.max(start, now);
    if (at < (first.get(s.memberId) ?? Infinity)) first.set(s.memberId, at);
  }
  return first;
}
