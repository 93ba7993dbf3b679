/**
 * Integration tests of the reactions on the embedded database: a change that keeps failing is set
 * aside for the coordinators, the feed goes on, an outage is waited out; the checkpoint is written at
 * most every CHECKPOINT_EVERY_MS or BATCH changes, and a restart handles again what came after it;
 * the reactions of one database share one read of its feed, each at its own pace, and those of an
 * earlier version's checkpoints catch up from them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotYetReadable } from '../storage/changes';
import type { Couch } from '../storage/couch';
import { startPreparedDatabase, type PreparedDatabase } from '../testing/database';
import { testLog } from '../testing/log';
import { until } from '../testing/requests';
import { DeadLetters } from './dead-letters';
import { BATCH, CHECKPOINT_EVERY_MS, CHECKPOINT_PREFIX, type Checkpoint } from './checkpoint';
import { ATTEMPTS, Reactions, type Reaction } from './reaction';

const dir = mkdtempSync(path.join(tmpdir(), 'cpts-reactions-'));
let database: PreparedDatabase;
let couch: Couch;

beforeAll(async () => {
  database = await startPreparedDatabase(dir);
  couch = database.couch;
});
afterAll(async () => {
  await database?.stop();
  rmSync(dir, { recursive: true, force: true });
});

type Doc = { _id: string; n: number };

/** A reaction on `db` (one each: its feed's checkpoint counts for it alone) that fails on the documents `fail` says, and records the others. */
function recording(name: string, db: string, fail: (doc: Doc, attempt: number) => Error | undefined) {
  const applied: string[] = [];
  const attempts = new Map<string, number>();
  const reaction: Reaction<Doc> = {
    name,
    db,
    wants: (doc) => doc._id.startsWith(`${name}-`),
    run: async (doc) => {
      const attempt = (attempts.get(doc._id) ?? 0) + 1;
      attempts.set(doc._id, attempt);
      const error = fail(doc, attempt);
      if (error) throw error;
      applied.push(doc._id);
    },
  };
  return { reaction, applied, attempts };
}

const noPause = async () => {};

describe('a reaction’s change that cannot apply', () => {
  it('is tried ATTEMPTS times, then set aside where the coordinators see it, and the changes after it are applied', async () => {
    const deadLetters = new DeadLetters(couch, () => Date.parse('2026-03-02T08:00:00Z'));
    let stuck = true;
    const { reaction, applied, attempts } = recording('stuck', 'uploads', (doc) => (doc._id === 'stuck-b' && stuck ? new NotYetReadable(doc._id) : undefined));
    const reactions = new Reactions(couch, deadLetters, testLog, Date.now, noPause).add(reaction);
    await reactions.start();
    const db = couch.use<Doc>('uploads');
    await db.insert({ _id: 'stuck-a', n: 1 });
    await db.insert({ _id: 'stuck-b', n: 2 });
    await db.insert({ _id: 'stuck-c', n: 3 });

    await until(async () => applied, (ids) => ids.includes('stuck-c'));
    expect(applied.filter((id) => id === 'stuck-a')).not.toHaveLength(0);
    expect(applied).not.toContain('stuck-b');
    expect(attempts.get('stuck-b')).toBe(ATTEMPTS);
    const [letter] = await deadLetters.list();
    expect(letter).toEqual({ id: 'stuck:stuck-b', reaction: 'stuck', db: 'uploads', docId: 'stuck-b', attempts: ATTEMPTS, error: 'document pas encore lisible : stuck-b', at: '2026-03-02T08:00:00.000Z' });

    // A coordinator runs it again once the cause is gone: applied, and no longer listed.
    stuck = false;
    expect(await reactions.retry(letter.id)).toBe('applied');
    expect(applied).toContain('stuck-b');
    expect(await deadLetters.list()).toEqual([]);
    expect(await reactions.retry(letter.id)).toBe('unknown');
    reactions.stop();
  });

  it('keeps a failed retry listed with its new reason', async () => {
    const deadLetters = new DeadLetters(couch, () => Date.parse('2026-03-02T09:00:00Z'));
    const { reaction } = recording('broken', 'audit', () => new TypeError('Cannot read properties of undefined'));
    const reactions = new Reactions(couch, deadLetters, testLog, Date.now, noPause).add(reaction);
    await reactions.start();
    await couch.use<Doc>('audit').insert({ _id: 'broken-a', n: 1 });
    await until(() => deadLetters.list(), (letters) => letters.length === 1);
    await expect(reactions.retry('broken:broken-a')).rejects.toThrow('Cannot read properties of undefined');
    expect(await deadLetters.list()).toMatchObject([{ id: 'broken:broken-a', attempts: ATTEMPTS + 1, error: 'Cannot read properties of undefined' }]);
    reactions.stop();
  });

  it('is waited out, never set aside, while the database is out of reach', async () => {
    const deadLetters = new DeadLetters(couch, () => Date.now());
    const outage = () => new Error('error happened in your connection. Reason: Error: connect ECONNREFUSED 127.0.0.1:5984');
    const { reaction, applied, attempts } = recording('outage', 'push', (_doc, attempt) => (attempt <= ATTEMPTS * 3 ? outage() : undefined));
    const reactions = new Reactions(couch, deadLetters, testLog, Date.now, noPause).add(reaction);
    await reactions.start();
    await couch.use<Doc>('push').insert({ _id: 'outage-a', n: 1 });
    await until(async () => applied, (ids) => ids.includes('outage-a'));
    expect(attempts.get('outage-a')).toBe(ATTEMPTS * 3 + 1);
    expect((await deadLetters.list()).filter((l) => l.reaction === 'outage')).toEqual([]);
    reactions.stop();
  });
});

