import { describe, expect, it } from 'vitest';
import type { CareRequest } from '../requests/schema';
import { toCsv } from './csv';
import { computeIndicators, percentile, type FollowUpAnswer } from './indicators';

const at = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * 60_000).toISOString();

let nextId = 0;
/** Requested by `g1`; a resolved one was resolved a day after its creation. */
function req(type: string, profession: string, insee: string, createdAt: string, status: CareRequest['status'], opts: { accept?: [number, string]; assignee?: string; escalated?: boolean; others?: Array<[string, string]> } = {}) {
  const history: NonNullable<CareRequest['history']> = [{ at: createdAt, event: 'start-search', by: 'server' }];
  if (opts.accept) history.push({ at: at(createdAt, opts.accept[0]), event: 'accept', by: opts.accept[1] });
  for (const [event, by] of opts.others ?? []) history.push({ at: at(createdAt, 5), event, by });
  if (status === 'resolved') history.push({ at: at(createdAt, 24 * 60), event: 'resolve', by: opts.assignee ?? opts.accept?.[1] ?? 'g1' });
  return {
    id: `r-test-${++nextId}`,
    requesterId: 'g1',
    type,
    target: { professions: [profession] },
    place: { commune: insee, communeInsee: insee, lat: 49, lon: 6 },
    status,
    createdAt,
    assigneeId: opts.assignee ?? opts.accept?.[1],
    history,
    dispatch: { alerted: [], steps: [], escalated: opts.escalated },
  } as unknown as CareRequest;
}

// A hand-built quarter whose figures are worked out by hand below.
const requests = [
  req('passage-infirmier', '60', '57463', '2026-01-10T08:00:00.000Z', 'resolved', { accept: [30, 'n1'] }),
  req('passage-infirmier', '60', '57463', '2026-01-15T09:00:00.000Z', 'resolved', { accept: [90, 'c1'], assignee: 'n2', escalated: true }),
  req('medecin-traitant', '10', '57021', '2026-02-01T10:00:00.000Z', 'resolved', { accept: [3000, 'd1'] }),
  req('avis-specialise', '10', '57021', '2026-02-03T10:00:00.000Z', 'unresolved', { accept: [10, 'd2'], others: [['decline', 'd3']] }),
  req('medicament-rupture', '21', '57463', '2026-02-10T10:00:00.000Z', 'cancelled'),
  req('entree-directe', 'hopital', '57032', '2026-03-01T10:00:00.000Z', 'expired', { escalated: true }),
  req('passage-infirmier', '60', '57463', '2026-03-05T10:00:00.000Z', 'searching', { others: [['decline', 'n3'], ['accept-refused', 'n4']] }),
  req('passage-infirmier', '60', '57463', '2025-12-20T10:00:00.000Z', 'resolved', { accept: [5, 'n1'] }),
];
const members = ['n1', 'n2', 'n3', 'd1', 'd2', 'd3', 'c1'].map((id) => ({ id, status: 'active' })).concat([{ id: 'x', status: 'pending' }]);
const quarter = { from: '2026-01-01', to: '2026-04-01' };
// Every follow-up of the quarter is due by then (the longest delay is a week).
const noAnswers = { answers: [], now: Date.parse('2026-04-15T00:00:00.000Z') };

describe('ACI indicators on a hand-built quarter', () => {
  const q = computeIndicators(requests, members, noAnswers, quarter);

  it('counts requests received and their outcomes', () => {
    expect(q).toMatchObject({ received: 7, resolved: 3, unresolved: 1, cancelled: 1, expired: 1, open: 1 });
    expect(q.share.resolved).toBeCloseTo(3 / 7);
    expect(q.share.expired).toBeCloseTo(1 / 7);
  });

  it('measures the time to first acceptance (median and 90th percentile) and the share handled within 48 h', () => {
    expect(q.timeToFirstAcceptance).toEqual({ count: 4, medianMinutes: 30, p90Minutes: 3000 });
    expect(q.share.handledWithin48h).toBeCloseTo(3 / 7);
  });

  it('counts escalations, the supervisor’s share of resolutions and patients helped to find a médecin traitant', () => {
    expect(q.escalated).toBe(2);
    expect(q.resolvedBySupervisor).toBe(1);
    expect(q.supervisorShareOfResolutions).toBeCloseTo(1 / 3);
    expect(q.patientsHelpedToFindDoctor).toBe(1);
  });

  it('counts the tele-expertises done: « avis spécialisé » requests resolved, not those closed otherwise', () => {
    // The quarter's one « avis spécialisé » closed unresolved.
    expect(q.teleexpertises).toBe(0);
    const done = req('avis-specialise', '10', '57021', '2026-02-04T10:00:00.000Z', 'resolved', { accept: [20, 'd2'] });
    const open = req('avis-specialise', '10', '57021', '2026-02-05T10:00:00.000Z', 'assigned', { accept: [20, 'd2'] });
    expect(computeIndicators([...requests, done, open], members, noAnswers, quarter).teleexpertises).toBe(1);
  });

  it('breaks requests down by type, profession, commune and month', () => {
    expect(q.byType).toEqual({ 'passage-infirmier': 3, 'medecin-traitant': 1, 'avis-specialise': 1, 'medicament-rupture': 1, 'entree-directe': 1 });
    expect(q.byProfession).toEqual({ '60': 3, '10': 2, '21': 1, hopital: 1 });
    expect(q.byCommune).toEqual({ '57463': 4, '57021': 2, '57032': 1 });
    expect(q.byMonth).toEqual({ '2026-01': 2, '2026-02': 3, '2026-03': 2 });
  });

  it('counts active members and those who answered at least once', () => {
    expect(q.activeMembers).toBe(7);
    // n2 was assigned on their behalf and never answered; n4 is not an active member here.
    expect(q.membersWhoAnswered).toBe(6);
  });

  it('applies the filters', () => {
    expect(computeIndicators(requests, members, noAnswers, { ...quarter, type: 'passage-infirmier' }).received).toBe(3);
    expect(computeIndicators(requests, members, noAnswers, { ...quarter, profession: '10' }).resolved).toBe(1);
    expect(computeIndicators(requests, members, noAnswers, { ...quarter, communeInsee: '57021' }).received).toBe(2);
    expect(computeIndicators(requests, members, noAnswers, { month: '2026-02' }).received).toBe(3);
    expect(computeIndicators(requests, members, noAnswers).received).toBe(8);
  });

  it('has no figure to show for an empty period', () => {
    const none = computeIndicators(requests, members, noAnswers, { from: '2030-01-01' });
    expect(none.received).toBe(0);
    expect(none.share.resolved).toBe(0);
    expect(none.timeToFirstAcceptance).toEqual({ count: 0, medianMinutes: null, p90Minutes: null });
  });
});

