/** Pure edits of an availability from what the member taps or types (local dates and times of the device). */
import { withoutEnded, type Availability } from '../domain/members/availability';
import { hoursTemplate, minutesOf, type WeeklyRange } from '../domain/members/hours';

export interface Slot {
  start: string;
  end: string;
}

const HOUR = 3_600_000;

/** A local date (`2026-11-24`) and time (`18:00`) as an instant; NaN when unreadable. */
export function localInstant(date: string, time = '00:00'): number {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) return NaN;
  return new Date(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2])).getTime();
}

/** The device's local date of an instant (`2026-11-24`). */
export function localDate(now: number): string {
  const d = new Date(now);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Available from now for `hours`. */
export function availableFor(availability: Availability, hours: number, now: number): Availability {
  return { ...withoutEnded(availability, now), availableUntil: new Date(now + hours * HOUR).toISOString() };
}

/** Available until a time of day (`20:00`): today, or tomorrow when that time has passed. */
export function availableUntilTime(availability: Availability, time: string, now: number): Availability {
  let until = localInstant(localDate(now), time);
  if (until <= now) until += 24 * HOUR;
  return { ...withoutEnded(availability, now), availableUntil: new Date(until).toISOString() };
}

export function notAvailable(availability: Availability, now: number): Availability {
  const next = withoutEnded(availability, now);
  delete next.availableUntil;
  return next;
}

/** An on-call slot from a date and two times; an end at or before the start means the next morning. */
export function onCallSlot(date: string, start: string, end: string): Slot | null {
  const from = localInstant(date, start);
  let to = localInstant(date, end);
  if (Number.isNaN(from) || Number.isNaN(to)) return null;
  if (to <= from) to += 24 * HOUR;
  return { start: new Date(from).toISOString(), end: new Date(to).toISOString() };
}

/** An absence over whole days, `to` included. */
export function absenceSlot(from: string, to: string): Slot | null {
  const start = localInstant(from);
  const end = localInstant(to);
  if (Number.isNaN(start) || Number.isNaN(end)) return null;
  const dayAfter = new Date(end);
  dayAfter.setDate(dayAfter.getDate() + 1);
  return { start: new Date(start).toISOString(), end: dayAfter.toISOString() };
}

const byStart = (a: Slot, b: Slot) => Date.parse(a.start) - Date.parse(b.start);

export function withSlot(availability: Availability, field: 'onCall' | 'absences', slot: Slot, now: number): Availability {
  const current = withoutEnded(availability, now);
  return { ...current, [field]: [...current[field], slot].sort(byStart) };
}

export function withoutSlot(availability: Availability, field: 'onCall' | 'absences', slot: Slot, now: number): Availability {
  const current = withoutEnded(availability, now);
  return { ...current, [field]: current[field].filter((s) => s.start !== slot.start || s.end !== slot.end) };
}

const byDayAndStart = (a: WeeklyRange, b: WeeklyRange) => a.day - b.day || minutesOf(a.start) - minutesOf(b.start);

/** A weekly range added (kept in day and time order). */
export function withRange(availability: Availability, range: WeeklyRange, now: number): Availability {
  return { ...withoutEnded(availability, now), weeklyHours: [...(availability.weeklyHours ?? []), range].sort(byDayAndStart) };
}

export function withoutRange(availability: Availability, range: WeeklyRange, now: number): Availability {
  const same = (r: WeeklyRange) => r.day === range.day && r.start === range.start && r.end === range.end;
  return { ...withoutEnded(availability, now), weeklyHours: (availability.weeklyHours ?? []).filter((r) => !same(r)) };
}

/** The profession's proposal of hours, in place of the current ones, to adjust afterwards. */
export function withTemplate(availability: Availability, profession: string, now: number): Availability {
  return { ...withoutEnded(availability, now), weeklyHours: hoursTemplate(profession) };
}

/** Next week's on-call slots, the same as this week's still to come: « comme la semaine dernière ». */
export function onCallNextWeek(availability: Availability, now: number): Availability {
  const current = withoutEnded(availability, now);
  const week = 7 * 24 * HOUR;
  const shifted = current.onCall.map((s) => ({ start: new Date(Date.parse(s.start) + week).toISOString(), end: new Date(Date.parse(s.end) + week).toISOString() }));
  const known = new Set(current.onCall.map((s) => `${s.start}|${s.end}`));
  return { ...current, onCall: [...current.onCall, ...shifted.filter((s) => !known.has(`${s.start}|${s.end}`))].sort(byStart) };
}

export function withOutsideHours(availability: Availability, channels: Array<'push' | 'sms'>, now: number): Availability {
  return { ...withoutEnded(availability, now), outsideHours: channels };
}

/** What a structure can take now, declared at `now`. */
export function withCapacity(availability: Availability, capacity: { places?: number; services?: Array<{ name: string; open: boolean }> }, now: number): Availability {
  return { ...withoutEnded(availability, now), capacity: { ...capacity, declaredAt: new Date(now).toISOString() } };
}
