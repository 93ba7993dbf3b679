/** Tests of the "later update wins, server wins ties" conflict rule. */
import { describe, expect, it } from 'vitest';
import { latestUpdateWins, localWins, serverAlwaysWins, serverWinsUnlessEditable, timeOf } from './conflict';

type Doc = { id: string; note: string; updatedAt: string; _deleted: boolean };
const handler = latestUpdateWins<Doc>();
const doc = (note: string, updatedAt: string): Doc => ({ id: 'a', note, updatedAt, _deleted: false });

describe('conflict rule', () => {
  it('keeps the later local edit', async () => {
    const local = doc('local', '2025-03-01T10:00:05.000Z');
    const master = doc('server', '2025-03-01T10:00:00.000Z');
    expect(await handler.resolve({ newDocumentState: local, realMasterState: master }, 'test')).toBe(local);
  });

  it('keeps the server state when it is later', async () => {
    const local = doc('local', '2025-03-01T09:00:00.000Z');
    const master = doc('server', '2025-03-01T10:00:00.000Z');
    expect(await handler.resolve({ newDocumentState: local, realMasterState: master }, 'test')).toBe(master);
  });

  it('keeps the server state on a tie', async () => {
    const local = doc('local', '2025-03-01T10:00:00.000Z');
    const master = doc('server', '2025-03-01T10:00:00Z');
    expect(localWins(local, master)).toBe(false);
    expect(await handler.resolve({ newDocumentState: local, realMasterState: master }, 'test')).toBe(master);
  });

  it('never lets an unreadable date win', () => {
    expect(timeOf('yesterday')).toBe(-Infinity);
    expect(localWins(doc('x', 'yesterday'), doc('y', '2025-01-01T00:00:00Z'))).toBe(false);
  });

  it('compares documents without their local revision data', () => {
    const a = { ...doc('same', '2025-03-01T10:00:00Z'), _rev: '1-a', _meta: { lwt: 1 } };
    const b = { ...doc('same', '2025-03-01T10:00:00Z'), _attachments: {} };
    expect(handler.isEqual(a, b, 'test')).toBe(true);
    expect(handler.isEqual(a, doc('other', '2025-03-01T10:00:00Z'), 'test')).toBe(false);
  });
});

describe('merge of directory entries edited on both sides', () => {
  type Entry = { id: string; phone?: string; note: string; availability: { until?: string }; updatedAt: string; _deleted: boolean };
  const entries = latestUpdateWins<Entry>();
  const base: Entry = { id: 'm', phone: '01', note: 'base', availability: {}, updatedAt: '2025-03-01T08:00:00Z', _deleted: false };
  const resolve = (local: Entry, master: Entry) => entries.resolve({ newDocumentState: local, realMasterState: master, assumedMasterState: base }, 'test');

  it('keeps the changes of each side when they touch different fields, with the later date', async () => {
    const local = { ...base, availability: { until: '2025-03-01T18:00:00Z' }, updatedAt: '2025-03-01T09:00:00Z' };
    const master = { ...base, phone: '02', updatedAt: '2025-03-01T10:00:00Z' };
    expect(await resolve(local, master)).toEqual({ ...base, phone: '02', availability: { until: '2025-03-01T18:00:00Z' }, updatedAt: '2025-03-01T10:00:00Z' });
  });

  it('gives a field changed on both sides to the later document', async () => {
    const local = { ...base, note: 'device', phone: undefined, updatedAt: '2025-03-01T09:00:00Z' };
    const master = { ...base, note: 'server', updatedAt: '2025-03-01T10:00:00Z' };
    const merged = await resolve(local, master);
    expect(merged.note).toBe('server');
    // Removed on the device only: the removal is kept.
    expect('phone' in merged).toBe(false);
    expect((await resolve({ ...local, updatedAt: '2025-03-01T11:00:00Z' }, master)).note).toBe('device');
  });

  it('merges inside nested objects, except those merged as wholes', async () => {
    type Card = { id: string; phones: { mobile?: string; landline?: string }; address: { street: string; commune: string }; updatedAt: string; _deleted: boolean };
    const start: Card = { id: 'm', phones: { mobile: '06', landline: '03' }, address: { street: '1 rue A', commune: 'Metz' }, updatedAt: '2025-03-01T08:00:00Z', _deleted: false };
    const local = { ...start, phones: { mobile: '07', landline: '03' }, address: { street: '2 rue B', commune: 'Metz' }, updatedAt: '2025-03-01T09:00:00Z' };
    const master = { ...start, phones: { mobile: '06', landline: '09' }, address: { street: '1 rue A', commune: 'Woippy' }, updatedAt: '2025-03-01T10:00:00Z' };
    const merged = await latestUpdateWins<Card>(['address']).resolve({ newDocumentState: local, realMasterState: master, assumedMasterState: start }, 'test');
    expect(merged.phones).toEqual({ mobile: '07', landline: '09' });
    // Never « 2 rue B, Woippy »: the later address as a whole.
    expect(merged.address).toEqual({ street: '1 rue A', commune: 'Woippy' });
  });

  it('lets one whole version win when a side deleted the entry', async () => {
    const local = { ...base, note: 'device', updatedAt: '2025-03-01T09:00:00Z' };
    const master = { ...base, _deleted: true, updatedAt: '2025-03-01T10:00:00Z' };
    expect(await resolve(local, master)).toBe(master);
  });
});

describe('conflict rules of server-owned documents', () => {
  type Card = { id: string; status: string; question: string; readers?: string[]; updatedAt: string; _deleted: boolean };
  const card = (over: Partial<Card>): Card => ({ id: 'r', status: 'draft', question: 'q', updatedAt: '2025-03-01T10:00:00Z', _deleted: false, ...over });
  const handler = serverWinsUnlessEditable<Card>((m) => m.status === 'draft', ['readers']);

  it('keeps a later local edit of a draft, with the server’s own fields', async () => {
    const local = card({ question: 'edited', status: 'sent', updatedAt: '2025-03-01T10:05:00Z' });
    const master = card({ readers: ['m-x'] });
    expect(await handler.resolve({ newDocumentState: local, realMasterState: master }, 'test')).toEqual({ ...local, readers: ['m-x'] });
  });

  it('lets the server win once the request left the draft state, whatever the dates', async () => {
    const local = card({ question: 'edited', updatedAt: '2025-03-01T10:05:00Z' });
    const master = card({ status: 'searching' });
    expect(await handler.resolve({ newDocumentState: local, realMasterState: master }, 'test')).toBe(master);
  });

  it('lets the server win for messages, always', async () => {
    const local = card({ question: 'mine' });
    const master = card({ readers: ['m-gp'] });
    expect(await serverAlwaysWins<Card>().resolve({ newDocumentState: local, realMasterState: master }, 'test')).toBe(master);
  });
});
