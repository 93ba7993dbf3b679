import { describe, expect, it } from 'vitest';
import type { CareRequest } from '../../src/domain/requests/schema';
import type { DeliveryTracking } from '../alerts/channel';
import { topicOf } from '../push/sender';
import type { Couch } from '../storage/couch';
import type { AlertSender } from '../alerts/alerts';
import { AlertOutbox, alertsOf } from './outbox';

const NOW = Date.parse('2026-11-20T10:00:00Z');
const at = (minutesAgo: number) => new Date(NOW - minutesAgo * 60_000).toISOString();
type Step = NonNullable<CareRequest['dispatch']>['steps'][number];
const step = (kind: Step['kind'], alerted: string[], minutesAgo: number): Step => ({ at: at(minutesAgo), kind, alerted, reason: 'test' });

function request(steps: Step[], over: Partial<CareRequest> = {}): CareRequest {
  return {
    id: 'r-outbox-0001',
    requesterId: 'm-gp',
    type: 'passage-infirmier',
    target: { professions: ['60'] },
    urgency: 'today',
    deadline: at(-600),
    place: { commune: 'Metz', lat: 49.1, lon: 6.1 },
    question: 'Pansement',
    photos: [],
    status: 'searching',
    createdAt: at(60),
    updatedAt: at(0),
    dispatch: { alerted: steps.flatMap((s) => s.alerted), steps },
    ...over,
  };
}

/** The `alerts` database as the outbox uses it (fetch by keys, get, insert with revisions), with a switch to fail inserts. */
function fakeCouch() {
  const marks = new Map<string, { _id: string; _rev: string; delivered: string[]; sentAt?: string }>();
  const state = { failInserts: false };
  const conflict = () => Object.assign(new Error('conflict'), { statusCode: 409 });
  const db = {
    fetch: async ({ keys }: { keys: string[] }) => ({ rows: keys.map((id) => (marks.has(id) ? { id, doc: marks.get(id) } : { key: id, error: 'not_found' })) }),
    get: async (id: string) => structuredClone(marks.get(id)),
    insert: async (doc: { _id: string; _rev?: string; delivered: string[] }) => {
      if (state.failInserts) throw new Error('base injoignable');
      const current = marks.get(doc._id);
      if (current?._rev !== doc._rev) throw conflict();
      const rev = `${Number(current?._rev?.split('-')[0] ?? 0) + 1}-x`;
      marks.set(doc._id, structuredClone({ ...doc, _rev: rev }));
      return { ok: true, rev };
    },
  };
  return { couch: { use: () => db } as unknown as Couch, marks, state };
}

/** A sender that delivers to the given targets (skipping those already served), and can crash after some. */
function fakeSender(targets: string[], crashAfter = Infinity) {
  const sent: Array<{ kind: string; alertId: string; to: string }> = [];
  const sender = {
    async send(kind: string, _r: CareRequest, _members: string[], alertId: string, tracking: DeliveryTracking) {
      for (const to of targets.filter((t) => !tracking.done(t))) {
        if (sent.length >= crashAfter) throw new Error('arrêt brutal');
        sent.push({ kind, alertId, to });
        tracking.delivered(to);
      }
    },
  } as unknown as AlertSender;
  return { sender, sent };
}

const settle = () => new Promise((r) => setTimeout(r, 10));

describe('alerts recorded on a request', () => {
  it('one per alerting step, the last escalation to its coordinators, one per acceptance; ids stable by position', () => {
    const steps = [step('usual', ['m-usual'], 50), step('circle', [], 40), step('redispatch', [], 35), step('escalation', [], 30), step('circle', ['m-a', 'm-b'], 20), step('escalation', [], 10)];
    const r = request(steps, {
      dispatch: { alerted: ['m-usual', 'm-a', 'm-b'], steps, escalatedTo: ['m-coord'] },
      history: [
        { at: at(5), event: 'accept-refused', by: 'm-b' },
        { at: at(4), event: 'accept', by: 'm-a', ref: 'x' },
      ],
    });
    expect(alertsOf(r).map(({ id, kind, memberIds }) => ({ id, kind, memberIds }))).toEqual([
      { id: 'r-outbox-0001.s0', kind: 'new-request', memberIds: ['m-usual'] },
      { id: 'r-outbox-0001.s4', kind: 'new-request', memberIds: ['m-a', 'm-b'] },
      { id: 'r-outbox-0001.s5', kind: 'escalation', memberIds: ['m-coord'] },
      { id: 'r-outbox-0001.h1', kind: 'assigned-to-requester', memberIds: ['m-gp'] },
    ]);
    expect(alertsOf(request([]))).toEqual([]);
  });

  it('tells the assignee and the coordinators on duty of a bad follow-up, and the assignee of a reopening', () => {
    const r = request([], {
      status: 'resolved',
      assigneeId: 'm-a',
      dispatch: { alerted: ['m-a'], steps: [], escalatedTo: ['m-coord'] },
      history: [
        { at: at(9), event: 'accept', by: 'm-a', ref: 'x' },
        { at: at(8), event: 'resolve', by: 'm-a', ref: 'y' },
        { at: at(7), event: 'follow-up', by: 'm-gp', ref: 'z' },
        { at: at(6), event: 'follow-up-alert', by: 'm-gp', ref: 'w' },
        { at: at(5), event: 'reopen', by: 'm-gp', ref: 'v' },
      ],
    });
    expect(alertsOf(r).map(({ id, kind, memberIds }) => ({ id, kind, memberIds }))).toEqual([
      { id: 'r-outbox-0001.h0', kind: 'assigned-to-requester', memberIds: ['m-gp'] },
      { id: 'r-outbox-0001.h3', kind: 'follow-up', memberIds: ['m-a', 'm-coord'] },
      { id: 'r-outbox-0001.h4', kind: 'reopened', memberIds: ['m-a'] },
    ]);
  });

  it('makes a Web Push topic of at most 32 URL-safe characters, the same for the same alert', () => {
    const topic = topicOf('r-' + 'a'.repeat(62) + '.s12');
    expect(topic).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(topicOf('r-x.s1')).toBe(topicOf('r-x.s1'));
    expect(topicOf('r-x.s1')).not.toBe(topicOf('r-x.s2'));
  });
});