describe('a reaction’s checkpoint', () => {
  it('is written at most every CHECKPOINT_EVERY_MS, and a restart handles again only the changes after it', async () => {
    let now = Date.parse('2026-03-02T08:00:00Z');
    const applied: string[] = [];
    // A database of its own: its checkpoint counts for this reaction alone.
    const reaction: Reaction<Doc> = { name: 'paced', db: 'roster', wants: (doc) => doc._id.startsWith('paced-'), run: async (doc) => void applied.push(doc._id) };
    const start = async () => {
      const reactions = new Reactions(couch, new DeadLetters(couch, () => now), testLog, () => now, async () => {}).add(reaction);
      await reactions.start();
      return reactions;
    };
    const db = couch.use<Doc>('roster');
    const checkpoint = () => couch.use<Checkpoint>('server').get(`${CHECKPOINT_PREFIX}roster`);
    // Each document is applied in a batch of its own; once the next one is applied, the batch
    // before it is handled to its end, checkpoint included (the lane goes on only then).
    const write = async (id: string) => {
      await db.insert({ _id: id, n: 0 });
      await until(async () => applied, (ids) => ids.includes(id));
    };

    await db.insert({ _id: 'paced-0', n: 0 });
    let reactions = await start();
    await until(async () => applied, (ids) => ids.includes('paced-0'));
    await write('paced-a');
    await write('paced-b');
    // The first batch wrote it; the next, within CHECKPOINT_EVERY_MS, did not.
    expect((await checkpoint())._rev).toMatch(/^1-/);

    now += CHECKPOINT_EVERY_MS;
    await write('paced-c');
    await write('paced-d');
    // paced-c's batch, CHECKPOINT_EVERY_MS after the first, wrote it once more; paced-d's did not.
    expect((await checkpoint())._rev).toMatch(/^2-/);

    // Restarted: the changes after the checkpoint are handled again (here paced-d), and only they.
    reactions.stop();
    reactions = await start();
    await until(async () => applied.filter((id) => id === 'paced-d'), (ids) => ids.length === 2);
    expect(applied).toEqual(['paced-0', 'paced-a', 'paced-b', 'paced-c', 'paced-d', 'paced-d']);

    // A whole batch of changes within CHECKPOINT_EVERY_MS (a feed caught up after a pause, an import)
    // writes it too: after the restart's first batch (3), once for the batch (4), not for paced-e.
    const many = Array.from({ length: BATCH }, (_, i) => ({ _id: `paced-many-${String(i).padStart(3, '0')}`, n: i }));
    await db.bulk({ docs: many });
    await until(async () => applied, (ids) => ids.includes(many[BATCH - 1]._id));
    await write('paced-e');
    expect((await checkpoint())._rev).toMatch(/^4-/);
    reactions.stop();
  });
});

/** `couch`, counting the reads of one database's change feed. */
function countingFeedReads(name: string): { couch: Couch; reads: () => number } {
  let reads = 0;
  const counted: Couch = {
    ...couch,
    use: <T,>(db: string) => {
      const scope = couch.use<T>(db);
      if (db !== name) return scope;
      return new Proxy(scope, { get: (target, key) => (key === 'changes' ? (...args: unknown[]) => (reads++, (target.changes as (...a: unknown[]) => unknown)(...args)) : Reflect.get(target, key)) });
    },
  };
  return { couch: counted, reads: () => reads };
}

