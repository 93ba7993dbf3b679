import { describe, expect, it } from 'vitest';
import { Ledger, type Collection } from './soak-ledger';

type Doc = Record<string, unknown> & { _id: string; _rev?: string };

const request = { _id: 'r-0123456789', requesterId: 'm-gp', question: 'Pansement', place: { commune: 'Metz', lat: 49, lon: 6 }, createdAt: '2026-11-23T10:00:00.000Z' };
const accept = { _id: 'r-0123456789--m-nurse--aaaa', requestId: 'r-0123456789', authorId: 'm-nurse', kind: 'accept', createdAt: '2026-11-23T10:00:05.000Z' };
const entry = { _id: 'm-nurse', updatedAt: '2026-11-23T10:00:07.000Z' };

function ledger(): Ledger {
  const l = new Ledger();
  l.write('requests', request, 'm-gp').acked = true;
  l.write('messages', accept, 'm-nurse').acked = true;
  l.write('members', entry, 'm-nurse').acked = true;
  l.posting(request._id, 0);
  return l;
}

function server(over: Partial<Record<Collection, Doc[]>> = {}): Record<Collection, Map<string, Doc>> {
  const docs: Record<Collection, Doc[]> = {
    requests: [{ ...request, status: 'assigned', history: [{ event: 'accept', ref: accept._id }] }],
    patients: [],
    messages: [accept],
    members: [{ ...entry, _rev: '3-b' }],
    ...over,
  };
  return Object.fromEntries(Object.entries(docs).map(([c, list]) => [c, new Map(list.map((d) => [d._id, d]))])) as Record<Collection, Map<string, Doc>>;
}

const initial = new Map([['m-nurse', '2-a']]);
const members = new Set(['m-gp', 'm-nurse']);

describe('the soak ledger', () => {
  it('finds every write once on the server', () => {
    expect(ledger().verify(server(), initial, members)).toMatchObject({ writes: 3, lost: 0, duplicated: 0, unapplied: 0, openRequests: 1 });
  });

  it('counts a missing document, an answer never applied, and a member write that did not land as lost', () => {
    expect(ledger().verify(server({ messages: [] }), initial, members).lost).toBe(1);
    const unapplied = ledger().verify(server({ requests: [{ ...request, status: 'searching', history: [] }] }), initial, members);
    expect(unapplied).toMatchObject({ lost: 1, unapplied: 1 });
    expect(ledger().verify(server({ members: [{ ...entry, updatedAt: '2026-11-23T09:00:00.000Z', _rev: '2-a' }] }), initial, members).lost).toBe(2);
  });

  it('counts copies, answers applied twice and member writes applied twice as duplicated', () => {
    const copy = { ...accept, _id: 'r-0123456789--m-nurse--bbbb' };
    expect(ledger().verify(server({ messages: [accept, copy] }), initial, members).duplicated).toBe(2);
    const twice = [{ event: 'accept', ref: accept._id }, { event: 'accept-refused', ref: accept._id }];
    expect(ledger().verify(server({ requests: [{ ...request, status: 'assigned', history: twice }] }), initial, members)).toMatchObject({ duplicated: 1, reapplied: 1 });
    expect(ledger().verify(server({ members: [{ ...entry, _rev: '4-c' }] }), initial, members).duplicated).toBe(1);
  });

  it('owes documents to their readers and directory changes (or a later one) to every device', () => {
    const l = new Ledger();
    l.owe('messages/x', ['m-gp']);
    l.updated('m-nurse', '2026-11-23T10:00:07.000Z');
    expect(l.undelivered(['m-gp', 'm-nurse'])).toBe(3);
    l.deliver('messages/x', 'm-gp');
    l.updateSeen('m-nurse', '2026-11-23T10:00:07.000Z', 'm-gp');
    l.updateSeen('m-nurse', '2026-11-23T10:00:09.000Z', 'm-nurse');
    expect(l.undelivered(['m-gp', 'm-nurse'])).toBe(0);
  });
});
