import { describe, expect, it, vi } from 'vitest';
import type { SessionUser } from '../../src/domain/session/user';
import type { CollectionPolicy } from '../../src/domain/sync/policy';
import type { Db } from '../storage/couch';
import { ChangesHub } from './changes-hub';
import { PULL_BATCH } from '../../src/domain/sync/api';
import { Gateway } from './gateway';
import { PageReads } from './page-reads';
import type { ChangeRow } from '../storage/changes';
import { testLog } from '../testing/log';

const policy = {
  name: 'test',
  validate: () => ({ ok: true, value: {} }),
  audience: (doc: { readers?: string[] }) => ({ members: doc.readers ?? [], roles: ['coordinator'] }),
  refuseWrite: () => null,
} as unknown as CollectionPolicy<never>;

const user = (memberId: string): SessionUser => ({ id: 'a-' + memberId, memberId, name: memberId, roles: ['member'] });
const row = (id: string, readers: string[], seq: number): ChangeRow => ({ id, seq, changes: [{ rev: '1-a' }], doc: { _id: id, _rev: '1-a', readers } });

/** A database whose change feed the test drives, counting the reads a long-poll makes. */
function fakeDb() {
  const feed: Array<(res: unknown) => void> = [];
  let scans = 0;
  const db = {
    config: { db: 'test' },
    info: async () => ({ update_seq: 5 }),
    changes: (opts: { feed?: string }) => {
      if (opts.feed === 'longpoll') return new Promise((resolve) => feed.push(resolve));
      scans++;
      return Promise.resolve({ results: [], last_seq: 7 });
    },
  };
  return { db: db as unknown as Db, scans: () => scans, push: (results: ChangeRow[], last_seq: number) => feed.shift()!({ results, last_seq }) };
}

describe('long-polls of the gateway', () => {
  it('answer a timeout with the hub’s position and catch up from the hub’s memory, without reading the database', async () => {
    const fake = fakeDb();
    const hub = new ChangesHub(fake.db, policy, testLog);
    await hub.start();
    const gateway = new Gateway(fake.db, policy, hub, { longpollMs: 20 });
    const signal = new AbortController().signal;
    try {
      expect(await gateway.longpoll(user('alice'), 'now', 100, signal)).toEqual({ results: [], last_seq: 5 });
      fake.push([row('r6', ['bob'], 6), row('r7', ['alice'], 7)], 7);
      await new Promise((r) => setTimeout(r, 0));
      const caughtUp = await gateway.longpoll(user('alice'), 5, 100, signal);
      expect(caughtUp.results.map((r) => r.id)).toEqual(['r7']);
      expect(caughtUp.last_seq).toBe(7);
      // Nothing for carol since 5: an empty answer at the hub's position, not at her old one.
      expect(await gateway.longpoll(user('carol'), 5, 100, signal)).toEqual({ results: [], last_seq: 7 });
      expect(fake.scans()).toBe(0);
      // A sequence the hub never handed out is read from the database.
      await gateway.longpoll(user('carol'), 3, 100, signal);
      expect(fake.scans()).toBe(1);
    } finally {
      hub.stop();
    }
  });

  it('pages a catch-up by the client’s limit', async () => {
    const fake = fakeDb();
    const hub = new ChangesHub(fake.db, policy, testLog);
    await hub.start();
    const gateway = new Gateway(fake.db, policy, hub, { longpollMs: 20 });
    try {
      fake.push([row('r6', ['alice'], 6), row('r7', ['alice'], 7), row('r8', ['alice'], 8)], 8);
      await new Promise((r) => setTimeout(r, 0));
      const first = await gateway.longpoll(user('alice'), 5, 2, new AbortController().signal);
      expect(first).toMatchObject({ results: [{ id: 'r6' }, { id: 'r7' }], last_seq: 7 });
      const next = await gateway.longpoll(user('alice'), first.last_seq, 2, new AbortController().signal);
      expect(next).toMatchObject({ results: [{ id: 'r8' }], last_seq: 8 });
    } finally {
      hub.stop();
    }
  });
});

