import { describe, expect, it } from 'vitest';
import { createLogger } from '../log';
import { backoffMs, ChangeFollower, LAG_PAUSE_MAX_MS, type ChangeBatch, type ChangeRow, type FeedDb } from './changes';
import { testLog } from '../testing/log';

/** A feed that serves scripted pages by position, and answers `get` from a script of outcomes per id. */
function feed(pages: Record<string, { results: ChangeRow[]; last_seq: string }>, gets: Record<string, Array<Record<string, unknown> | { status: 404; reason: string }>>) {
  const reads: string[] = [];
  const db = {
    changes: async (params: { since: string }) => {
      reads.push(params.since);
      // No page after the last one: a long-poll that waits (the test stops the follower).
      return pages[params.since] ?? new Promise(() => {});
    },
    get: async (id: string) => {
      const next = gets[id]?.shift();
      if (!next) throw Object.assign(new Error('missing'), { statusCode: 404, reason: 'missing' });
      if (next.status === 404) throw Object.assign(new Error(String(next.reason)), { statusCode: 404, reason: next.reason });
      return next;
    },
  } as unknown as FeedDb;
  return { db, reads };
}

const row = (id: string, seq: string, doc?: Record<string, unknown>): ChangeRow => ({ id, seq, changes: [{ rev: '1-a' }], ...(doc ? { doc } : {}) });

/** Follows until `count` batches were handled (the handler may throw for some), then stops. */
async function follow(db: FeedDb, count: number, handle: (batch: ChangeBatch, n: number) => void): Promise<ChangeFollower> {
  let n = 0;
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const follower = new ChangeFollower(
    {
      name: 'test',
      log: testLog,
      db,
      sleep: async () => {},
      handle: (batch) => {
        n++;
        if (n === count) done();
        handle(batch, n);
      },
    },
    '0',
  );
  follower.start();
  await finished;
  follower.stop();
  return follower;
}

describe('the change follower', () => {
  it('hands each batch with its documents and moves its position past it', async () => {
    const { db, reads } = feed({ '0': { results: [row('a', '1', { _id: 'a', n: 1 })], last_seq: '1' }, '1': { results: [row('b', '2', { _id: 'b' })], last_seq: '2' } }, {});
    const seen: string[] = [];
    const follower = await follow(db, 2, ({ rows }) => seen.push(...rows.map((r) => r.id)));
    expect(seen).toEqual(['a', 'b']);
    expect(reads.slice(0, 2)).toEqual(['0', '1']);
    expect(follower.seq).toBe('2');
  });

  it('keeps its position when the handler fails: the same batch comes again', async () => {
    const { db, reads } = feed({ '0': { results: [row('a', '1', { _id: 'a' })], last_seq: '1' } }, {});
    const seen: string[] = [];
    await follow(db, 2, ({ rows }, n) => {
      seen.push(rows[0].id);
      if (n === 1) throw new Error('base indisponible');
    });
    expect(seen).toEqual(['a', 'a']);
    expect(reads.slice(0, 2)).toEqual(['0', '0']);
  });

  it('waits for a document the feed listed but no node gave yet, and never skips it', async () => {
    const { db, reads } = feed({ '0': { results: [row('a', '1', { _id: 'a' }), row('late', '2')], last_seq: '2' } }, { late: [{ status: 404, reason: 'missing' }, { _id: 'late', n: 2 }] });
    const batches: ChangeBatch[] = [];
    const follower = await follow(db, 1, (batch) => batches.push(batch));
    // The first read found « late » unreadable: the batch was not handed over, and read again.
    expect(reads.slice(0, 2)).toEqual(['0', '0']);
    expect(batches).toHaveLength(1);
    expect(batches[0].rows.map((r) => r.doc)).toEqual([{ _id: 'a' }, { _id: 'late', n: 2 }]);
    expect(follower.seq).toBe('2');
  });

  it('reads a document the feed listed again within a second each time, however long no node gives it', async () => {
    const late = Array.from({ length: 12 }, () => ({ status: 404 as const, reason: 'missing' }));
    const { db } = feed({ '0': { results: [row('late', '1')], last_seq: '1' } }, { late: [...late, { _id: 'late' }] });
    const pauses: number[] = [];
    let done!: () => void;
    const handled = new Promise<void>((resolve) => (done = resolve));
    const follower = new ChangeFollower({ name: 'test', log: testLog, db, random: () => 1, sleep: async (ms) => void pauses.push(ms), handle: () => done() }, '0');
    follower.start();
    await handled;
    follower.stop();
    expect(pauses).toHaveLength(12);
    // An outage's pauses would have grown to 30 s by then (the test below).
    expect(Math.max(...pauses)).toBe(LAG_PAUSE_MAX_MS);
    expect(pauses.slice(0, 3)).toEqual([250, 500, 1000]);
  });

  it('hands a document deleted since it was listed as a deletion', async () => {
    const { db } = feed({ '0': { results: [row('gone', '1')], last_seq: '1' } }, { gone: [{ status: 404, reason: 'deleted' }] });
    const batches: ChangeBatch[] = [];
    await follow(db, 1, (batch) => batches.push(batch));
    expect(batches[0].rows).toEqual([{ ...row('gone', '1'), deleted: true }]);
  });

  it('waits longer after each failure, up to 30 s, and logs once when it stops and once when it resumes', async () => {
    let calls = 0;
    const db = {
      // Five failures of different kinds (an error page, a refused connection), then a page, then a long-poll that waits.
      changes: async () => {
        calls++;
        if (calls <= 2) return { error: 'not_found' };
        if (calls <= 5) throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5984'), { code: 'ECONNREFUSED' });
        if (calls === 6) return { results: [row('a', '1', { _id: 'a' })], last_seq: '1' };
        // The read after the page: the page was handled and the resumption logged.
        done();
        return new Promise(() => {});
      },
      get: async () => ({}),
    } as unknown as FeedDb;
    const lines: Array<{ msg: string; err?: string; failures?: number }> = [];
    const pauses: number[] = [];
    let done!: () => void;
    const readAgain = new Promise<void>((resolve) => (done = resolve));
    const handled: string[] = [];
    const follower = new ChangeFollower(
      {
        name: 'test',
        log: createLogger('info', { write: (line: string) => void lines.push(JSON.parse(line)) }),
        db,
        random: () => 1,
        sleep: async (ms) => void pauses.push(ms),
        handle: ({ rows }) => void handled.push(...rows.map((r) => r.id)),
      },
      '0',
    );
    follower.start();
    await readAgain;
    follower.stop();
    expect(handled).toEqual(['a']);
    expect(pauses).toEqual([250, 500, 1000, 2000, 4000]);
    expect(lines.map((l) => l.msg)).toEqual([
      'suivi des changements interrompu ; nouvel essai après une attente croissante / change feed interrupted; retrying with backoff',
      'suivi des changements repris / change feed resumed',
    ]);
    expect(lines[0].err).toBe('réponse inattendue du flux de changements / unexpected answer from the change feed');
    expect(lines[1].failures).toBe(5);
  });

  it('draws each pause between half and all of its ceiling, which stops growing at 30 s', () => {
    expect([1, 2, 3, 8, 20].map((n) => backoffMs(n, () => 0))).toEqual([125, 250, 500, 15_000, 15_000]);
    expect([1, 2, 3, 8, 20].map((n) => backoffMs(n, () => 1))).toEqual([250, 500, 1000, 30_000, 30_000]);
  });
});
