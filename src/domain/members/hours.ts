/**
 * Weekly hours: the usual consultation hours, home-visit rounds or a structure's service hours, as
 * ranges of a weekday in the territory's time zone (several a day; a range may run past midnight).
 * Pure: the time and the time zone are passed in.
 */

export interface WeeklyRange {
  /** 0 = Monday … 6 = Sunday. */
  day: number;
  /** `HH:MM`, local time. */
  start: string;
  /** `HH:MM`, local time; before `start` (or equal), the range ends the next day. `24:00` ends at midnight. */
  end: string;
}

export const DAY_LABELS = ['lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi', 'dimanche'] as const;

const DAY_MINUTES = 24 * 60;
const WEEK_MINUTES = 7 * DAY_MINUTES;
const formatters = new Map<string, Intl.DateTimeFormat>();

export const TIME_PATTERN = '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$';

export function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/** The last answer: a dispatch step asks it for every candidate at the same instant. */
let last: { now: number; timeZone: string; value: { day: number; minutes: number } } | undefined;

/** The weekday (0 = Monday) and the minute of the day at `now` in `timeZone`. */
export function localTime(now: number, timeZone: string): { day: number; minutes: number } {
  if (last && last.now === now && last.timeZone === timeZone) return last.value;
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(now).map((p) => [p.type, p.value]));
  const day = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday);
  const value = { day, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
  last = { now, timeZone, value };
  return value;
}

/** A range as minutes of the week `[from, to)`, `to` past the week's end when it runs into Monday. */
function spanOf(range: WeeklyRange): [number, number] {
  const start = minutesOf(range.start);
  let end = minutesOf(range.end);
  if (end <= start) end += DAY_MINUTES;
  const from = range.day * DAY_MINUTES + start;
  return [from, from + (end - start)];
}

/** Whether `now` falls in one of the ranges. */
export function withinHours(ranges: readonly WeeklyRange[] | undefined, now: number, timeZone: string): boolean {
  if (!ranges?.length) return false;
  const { day, minutes } = localTime(now, timeZone);
  const t = day * DAY_MINUTES + minutes;
  return ranges.some((r) => {
    const [from, to] = spanOf(r);
    return (t >= from && t < to) || (t + WEEK_MINUTES >= from && t + WEEK_MINUTES < to);
  });
}

/**
 * Minutes from `now` until the ranges next begin (0 when within one), or undefined without ranges.
 * Used to say when someone outside their hours will likely see an alert.
 */
export function minutesUntilHours(ranges: readonly WeeklyRange[] | undefined, now: number, timeZone: string): number | undefined {
  if (!ranges?.length) return undefined;
  if (withinHours(ranges, now, timeZone)) return 0;
  const { day, minutes } = localTime(now, timeZone);
  const t = day * DAY_MINUTES + minutes;
  return Math.min(...ranges.map((r) => (spanOf(r)[0] - t + WEEK_MINUTES) % WEEK_MINUTES));
}

/** Problems with ranges, as field errors' messages by index (French). */
export function checkRanges(ranges: readonly WeeklyRange[]): Array<{ index: number; message: string }> {
  const problems: Array<{ index: number; message: string }> = [];
  ranges.forEach((r, index) => {
    if (!Number.isInteger(r.day) || r.day < 0 || r.day > 6) problems.push({ index, message: 'jour invalide' });
    else if (r.start === r.end) problems.push({ index, message: 'le début et la fin sont à la même heure' });
  });
  const spans = ranges.map(spanOf).sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < spans.length; i++) {
    if (spans[i][0] < spans[i - 1][1]) {
      problems.push({ index: i, message: 'deux plages se chevauchent' });
      break;
    }
  }
  return problems;
}

const week = (days: number[], ...ranges: Array<[string, string]>): WeeklyRange[] => days.flatMap((day) => ranges.map(([start, end]) => ({ day, start, end })));
const WEEKDAYS = [0, 1, 2, 3, 4];

/**
 * A first proposal of hours by profession, to adjust: consultations for doctors, rounds morning
 * and evening for nurses, opening hours for pharmacies, round the clock for emergency services.
 */
export function hoursTemplate(profession: string): WeeklyRange[] {
  switch (profession) {
    case '60':
      return week([0, 1, 2, 3, 4, 5], ['07:00', '12:00'], ['17:00', '20:00']);
    case '21':
    case 'pharmacie':
      return [...week(WEEKDAYS, ['09:00', '19:30']), ...week([5], ['09:00', '18:00'])];
    case 'hopital':
    case 'ambulance':
    case 'had':
      return week([0, 1, 2, 3, 4, 5, 6], ['00:00', '24:00']);
    case 'laboratoire':
      return [...week(WEEKDAYS, ['07:30', '18:30']), ...week([5], ['08:00', '12:00'])];
    default:
      return [...week(WEEKDAYS, ['08:30', '12:30'], ['14:00', '19:00']), ...week([5], ['09:00', '12:00'])];
  }
}
