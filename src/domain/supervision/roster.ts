/** The duty roster of the coordination platform: who is on duty now and in the coming days. */

export interface Shift {
  id: string;
  memberId: string;
  start: string;
  end: string;
}

const t = (iso: string) => Date.parse(iso);

export function onDuty(shifts: Iterable<Shift>, now: number): string[] {
  const ids = new Set<string>();
  for (const s of shifts) if (t(s.start) <= now && now < t(s.end)) ids.add(s.memberId);
  return [...ids];
}

/** Shifts that have not ended, in order. */
export function upcoming(shifts: Iterable<Shift>, now: number): Shift[] {
  return [...shifts].filter((s) => t(s.end) > now).sort((a, b) => t(a.start) - t(b.start));
}

/** A French reason when a shift is unsound, null otherwise. */
export function checkShift(shift: Omit<Shift, 'id'>): string | null {
  const [start, end] = [t(shift.start), t(shift.end)];
  if (Number.isNaN(start) || Number.isNaN(end)) return 'dates de début et de fin invalides';
  if (end <= start) return 'la fin de la permanence doit suivre son début';
  if (end - start > 7 * 24 * 3_600_000) return 'une permanence dure au plus 7 jours';
  return null;
}