describe('the follow-up after care', () => {
  const [jan10, jan15, feb1, unresolved, , , , december] = requests;
  const answer = (request: CareRequest, createdAt: string, covered: boolean, emergency: boolean, authorId = 'g1'): FollowUpAnswer => ({ requestId: request.id, authorId, kind: 'follow-up', covered, emergency, createdAt });
  const answers = [
    // Answered twice: the latest answer counts.
    answer(jan10, '2026-01-13T10:00:00.000Z', true, false),
    answer(jan10, '2026-01-14T10:00:00.000Z', false, true),
    // Only the requester answers: the assignee's word is not the follow-up.
    answer(jan15, '2026-01-19T10:00:00.000Z', true, false),
    answer(jan15, '2026-01-20T10:00:00.000Z', false, true, 'n2'),
    answer(feb1, '2026-02-10T10:00:00.000Z', true, false, 'd1'),
    // Not the period's resolved requests: before the period, or closed unresolved.
    answer(december, '2025-12-24T10:00:00.000Z', true, false),
    answer(unresolved, '2026-02-06T10:00:00.000Z', true, false),
    // Another kind is no answer.
    { ...answer(feb1, '2026-02-11T10:00:00.000Z', true, false), kind: 'message' as const },
  ];

  it('counts the follow-ups asked and answered, the needs covered, the emergency visits and those avoided', () => {
    const q = computeIndicators(requests, members, { ...noAnswers, answers }, quarter);
    expect(q.followUps).toEqual({ asked: 3, answered: 2, answerRate: 2 / 3, covered: 1, emergency: 1, emergencyAvoided: 1 });
  });

  it('asks only once the follow-up is due (two days for a nurse’s visit, a week for a médecin traitant)', () => {
    expect(computeIndicators(requests, members, { answers, now: Date.parse('2026-02-08T00:00:00.000Z') }, quarter).followUps).toMatchObject({ asked: 2, answered: 2 });
    expect(computeIndicators(requests, members, { answers, now: Date.parse('2026-01-12T00:00:00.000Z') }, quarter).followUps).toMatchObject({ asked: 0, answered: 0, answerRate: 0 });
  });

  it('applies the filters to the requests whose follow-ups are counted', () => {
    expect(computeIndicators(requests, members, { ...noAnswers, answers }, { ...quarter, type: 'medecin-traitant' }).followUps).toMatchObject({ asked: 1, answered: 0 });
    expect(computeIndicators(requests, members, { ...noAnswers, answers }).followUps).toMatchObject({ asked: 4, answered: 3, emergencyAvoided: 2 });
  });

  it('asks again after a reopening: an answer about the care before it no longer counts', () => {
    const reopened = { ...jan15, history: [...(jan15.history ?? []), { at: '2026-01-21T10:00:00.000Z', event: 'reopen', by: 'g1' }, { at: '2026-01-22T10:00:00.000Z', event: 'resolve', by: 'n2' }] };
    const q = computeIndicators([jan10, reopened, feb1], members, { ...noAnswers, answers }, quarter);
    expect(q.followUps).toMatchObject({ asked: 3, answered: 1, emergency: 1, emergencyAvoided: 0 });
    const again = computeIndicators([jan10, reopened, feb1], members, { ...noAnswers, answers: [...answers, answer(reopened, '2026-01-25T10:00:00.000Z', true, false)] }, quarter);
    expect(again.followUps).toMatchObject({ asked: 3, answered: 2, covered: 1, emergencyAvoided: 1 });
  });
});

describe('percentile and CSV', () => {
  it('uses the nearest rank', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([5], 50)).toBe(5);
  });

  it('writes UTF-8 with BOM, « ; » separators, decimal commas and quotes where needed', () => {
    const csv = toCsv(['Type', 'Part'], [['Passage infirmier; domicile', 0.5], ['Avis "urgent"', 3]]);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toBe('\uFEFFType;Part\r\n"Passage infirmier; domicile";0,5\r\n"Avis ""urgent""";3\r\n');
  });
});