const recorder = (name: string, db: string) => {
  const applied: string[] = [];
  const reaction: Reaction<Doc> = { name, db, wants: () => true, run: async (doc) => void applied.push(doc._id) };
  return { reaction, applied };
};

describe('the reactions of one database', () => {
  it('share one read of its change feed', async () => {
    const { couch: counted, reads } = countingFeedReads('device-keys');
    const four = ['one', 'two', 'three', 'four'].map((name) => recorder(name, 'device-keys'));
    const reactions = new Reactions(counted, new DeadLetters(couch, Date.now), testLog, Date.now, noPause).add(...four.map((r) => r.reaction));
    await reactions.start();
    await couch.use<Doc>('device-keys').insert({ _id: 'shared-a', n: 1 });
    await until(async () => four.map((r) => r.applied), (lists) => lists.every((ids) => ids.includes('shared-a')));
    // The long-poll the change ended, and the next one (a follower each would have made eight at least).
    expect(reads()).toBeLessThanOrEqual(3);
    reactions.stop();
  });

  it('each go at their own pace: a reaction held up holds back the checkpoint, not the others', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const slow: string[] = [];
    const slowReaction: Reaction<Doc> = { name: 'slow', db: 'verifications', wants: () => true, run: async (doc) => void (await held, slow.push(doc._id)) };
    const quick = recorder('quick', 'verifications');
    const reactions = new Reactions(couch, new DeadLetters(couch, Date.now), testLog, Date.now, noPause).add(slowReaction, quick.reaction);
    await reactions.start();
    const db = couch.use<Doc>('verifications');
    for (const id of ['pace-1', 'pace-2', 'pace-3']) {
      await db.insert({ _id: id, n: 0 });
      await until(async () => quick.applied, (ids) => ids.includes(id));
    }
    expect(slow).toEqual([]);
    const checkpoint = () => couch.use<Checkpoint>('server').get(`${CHECKPOINT_PREFIX}verifications`);
    await expect(checkpoint()).rejects.toMatchObject({ statusCode: 404 });

    release();
    await until(async () => slow, (ids) => ids.includes('pace-3'));
    expect(slow).toEqual(['pace-1', 'pace-2', 'pace-3']);
    expect(quick.applied).toEqual(['pace-1', 'pace-2', 'pace-3']);
    await until(() => checkpoint().catch(() => undefined), (c) => c !== undefined);
    expect((await checkpoint()).reactions).toEqual(['slow', 'quick']);
    reactions.stop();
  });

  it('catch up from the checkpoints of an earlier version, one per reaction, which are then removed', async () => {
    const db = couch.use<Doc>('alerts');
    for (const id of ['old-1', 'old-2', 'old-3', 'old-4']) await db.insert({ _id: id, n: 0 });
    const rows = (await db.changes({ since: '0' })).results;
    const afterSecond = rows.find((r) => r.id === 'old-2')!.seq;
    const server = couch.use<Checkpoint>('server');
    // `ahead` had handled old-1 and old-2, `start` nothing; `added` is new.
    await server.insert({ _id: `${CHECKPOINT_PREFIX}ahead`, db: 'alerts', since: afterSecond });
    await server.insert({ _id: `${CHECKPOINT_PREFIX}start`, db: 'alerts', since: 0 });
    const [ahead, start, added] = ['ahead', 'start', 'added'].map((name) => recorder(name, 'alerts'));
    const reactions = new Reactions(couch, new DeadLetters(couch, Date.now), testLog, Date.now, noPause).add(ahead.reaction, start.reaction, added.reaction);
    await reactions.start();
    await db.insert({ _id: 'old-5', n: 0 });

    const all = ['old-1', 'old-2', 'old-3', 'old-4', 'old-5'];
    await until(async () => [ahead, start, added].map((r) => r.applied), (lists) => lists.every((ids) => ids.includes('old-5')));
    // Each from where it was: `ahead` never saw again what it had handled.
    expect(new Set(ahead.applied)).toEqual(new Set(all.slice(2)));
    expect(new Set(start.applied)).toEqual(new Set(all));
    expect(new Set(added.applied)).toEqual(new Set(all));
    await until(() => server.get(`${CHECKPOINT_PREFIX}alerts`).catch(() => undefined), (c) => c !== undefined);
    expect((await server.get(`${CHECKPOINT_PREFIX}alerts`)).reactions).toEqual(['ahead', 'start', 'added']);
    await until(() => server.fetch({ keys: [`${CHECKPOINT_PREFIX}ahead`, `${CHECKPOINT_PREFIX}start`] }), (res) => res.rows.every((r) => !('doc' in r) || !r.doc));
    reactions.stop();
  });
});
