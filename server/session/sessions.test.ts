import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Account, Accounts } from '../accounts/accounts';
import type { Couch } from '../storage/couch';
import { Sessions } from './sessions';

/** A sessions database in memory that counts reads and lets a test hold them. */
function fakeStorage() {
  const docs = new Map<string, Record<string, unknown>>();
  let reads = 0;
  let gate: Promise<void> = Promise.resolve();
  const db = {
    async insert(doc: Record<string, unknown>) {
      docs.set(String(doc._id), { ...doc, _rev: '1-a' });
    },
    async get(id: string) {
      reads++;
      await gate;
      const doc = docs.get(id);
      if (!doc) throw Object.assign(new Error('missing'), { statusCode: 404 });
      return doc;
    },
    async destroy(id: string) {
      docs.delete(id);
    },
  };
  const accounts = { get: async (id: string) => ({ _id: id, memberId: 'm-1', name: 'Test', roles: ['member'], status: 'active' }) } as unknown as Accounts;
  return {
    couch: { use: () => db } as unknown as Couch,
    accounts,
    reads: () => reads,
    hold() {
      let release = () => {};
      gate = new Promise((r) => (release = r));
      return release;
    },
  };
}

describe('sessions', () => {
  it('reads a session once for the long-polls of a device arriving together', async () => {
    const storage = fakeStorage();
    const sessions = new Sessions(storage.couch, storage.accounts);
    const { token } = await sessions.create('acc-1');
    const users = await Promise.all([1, 2, 3, 4].map(() => sessions.resolve(token)));
    expect(users.every((u) => u?.memberId === 'm-1')).toBe(true);
    expect(storage.reads()).toBe(1);
    await sessions.resolve(token);
    expect(storage.reads()).toBe(1);
  });

  it('without the feeds followed, serves a resolved user from memory for 60 to 120 s, then reads again', async () => {
    const storage = fakeStorage();
    let now = Date.parse('2026-11-23T10:00:00Z');
    let draw = 0;
    const sessions = new Sessions(storage.couch, storage.accounts, () => now, () => [0, 0.999][draw++ % 2]);
    const { token } = await sessions.create('acc-1');
    await sessions.resolve(token);
    now += 59_900;
    await sessions.resolve(token);
    expect(storage.reads()).toBe(1);
    now += 200;
    await sessions.resolve(token);
    expect(storage.reads()).toBe(2);
    now += 119_700;
    await sessions.resolve(token);
    expect(storage.reads()).toBe(2);
    now += 500;
    await sessions.resolve(token);
    expect(storage.reads()).toBe(3);
  });

  it('reads the database for at most 8 sessions at once, the others waiting their turn', async () => {
    const storage = fakeStorage();
    const sessions = new Sessions(storage.couch, storage.accounts);
    const tokens = await Promise.all(Array.from({ length: 20 }, (_, i) => sessions.create(`acc-${i}`)));
    const release = storage.hold();
    const all = Promise.all(tokens.map(({ token }) => sessions.resolve(token)));
    await new Promise((r) => setTimeout(r, 10));
    expect(storage.reads()).toBe(8);
    release();
    expect((await all).every((u) => u?.memberId === 'm-1')).toBe(true);
    expect(storage.reads()).toBe(20);
  });

  it('does not remember a lookup that a logout overtook', async () => {
    const storage = fakeStorage();
    const sessions = new Sessions(storage.couch, storage.accounts);
    const { token } = await sessions.create('acc-1');
    const release = storage.hold();
    const during = sessions.resolve(token);
    const logout = sessions.destroy(token);
    release();
    await Promise.all([during, logout]);
    expect(await sessions.resolve(token)).toBeUndefined();
  });

  it('remembers the user of a session created at login, so the device’s first requests read nothing', async () => {
    const storage = fakeStorage();
    const sessions = new Sessions(storage.couch, storage.accounts);
    const account = { _id: 'acc-7', memberId: 'm-7', name: 'Infirmière', roles: ['member'], status: 'active' } as Account;
    const { token } = await sessions.create(account);
    expect(await sessions.resolve(token)).toEqual({ id: 'acc-7', memberId: 'm-7', name: 'Infirmière', roles: ['member'] });
    expect(storage.reads()).toBe(0);
    // A logout still ends it at once.
    await sessions.destroy(token);
    expect(await sessions.resolve(token)).toBeUndefined();
  });

  describe('following the sessions’ and accounts’ feeds', () => {
    const row = (id: string, deleted = false) => ({ id, seq: 1, changes: [{ rev: '2-b' }], deleted });
    const tokenIdOf = (token: string) => 'sess-' + createHash('sha256').update(token).digest('hex');

    it('keeps a connected device’s user without reading while both feeds answer', async () => {
      const storage = fakeStorage();
      let now = Date.parse('2026-11-23T10:00:00Z');
      const sessions = new Sessions(storage.couch, storage.accounts, () => now);
      const { token } = await sessions.create('acc-1');
      await sessions.resolve(token);
      for (let minute = 0; minute < 60; minute++) {
        now += 40_000;
        sessions.changed('sessions', []);
        sessions.changed('accounts', []);
        now += 20_000;
        expect((await sessions.resolve(token))?.memberId).toBe('m-1');
      }
      expect(storage.reads()).toBe(1);
    });

    it('ends at once a session deleted on another instance', async () => {
      const storage = fakeStorage();
      const sessions = new Sessions(storage.couch, storage.accounts);
      const { token } = await sessions.create('acc-1');
      sessions.changed('sessions', []);
      sessions.changed('accounts', []);
      expect(await sessions.resolve(token)).toBeDefined();
      // Another instance deletes it: the database no longer has it, and this feed says so.
      await storage.couch.use('sessions').destroy(tokenIdOf(token), '1-a');
      sessions.changed('sessions', [row(tokenIdOf(token), true)]);
      expect(await sessions.resolve(token)).toBeUndefined();
    });

    it('reads again the users of an account changed on another instance', async () => {
      const storage = fakeStorage();
      const sessions = new Sessions(storage.couch, storage.accounts);
      const { token } = await sessions.create('acc-1');
      const other = await sessions.create('acc-2');
      sessions.changed('sessions', []);
      sessions.changed('accounts', []);
      await sessions.resolve(token);
      await sessions.resolve(other.token);
      expect(storage.reads()).toBe(2);
      sessions.changed('accounts', [row('acc-1')]);
      await sessions.resolve(token);
      await sessions.resolve(other.token);
      expect(storage.reads()).toBe(3);
    });

    it('reads again the users of every account of a batch, and only theirs', async () => {
      const storage = fakeStorage();
      const sessions = new Sessions(storage.couch, storage.accounts);
      const tokens = await Promise.all(['acc-1', 'acc-2', 'acc-3'].map(async (id) => (await sessions.create(id)).token));
      sessions.changed('sessions', []);
      sessions.changed('accounts', []);
      for (const token of tokens) await sessions.resolve(token);
      expect(storage.reads()).toBe(3);
      sessions.changed('accounts', [row('acc-1'), row('acc-3')]);
      for (const token of tokens) await sessions.resolve(token);
      expect(storage.reads()).toBe(5);
    });

    it('falls back to reading every 60 to 120 s when a feed falls silent', async () => {
      const storage = fakeStorage();
      let now = Date.parse('2026-11-23T10:00:00Z');
      const sessions = new Sessions(storage.couch, storage.accounts, () => now, () => 0);
      const { token } = await sessions.create('acc-1');
      sessions.changed('sessions', []);
      sessions.changed('accounts', []);
      await sessions.resolve(token);
      now += 40_000;
      sessions.changed('sessions', []);
      // The accounts' feed last answered 65 s ago, more than 30 s: past 60 s, the entry is read again.
      now += 25_000;
      await sessions.resolve(token);
      expect(storage.reads()).toBe(2);
    });
  });
});