describe('long-polls kept alive by heartbeats', () => {
  /** A heartbeat counting its beats; `onBeat` runs at each (it may push a change) and says whether the wait goes on. */
  const beats = (onBeat: (n: number) => boolean = () => true) => {
    let n = 0;
    return { count: () => n, beat: async () => onBeat(++n) };
  };
  const withGateway = async (test: (gateway: Gateway, fake: ReturnType<typeof fakeDb>) => Promise<void>) => {
    const fake = fakeDb();
    const hub = new ChangesHub(fake.db, policy, testLog);
    await hub.start();
    try {
      await test(new Gateway(fake.db, policy, hub, { longpollMs: 5, longpollMaxMs: 50 }), fake);
    } finally {
      hub.stop();
    }
  };

  it('beat at each timeout instead of answering, and answer the change that comes', () =>
    withGateway(async (gateway, fake) => {
      const heartbeat = beats((n) => {
        if (n === 3) fake.push([row('r6', ['alice'], 6)], 6);
        return true;
      });
      const answer = await gateway.longpoll(user('alice'), 'now', 100, new AbortController().signal, heartbeat);
      expect(answer).toMatchObject({ results: [{ id: 'r6' }], last_seq: 6 });
      expect(heartbeat.count()).toBe(3);
    }));

  it('answer empty at the hub’s position after the longest wait: one beat per period but the last', () =>
    withGateway(async (gateway) => {
      const heartbeat = beats();
      expect(await gateway.longpoll(user('alice'), 'now', 100, new AbortController().signal, heartbeat)).toEqual({ results: [], last_seq: 5 });
      // 50 ms of 5 ms periods.
      expect(heartbeat.count()).toBe(9);
    }));

  it('answer empty at once when a beat says the wait must end (the session ended)', () =>
    withGateway(async (gateway) => {
      const heartbeat = beats(() => false);
      expect(await gateway.longpoll(user('alice'), 'now', 100, new AbortController().signal, heartbeat)).toEqual({ results: [], last_seq: 5 });
      expect(heartbeat.count()).toBe(1);
    }));

  it('stop beating when the client goes away', () =>
    withGateway(async (gateway) => {
      const client = new AbortController();
      const heartbeat = beats((n) => {
        if (n === 2) client.abort();
        return true;
      });
      expect(await gateway.longpoll(user('alice'), 'now', 100, client.signal, heartbeat)).toEqual({ results: [], last_seq: 5 });
      expect(heartbeat.count()).toBe(2);
    }));

  it('without one, answer at the first timeout', () =>
    withGateway(async (gateway) => {
      expect(await gateway.longpoll(user('alice'), 'now', 100, new AbortController().signal)).toEqual({ results: [], last_seq: 5 });
    }));
});

/** A database whose change feed is `rows` (seq = position + 1), answering `_changes` by `since` and `limit`. */
function feedDb(rows: ChangeRow[], get?: (id: string) => Promise<unknown>) {
  let reads = 0;
  const limits: number[] = [];
  const db = {
    config: { db: 'test' },
    get,
    changes: async ({ since, limit }: { since: number; limit: number }) => {
      reads++;
      limits.push(limit);
      const page = rows.filter((r) => Number(r.seq) > Number(since)).slice(0, limit);
      return { results: page, last_seq: page.length ? page[page.length - 1].seq : since };
    },
  };
  return { db: db as unknown as Db, reads: () => reads, limits };
}

