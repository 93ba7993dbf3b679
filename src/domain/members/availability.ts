/**
 * What a member's declared availability means at a given moment, and the rules an availability
 * must follow. Time is always passed in, so expired availability stops counting by itself.
 */
import type { FieldError } from '../validation';
import { checkRanges } from './hours';
import { GENERAL_PRACTICE } from './professions';
import type { Member } from './schema';

export type Availability = Member['availability'];
export type AvailabilityState = 'available' | 'on-call' | 'absent' | 'unavailable';

/** Professions whose members visit patients at home (nurses, physiotherapists, midwives, GPs). */
const HOME_VISIT_PROFESSIONS = new Set(['60', '70', '50']);

export const MAX_AVAILABLE_HOURS = 24;
export const MAX_SLOT_HOURS = 72;

const time = (iso: string | undefined) => (iso ? Date.parse(iso) : NaN);

function within(slot: { start: string; end: string }, now: number): boolean {
  return time(slot.start) <= now && now < time(slot.end);
}

/** Absent beats everything; then available now (until its end time); then on call (a slot covering now). */
export function availabilityState(availability: Availability, now: number): AvailabilityState {
  if (availability.absences.some((a) => within(a, now))) return 'absent';
  if (time(availability.availableUntil) > now) return 'available';
  if (availability.onCall.some((s) => within(s, now))) return 'on-call';
  return 'unavailable';
}

/** Available for an unscheduled request now: declared available or on call, and not absent. */
export function isAvailableNow(availability: Availability, now: number): boolean {
  const state = availabilityState(availability, now);
  return state === 'available' || state === 'on-call';
}

/** The next on-call slot that has not ended, if any. */
export function nextOnCall(availability: Availability, now: number): { start: string; end: string } | undefined {
  return [...availability.onCall].filter((s) => time(s.end) > now).sort((a, b) => time(a.start) - time(b.start))[0];
}

export function visitsAtHome(member: Pick<Member, 'profession' | 'specialty'>): boolean {
  return HOME_VISIT_PROFESSIONS.has(member.profession) || isGeneralPractitioner(member);
}

export function isGeneralPractitioner(member: Pick<Member, 'profession' | 'specialty'>): boolean {
  return member.profession === '10' && member.specialty === GENERAL_PRACTICE;
}

/** Drops what has ended, so an entry does not accumulate old slots; what is current or future stays. */
export function withoutEnded(availability: Availability, now: number): Availability {
  const current = (s: { end: string }) => time(s.end) > now;
  const next: Availability = { ...availability, onCall: availability.onCall.filter(current), absences: availability.absences.filter(current) };
  if (availability.availableUntil && time(availability.availableUntil) <= now) delete next.availableUntil;
  return next;
}

function checkSlots(field: 'onCall' | 'absences', slots: Availability['onCall'], maxHours: number | undefined, errors: FieldError[]): void {
  slots.forEach((slot, i) => {
    const [start, end] = [time(slot.start), time(slot.end)];
    const path = `availability.${field}.${i}`;
    if (Number.isNaN(start) || Number.isNaN(end)) errors.push({ field: path, message: 'date ou heure invalide' });
    else if (end <= start) errors.push({ field: path, message: 'la fin doit suivre le début' });
    else if (maxHours && end - start > maxHours * 3_600_000) errors.push({ field: path, message: `un créneau dure au plus ${maxHours} h` });
  });
}

/**
 * Rules that hold whenever the change reaches the server (an edit made offline may sync after its
 * end time, and must still be accepted): dates readable, ends after starts, bounded durations,
 * fields only for the professions they concern.
 */
export function checkAvailability(member: Pick<Member, 'profession' | 'specialty' | 'kind'>, availability: Availability): FieldError[] {
  const errors: FieldError[] = [];
  if (availability.availableUntil !== undefined && Number.isNaN(time(availability.availableUntil))) {
    errors.push({ field: 'availability.availableUntil', message: 'heure de fin invalide' });
  }
  checkSlots('onCall', availability.onCall, MAX_SLOT_HOURS, errors);
  checkSlots('absences', availability.absences, undefined, errors);
  if (availability.acceptsNewPatients && !isGeneralPractitioner(member)) {
    errors.push({ field: 'availability.acceptsNewPatients', message: 'réservé aux médecins généralistes' });
  }
  if (availability.homeVisitRadiusKm !== undefined && availability.homeVisitRadiusKm > 0 && !visitsAtHome(member)) {
    errors.push({ field: 'availability.homeVisitRadiusKm', message: 'réservé aux professions qui se déplacent à domicile' });
  }
  for (const problem of checkRanges(availability.weeklyHours ?? [])) errors.push({ field: `availability.weeklyHours.${problem.index}`, message: problem.message });
  if (availability.capacity && member.kind !== 'structure') errors.push({ field: 'availability.capacity', message: 'réservé aux structures' });
  if (availability.capacity && Number.isNaN(time(availability.capacity.declaredAt))) errors.push({ field: 'availability.capacity.declaredAt', message: 'date invalide' });
  return errors;
}

/** Rules for an edit made now on the device: on top of the above, « available now » ends in the future, within a day. */
export function checkAvailabilityEdit(member: Pick<Member, 'profession' | 'specialty' | 'kind'>, availability: Availability, now: number): FieldError[] {
  const errors = checkAvailability(member, availability);
  const until = time(availability.availableUntil);
  if (!Number.isNaN(until) && until <= now) errors.push({ field: 'availability.availableUntil', message: 'l’heure de fin est déjà passée' });
  if (!Number.isNaN(until) && until - now > MAX_AVAILABLE_HOURS * 3_600_000) {
    errors.push({ field: 'availability.availableUntil', message: `au plus ${MAX_AVAILABLE_HOURS} h à l’avance` });
  }
  return errors;
}
