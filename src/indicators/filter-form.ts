/**
 * The dashboard's period and filters as typed (inclusive days, `YYYY-MM-DD`) turned into the domain's
 * filters (exclusive end). Days are UTC days, as the domain's months are (`createdAt` is UTC), so a
 * figure here matches the same figure computed anywhere else. Pure.
 */
import type { IndicatorFilters } from '../domain/indicators/indicators';

export interface FilterForm {
  from: string;
  to: string;
  type: string;
  profession: string;
  commune: string;
  month: string;
}

const DAY = 86_400_000;
const day = (t: number) => new Date(t).toISOString().slice(0, 10);

export function nextDay(date: string): string {
  return day(Date.parse(`${date}T00:00:00Z`) + DAY);
}

/** The last 12 months up to today included. */
export function defaultFilterForm(now: number): FilterForm {
  const today = new Date(day(now) + 'T00:00:00Z');
  const yearBefore = new Date(Date.UTC(today.getUTCFullYear() - 1, today.getUTCMonth(), today.getUTCDate()));
  return { from: day(yearBefore.getTime() + DAY), to: day(today.getTime()), type: '', profession: '', commune: '', month: '' };
}

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));

/** Unset or unreadable fields filter nothing. */
export function filtersOf(form: FilterForm): IndicatorFilters {
  const filters: IndicatorFilters = {};
  if (isDate(form.from)) filters.from = form.from;
  if (isDate(form.to)) filters.to = nextDay(form.to);
  if (form.type) filters.type = form.type;
  if (form.profession) filters.profession = form.profession;
  if (form.commune) filters.communeInsee = form.commune;
  if (/^\d{4}-\d{2}$/.test(form.month)) filters.month = form.month;
  return filters;
}

/** The months a period covers (`YYYY-MM`), for the month filter. */
export function monthsOf(form: Pick<FilterForm, 'from' | 'to'>): string[] {
  if (!isDate(form.from) || !isDate(form.to) || form.from > form.to) return [];
  const months: string[] = [];
  let [y, m] = form.from.slice(0, 7).split('-').map(Number);
  const last = form.to.slice(0, 7);
  for (let key = form.from.slice(0, 7); key <= last && months.length < 240; ) {
    months.push(key);
    m = m === 12 ? ((y += 1), 1) : m + 1;
    key = `${y}-${String(m).padStart(2, '0')}`;
  }
  return months;
}