describe('the alerts outbox', () => {
  it('sends each recorded alert once, marks it sent, and skips what is marked or too old to matter', async () => {
    const { couch, marks } = fakeCouch();
    const { sender, sent } = fakeSender(['sub-1', 'sms:m-a']);
    const r = request([step('circle', ['m-a'], 30), step('circle', ['m-b'], 120)]);
    const outbox = new AlertOutbox(couch, sender, () => NOW);
    await outbox.drain(r);
    await outbox.drain(r);
    // The second step is older than the push TTL (1 h): the push service would drop it anyway.
    expect(sent).toEqual([
      { kind: 'new-request', alertId: 'r-outbox-0001.s0', to: 'sub-1' },
      { kind: 'new-request', alertId: 'r-outbox-0001.s0', to: 'sms:m-a' },
    ]);
    expect([...marks.values()]).toEqual([expect.objectContaining({ _id: 'r-outbox-0001.s0', delivered: ['sub-1', 'sms:m-a'], sentAt: new Date(NOW).toISOString() })]);

    // Another process (a restart) reads the marks: nothing goes out again.
    const again = fakeSender(['sub-1', 'sms:m-a']);
    await new AlertOutbox(couch, again.sender, () => NOW).drain(r);
    expect(again.sent).toEqual([]);
  });

  it('after a crash in the middle of a send, sends only to the recipients whose delivery was not recorded', async () => {
    const { couch, marks } = fakeCouch();
    const r = request([step('circle', ['m-a', 'm-b', 'm-c'], 1)]);
    const crashing = fakeSender(['sub-a', 'sub-b', 'sub-c'], 2);
    await expect(new AlertOutbox(couch, crashing.sender, () => NOW).drain(r)).rejects.toThrow('arrêt brutal');
    await settle();
    expect(marks.get('r-outbox-0001.s0')).toMatchObject({ delivered: ['sub-a', 'sub-b'] });
    expect(marks.get('r-outbox-0001.s0')!.sentAt).toBeUndefined();

    const restarted = fakeSender(['sub-a', 'sub-b', 'sub-c']);
    await new AlertOutbox(couch, restarted.sender, () => NOW).drain(r);
    expect(restarted.sent.map((s) => s.to)).toEqual(['sub-c']);
    expect(marks.get('r-outbox-0001.s0')).toMatchObject({ delivered: ['sub-a', 'sub-b', 'sub-c'], sentAt: expect.any(String) });
  });

  it('sends again what was delivered but not recorded (at least once, never lost)', async () => {
    const { couch, state } = fakeCouch();
    const r = request([step('circle', ['m-a'], 1)]);
    const first = fakeSender(['sub-a']);
    state.failInserts = true;
    await expect(new AlertOutbox(couch, first.sender, () => NOW).drain(r)).rejects.toThrow('base injoignable');
    state.failInserts = false;
    const second = fakeSender(['sub-a']);
    await new AlertOutbox(couch, second.sender, () => NOW).drain(r);
    expect([...first.sent, ...second.sent].map((s) => s.to)).toEqual(['sub-a', 'sub-a']);
  });

  it('follows the requests feed, matching only requests with an alert left to send', () => {
    const { couch } = fakeCouch();
    const reaction = new AlertOutbox(couch, fakeSender([]).sender, () => NOW).reaction();
    const stored = (r: CareRequest) => {
      const { id, ...rest } = r;
      return { ...rest, _id: id, _rev: '1-a' };
    };
    expect(reaction.db).toBe('requests');
    expect(reaction.wants(stored(request([step('circle', ['m-a'], 1)])))).toBe(true);
    expect(reaction.wants(stored(request([step('circle', [], 1)])))).toBe(false);
    expect(reaction.wants({ ...stored(request([step('circle', ['m-a'], 1)])), _deleted: true })).toBe(false);
  });
});
