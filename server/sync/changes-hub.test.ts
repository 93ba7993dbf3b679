import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/domain/session/user';
import type { CollectionPolicy } from '../../src/domain/sync/policy';
import type { Db } from '../storage/couch';
import { ChangesHub } from './changes-hub';
import type { ChangeRow } from '../storage/changes';
import { testLog } from '../testing/log';

// A policy whose documents name their readers, to check the fan-out goes only to them.
const policy = {
  name: 'test',
  validate: () => ({ ok: true, value: {} }),
  audience: (doc: { readers?: string[]; public?: boolean }) => (doc.public ? { everyone: true } : { members: doc.readers ?? [], roles: ['coordinator'] }),
  refuseWrite: () => null,
} as unknown as CollectionPolicy<never>;

const user = (memberId: string, roles: SessionUser['roles'] = ['member']): SessionUser => ({ id: 'a-' + memberId, memberId, name: memberId, roles });
const row = (id: string, doc: object, seq: number): ChangeRow => ({ id, seq, changes: [{ rev: '1-a' }], doc: { _id: id, _rev: '1-a', ...doc } });

describe('changes hub fan-out', () => {
  it('hands a change only to the waiters in its audience, and design documents to nobody', () => {
    const hub = new ChangesHub({} as Db, policy, testLog);
    const got: Record<string, string[]> = { alice: [], bob: [], coord: [] };
    hub.subscribe(user('alice'), (rows) => got.alice.push(...rows.map((r) => r.id)));
    hub.subscribe(user('bob'), (rows) => got.bob.push(...rows.map((r) => r.id)));
    hub.subscribe(user('coord', ['member', 'coordinator']), (rows) => got.coord.push(...rows.map((r) => r.id)));
    hub.dispatch([row('r1', { readers: ['alice'] }, 1), row('r2', { public: true }, 2), row('_design/x', { public: true }, 3)]);
    expect(got).toEqual({ alice: ['r1', 'r2'], bob: ['r2'], coord: ['r1', 'r2'] });
  });

  it('stops notifying after unsubscribe and leaves no index entries behind', () => {
    const hub = new ChangesHub({} as Db, policy, testLog);
    const seen: string[] = [];
    const off = hub.subscribe(user('alice'), (rows) => seen.push(...rows.map((r) => r.id)));
    off();
    hub.dispatch([row('r1', { readers: ['alice'] }, 1)]);
    expect(seen).toEqual([]);
    expect(hub.waiting).toBe(0);
    expect((hub as unknown as { byMember: Map<string, unknown> }).byMember.size).toBe(0);
  });

  it('strips internal fields and keeps the soft-deleted flag', () => {
    const hub = new ChangesHub({} as Db, policy, testLog);
    const seen: ChangeRow[] = [];
    hub.subscribe(user('alice'), (rows) => seen.push(...rows));
    hub.dispatch([{ ...row('r1', { public: true, _attachments: { a: {} }, _conflicts: ['2-b'] }, 4), deleted: true }]);
    expect(seen[0].deleted).toBe(true);
    expect(seen[0].doc).toEqual({ _id: 'r1', _rev: '1-a', public: true });
  });
});