describe('pages of the change feed', () => {
  it('end before a change whose document this node cannot read yet, and go on from it once it can', async () => {
    // A cluster node can list a change before it holds the document: the feed's row comes without it.
    const rows: ChangeRow[] = [row('r1', ['alice'], 1), { id: 'r2', seq: 2, changes: [{ rev: '1-a' }] }, row('r3', ['alice'], 3)];
    let arrived = false;
    const fake = feedDb(rows, async (id) => {
      if (id === 'r2' && arrived) return { _id: 'r2', _rev: '1-a', readers: ['alice'] };
      throw Object.assign(new Error('missing'), { statusCode: 404, reason: 'missing' });
    });
    const gateway = new Gateway(fake.db, policy, new ChangesHub(fake.db, policy, testLog));
    const first = await gateway.changes(user('alice'), 0, 5);
    expect(first).toEqual({ results: [expect.objectContaining({ id: 'r1' })], last_seq: 1 });
    // Nothing readable after 1 yet: the device is told to come back, not moved past r2.
    await expect(gateway.changes(user('alice'), 1, 5)).rejects.toMatchObject({ status: 503 });
    arrived = true;
    const next = await gateway.changes(user('alice'), 1, 5);
    expect(next.results.map((r) => r.id)).toEqual(['r2', 'r3']);
    expect(next.last_seq).toBe(3);
  });

  it('are full until the end of the feed, however sparse the reader’s documents (RxDB ends its pull at a short page)', async () => {
    // 1,200 changes, one in two hundred for alice: more than one database batch per page.
    const rows = Array.from({ length: 1200 }, (_, i) => row(`r${i + 1}`, i % 200 === 0 ? ['alice'] : ['bob'], i + 1));
    const fake = feedDb(rows);
    const gateway = new Gateway(fake.db, policy, new ChangesHub(fake.db, policy, testLog));
    const first = await gateway.changes(user('alice'), 0, 5);
    expect(first.results.map((r) => r.id)).toEqual(['r1', 'r201', 'r401', 'r601', 'r801']);
    expect(first.last_seq).toBe(801);
    const last = await gateway.changes(user('alice'), first.last_seq, 5);
    expect(last.results.map((r) => r.id)).toEqual(['r1001']);
    expect(last.last_seq).toBe(1200);
  });

  it('read a page’s worth for a reader of everything, and the next page ahead while the client stores this one', async () => {
    const fake = feedDb(Array.from({ length: 1000 }, (_, i) => row(`r${i + 1}`, ['alice'], i + 1)));
    const gateway = new Gateway(fake.db, policy, new ChangesHub(fake.db, policy, testLog));
    const page = await gateway.changes(user('alice'), 0, 200);
    expect(page.results).toHaveLength(200);
    expect(fake.limits[0]).toBe(200);
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.reads()).toBe(2);
    const next = await gateway.changes(user('alice'), page.last_seq, 200);
    expect(next.results.map((r) => r.id).slice(0, 2)).toEqual(['r201', 'r202']);
    // Served from what was read ahead: the only new read is the page after.
    expect(fake.reads()).toBe(3);
    // Another reader never gets a page read ahead for alice.
    const bob = await gateway.changes(user('bob'), page.last_seq, 200);
    expect(bob.results).toHaveLength(0);
  });

  it('serve a fresh device’s first two pages from what was read at its login, to that user only', async () => {
    const fake = feedDb(Array.from({ length: 3 * PULL_BATCH }, (_, i) => row(`r${i + 1}`, ['alice'], i + 1)));
    const gateway = new Gateway(fake.db, policy, new ChangesHub(fake.db, policy, testLog));
    gateway.prefetchFirstPages(user('alice'));
    expect(fake.reads()).toBe(1);
    await new Promise((r) => setTimeout(r, 0));
    expect(fake.reads()).toBe(2);
    const first = await gateway.changes(user('alice'), 0, PULL_BATCH);
    expect(first.results).toHaveLength(PULL_BATCH);
    await new Promise((r) => setTimeout(r, 0));
    // Handing out the first page does not read the second again.
    expect(fake.reads()).toBe(2);
    const second = await gateway.changes(user('alice'), first.last_seq, PULL_BATCH);
    expect(second.results[0].id).toBe(`r${PULL_BATCH + 1}`);
    await new Promise((r) => setTimeout(r, 0));
    // Only the third page, read ahead now.
    expect(fake.reads()).toBe(3);
    // Another user reads for itself, and is never handed alice's page.
    const before = fake.reads();
    const bob = await gateway.changes(user('bob'), 0, PULL_BATCH);
    expect(bob.results).toHaveLength(0);
    expect(fake.reads()).toBeGreaterThan(before);
  });
});

describe('a user’s page reads across collections', () => {
  it('go to the database one at a time when the gateways share their turns, so the first page asked is ready first', async () => {
    const log: string[] = [];
    /** A feed of one full page whose reads take a few milliseconds each, logged. */
    const timedDb = (name: string) =>
      ({
        config: { db: name },
        changes: async ({ since }: { since: number }) => {
          log.push(`start ${name}`);
          await new Promise((r) => setTimeout(r, 5));
          log.push(`end ${name}`);
          const results = Number(since) === 0 ? Array.from({ length: PULL_BATCH }, (_, i) => row(`${name}${i}`, ['alice'], i + 1)) : [];
          return { results, last_seq: Number(since) === 0 ? PULL_BATCH : since };
        },
      }) as unknown as Db;
    const pageReads = new PageReads();
    const [members, requests] = ['members', 'requests'].map((name) => {
      const db = timedDb(name);
      return new Gateway(db, policy, new ChangesHub(db, policy, testLog), { pageReads });
    });
    members.prefetchFirstPages(user('alice'));
    requests.prefetchFirstPages(user('alice'));
    const [m, r] = await Promise.all([members.changes(user('alice'), 0, PULL_BATCH), requests.changes(user('alice'), 0, PULL_BATCH)]);
    expect([m.results.length, r.results.length]).toEqual([PULL_BATCH, PULL_BATCH]);
    // Every read, the pages read ahead included, was queued before the pages were handed out: wait for the last to end.
    await vi.waitFor(() => expect(pageReads.users).toBe(0));
    // Never two reads at once, and members' first page before anything else.
    expect(log.slice(0, 4)).toEqual(['start members', 'end members', 'start requests', 'end requests']);
    expect(log.length).toBeGreaterThan(4);
    for (let i = 0; i < log.length; i += 2) expect([log[i].split(' ')[0], log[i + 1].split(' ')[0]]).toEqual(['start', 'end']);
  });
});
