/** The roster page's choices: which directory entries are coordinators, and a sensible next shift. Pure. */
import type { RosterState } from '../domain/supervision/api';
import type { Shift } from '../domain/supervision/roster';

/**
 * Coordinators the page can name: the signed-in one first, then those already on the roster, then
 * the directory entries of the coordination function (the server refuses anyone else anyway).
 */
export function coordinatorChoices(roster: RosterState | undefined, me: string, coordinationEntries: readonly string[]): string[] {
  return [...new Set([me, ...(roster?.onDuty ?? []), ...(roster?.shifts ?? []).map((s) => s.memberId), ...coordinationEntries])];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A date as a `datetime-local` value in the device's time. */
export function localInput(t: number): string {
  const d = new Date(t);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** From the next full hour, twelve hours: the usual half-day shift of the platform. */
export function defaultShift(now: number): { start: string; end: string } {
  const start = Math.ceil(now / 3_600_000) * 3_600_000;
  return { start: localInput(start), end: localInput(start + 12 * 3_600_000) };
}

/** Shifts grouped by the day they start (device time), in order. */
export function byDay(shifts: readonly Shift[]): Array<{ day: string; shifts: Shift[] }> {
  const days = new Map<string, Shift[]>();
  for (const s of [...shifts].sort((a, b) => a.start.localeCompare(b.start))) {
    const day = localInput(Date.parse(s.start)).slice(0, 10);
    days.set(day, [...(days.get(day) ?? []), s]);
  }
  return [...days].map(([day, list]) => ({ day, shifts: list }));
}
