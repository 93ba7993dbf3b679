import { describe, expect, it } from 'vitest';
import { computeIndicators } from '../domain/indicators/indicators';
import { sampleRequest } from '../domain/requests/fixtures';
import type { CareRequest } from '../domain/requests/schema';
import { figuresOf } from './key-figures';
import { csvOf, fileNameOf, outcomeSeries, seriesOf, summaryTable, tablesOf, type Labels } from './tables';

const at = (day: string, h = 8) => `2026-${day}T${String(h).padStart(2, '0')}:00:00.000Z`;
function request(i: number, over: Partial<CareRequest>): CareRequest {
  return sampleRequest({ id: `r-test-${String(i).padStart(6, '0')}`, status: 'resolved', createdAt: at('01-10'), ...over });
}
const accepted = (created: string, minutes: number, by: string) => [{ at: new Date(Date.parse(created) + minutes * 60_000).toISOString(), event: 'accept', by }];

const requests = [
  request(1, { assigneeId: 'm-a', history: accepted(at('01-10'), 30, 'm-a') }),
  request(2, { type: 'examen', target: { professions: ['10'] }, assigneeId: 'm-b', history: accepted(at('01-10'), 60, 'm-coord'), dispatch: { alerted: [], steps: [], escalated: true } }),
  request(3, { status: 'expired', createdAt: at('02-03'), place: { commune: 'Woippy', communeInsee: '57751', lat: 49.15, lon: 6.15 } }),
  request(4, { status: 'unresolved', createdAt: at('02-04'), assigneeId: 'm-a', history: accepted(at('02-04'), 3000, 'm-a') }),
];
const members = [{ id: 'm-a', status: 'active' }, { id: 'm-b', status: 'active' }, { id: 'm-z', status: 'invited' }];
const ind = computeIndicators(requests, members, { answers: [], now: Date.parse(at('03-01')) });
const labels: Labels = { type: (k) => `type ${k}`, profession: (k) => `prof ${k}`, commune: (k) => ({ '57463': 'Metz', '57751': 'Woippy' })[k] ?? k, month: (k) => `mois ${k}` };

describe('dashboard tables', () => {
  it('summarises the period with counts and shares in percent', () => {
    const rows = new Map(summaryTable(ind).rows.map((r) => [r[0], r.slice(1)]));
    expect(rows.get('Demandes reçues')).toEqual([4, null]);
    expect(rows.get('Résolues')).toEqual([2, 50]);
    expect(rows.get('Expirées')).toEqual([1, 25]);
    expect(rows.get('Délai médian de première acceptation (min)')).toEqual([60, null]);
    expect(rows.get('Prises en charge en 48 h ou moins')).toEqual([2, 50]);
    expect(rows.get('Résolutions après assignation par la coordination')).toEqual([1, 50]);
    expect(rows.get('Membres ayant répondu au moins une fois')).toEqual([1, 50]);
    expect(rows.get('Télé-expertises réalisées')).toEqual([0, null]);
  });

  it('breaks down by type (largest first), commune (with its INSEE code) and month (in order)', () => {
    const [, byType, byProfession, byCommune, byMonth] = tablesOf(ind, labels);
    expect(byType.rows).toEqual([['type passage-infirmier', 3, 75], ['type examen', 1, 25]]);
    expect(byProfession.rows).toEqual([['prof 60', 3, 75], ['prof 10', 1, 25]]);
    expect(byCommune.header).toEqual(['INSEE', 'Commune', 'Demandes', 'Part (%)']);
    expect(byCommune.rows).toEqual([['57463', 'Metz', 3, 75], ['57751', 'Woippy', 1, 25]]);
    expect(byMonth.rows).toEqual([['mois 2026-01', 2, 50], ['mois 2026-02', 2, 50]]);
  });

  it('exports each table as French CSV under its own file name', () => {
    const byCommune = tablesOf(ind, labels)[3];
    expect(fileNameOf(byCommune)).toBe('indicateurs-par-commune.csv');
    expect(csvOf(byCommune)).toBe('\uFEFFINSEE;Commune;Demandes;Part (%)\r\n57463;Metz;3;75\r\n57751;Woippy;1;25\r\n');
    expect(tablesOf(ind, labels).map(fileNameOf)).toEqual(['indicateurs-resume.csv', 'indicateurs-par-type.csv', 'indicateurs-par-profession.csv', 'indicateurs-par-commune.csv', 'indicateurs-par-mois.csv']);
  });

  it('gives the charts their series', () => {
    const tables = tablesOf(ind, labels);
    expect(seriesOf(tables[3])).toEqual({ labels: ['Metz', 'Woippy'], values: [3, 1] });
    expect(seriesOf(tables[1], 1)).toEqual({ labels: ['type passage-infirmier'], values: [3] });
    expect(outcomeSeries(ind).values).toEqual([2, 1, 0, 1, 0]);
  });

  it('summarises the follow-ups: the answers over those asked, the rest over the answers, in the table and the key figures', () => {
    const resolvedOn = (i: number, day: string) => request(i, { createdAt: at(day), history: [{ at: at(day, 12), event: 'resolve', by: 'm-a' }] });
    const done = [resolvedOn(5, '01-12'), resolvedOn(6, '01-13'), resolvedOn(7, '01-14'), resolvedOn(8, '01-15')];
    const answer = (r: CareRequest, emergency: boolean) => ({ requestId: r.id, authorId: 'm-gp', kind: 'follow-up' as const, covered: true, emergency, createdAt: at('01-20') });
    const withAnswers = computeIndicators(done, members, { answers: [answer(done[0], false), answer(done[1], false), answer(done[2], true)], now: Date.parse(at('02-01')) });
    const rows = new Map(summaryTable(withAnswers).rows.map((r) => [r[0], r.slice(1)]));
    expect(rows.get('Suivis demandés')).toEqual([4, null]);
    expect(rows.get('Suivis reçus')).toEqual([3, 75]);
    expect(rows.get('Besoin couvert')).toEqual([3, 100]);
    expect(rows.get('Passages aux urgences depuis la prise en charge')).toEqual([1, 33.3]);
    expect(rows.get('Passages aux urgences évités')).toEqual([2, 66.7]);
    const figures = new Map(figuresOf(withAnswers).map((f) => [f.key, f]));
    expect(figures.get('follow-ups-answered')).toMatchObject({ value: 3, text: '3', detail: '75 % des suivis demandés' });
    expect(figures.get('emergency-avoided')).toMatchObject({ value: 2, detail: '66,7 % des suivis reçus' });
  });

  it('shows the key figures with their raw values', () => {
    const figures = new Map(figuresOf(ind).map((f) => [f.key, f]));
    expect(figures.get('received')).toMatchObject({ value: 4, text: '4' });
    expect(figures.get('resolved')).toMatchObject({ value: 2, text: '50 %' });
    expect(figures.get('median')).toMatchObject({ value: 60, text: '1 h 00' });
    expect(figures.get('p90')).toMatchObject({ value: 3000, text: '2 j' });
  });
});
