/**
 * Integration tests of the reactions on the embedded database: a change that keeps failing is set
 * aside for the coordinators, the feed goes on, an outage is waited out; the checkpoint is written at
 * most every CHECKPOINT_EVERY_MS or BATCH changes, and a restart handles again what came after it.
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
import { ATTEMPTS, BATCH, CHECKPOINT_EVERY_MS, CHECKPOINT_PREFIX, Reactions, type Checkpoint, type Reaction } from './reaction';

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

/** A reaction on the `uploads` database that fails on the documents `fail` says, and records the others. */
function recording(name: string, fail: (doc: Doc, attempt: number) => Error | undefined) {
  const applied: string[] = [];
  const attempts = new Map<string, number>();
  const reaction: Reaction<Doc> = {
    name,
    db: 'uploads',
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
    const { reaction, applied, attempts } = recording('stuck', (doc) => (doc._id === 'stuck-b' && stuck ? new NotYetReadable(doc._id) : undefined));
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
    const { reaction } = recording('broken', () => new TypeError('Cannot read properties of undefined'));
    const reactions = new Reactions(couch, deadLetters, testLog, Date.now, noPause).add(reaction);
    await reactions.start();
    await couch.use<Doc>('uploads').insert({ _id: 'broken-a', n: 1 });
    await until(() => deadLetters.list(), (letters) => letters.length === 1);
    await expect(reactions.retry('broken:broken-a')).rejects.toThrow('Cannot read properties of undefined');
    expect(await deadLetters.list()).toMatchObject([{ id: 'broken:broken-a', attempts: ATTEMPTS + 1, error: 'Cannot read properties of undefined' }]);
    reactions.stop();
  });

  it('is waited out, never set aside, while the database is out of reach', async () => {
    const deadLetters = new DeadLetters(couch, () => Date.now());
    const outage = () => new Error('error happened in your connection. Reason: Error: connect ECONNREFUSED 127.0.0.1:5984');
    const { reaction, applied, attempts } = recording('outage', (_doc, attempt) => (attempt <= ATTEMPTS * 3 ? outage() : undefined));
    const reactions = new Reactions(couch, deadLetters, testLog, Date.now, noPause).add(reaction);
    await reactions.start();
    await couch.use<Doc>('uploads').insert({ _id: 'outage-a', n: 1 });
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
    const reaction: Reaction<Doc> = { name: 'paced', db: 'uploads', wants: (doc) => doc._id.startsWith('paced-'), run: async (doc) => void applied.push(doc._id) };
    const start = async () => {
      const reactions = new Reactions(couch, new DeadLetters(couch, () => now), testLog, () => now, async () => {}).add(reaction);
      await reactions.start();
      return reactions;
    };
    const db = couch.use<Doc>('uploads');
    const checkpoint = () => couch.use<Checkpoint>('server').get(`${CHECKPOINT_PREFIX}paced`);
    // Each document is applied in a batch of its own; once the next one is applied, the batch
    // before it is handled to its end, checkpoint included (the follower reads on only then).
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
