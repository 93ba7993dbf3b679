/**
 * The dashboard's tables, each exportable to CSV, and the chart series, from the computed indicators.
 * Pure: the page and the tests read the same rows. Shares are percentages with one decimal.
 */
import { toCsv } from '../domain/indicators/csv';
import type { Indicators } from '../domain/indicators/indicators';
import * as fr from '../i18n/fr';

const t = fr.indicators;

export type TableId = 'resume' | 'par-type' | 'par-profession' | 'par-commune' | 'par-mois';

export interface Table {
  id: TableId;
  title: string;
  header: string[];
  rows: Array<Array<string | number | null>>;
}

export interface Labels {
  type(code: string): string;
  profession(code: string): string;
  commune(insee: string): string;
  month(key: string): string;
}

export const percent = (n: number, d: number): number => (d === 0 ? 0 : Math.round((n / d) * 1000) / 10);
const share = (x: number) => Math.round(x * 1000) / 10;
const minutes = (m: number | null) => (m === null ? null : Math.round(m));

export function summaryTable(ind: Indicators): Table {
  const n = ind.received;
  const f = ind.followUps;
  return {
    id: 'resume',
    title: t.figures,
    header: [t.indicator, t.value, `${t.share} (%)`],
    rows: [
      [t.received, n, null],
      [t.resolved, ind.resolved, share(ind.share.resolved)],
      [t.unresolved, ind.unresolved, share(ind.share.unresolved)],
      [t.cancelled, ind.cancelled, share(ind.share.cancelled)],
      [t.expired, ind.expired, share(ind.share.expired)],
      [t.open, ind.open, percent(ind.open, n)],
      [`${t.medianDelay} (min)`, minutes(ind.timeToFirstAcceptance.medianMinutes), null],
      [`${t.p90Delay} (min)`, minutes(ind.timeToFirstAcceptance.p90Minutes), null],
      [t.within48h, Math.round(ind.share.handledWithin48h * n), share(ind.share.handledWithin48h)],
      [t.escalated, ind.escalated, percent(ind.escalated, n)],
      [t.bySupervisor, ind.resolvedBySupervisor, share(ind.supervisorShareOfResolutions)],
      [t.doctorFound, ind.patientsHelpedToFindDoctor, null],
      [t.teleexpertises, ind.teleexpertises, null],
      [t.followUpsAsked, f.asked, null],
      [t.followUpsAnswered, f.answered, share(f.answerRate)],
      [t.covered, f.covered, percent(f.covered, f.answered)],
      [t.emergency, f.emergency, percent(f.emergency, f.answered)],
      [t.emergencyAvoided, f.emergencyAvoided, percent(f.emergencyAvoided, f.answered)],
      [t.activeMembers, ind.activeMembers, null],
      [t.answered, ind.membersWhoAnswered, percent(ind.membersWhoAnswered, ind.activeMembers)],
    ],
  };
}

/** Largest first; months in calendar order. */
function breakdown(id: TableId, title: string, first: string, counts: Record<string, number>, label: (k: string) => string, total: number, chronological = false, code?: string): Table {
  const keys = Object.keys(counts).sort(chronological ? undefined : (a, b) => counts[b] - counts[a] || a.localeCompare(b));
  const name = (k: string) => (k === 'inconnu' ? t.unknown : label(k));
  return {
    id,
    title,
    header: [...(code ? [code] : []), first, t.count, `${t.share} (%)`],
    rows: keys.map((k) => [...(code ? [k] : []), name(k), counts[k], percent(counts[k], total)]),
  };
}

export function tablesOf(ind: Indicators, labels: Labels): Table[] {
  const n = ind.received;
  return [
    summaryTable(ind),
    breakdown('par-type', t.byType, t.type, ind.byType, labels.type, n),
    breakdown('par-profession', t.byProfession, t.profession, ind.byProfession, labels.profession, n),
    breakdown('par-commune', t.byCommune, t.commune, ind.byCommune, labels.commune, n, false, 'INSEE'),
    breakdown('par-mois', t.byMonth, t.month, ind.byMonth, labels.month, n, true),
  ];
}

export const csvOf = (table: Table): string => toCsv(table.header, table.rows);

export const fileNameOf = (table: Pick<Table, 'id'>): string => `indicateurs-${table.id}.csv`;

export interface Series {
  labels: string[];
  values: number[];
}

/** A breakdown table as a chart series: the label column and the count column. */
export function seriesOf(table: Table, limit = Infinity): Series {
  const rows = table.rows.slice(0, limit);
  const labelAt = table.header[0] === 'INSEE' ? 1 : 0;
  return { labels: rows.map((r) => String(r[labelAt])), values: rows.map((r) => Number(r[labelAt + 1])) };
}

/** The outcome shares of the period, for the doughnut. */
export function outcomeSeries(ind: Indicators): Series {
  return { labels: [t.resolved, t.unresolved, t.cancelled, t.expired, t.open], values: [ind.resolved, ind.unresolved, ind.cancelled, ind.expired, ind.open] };
}
