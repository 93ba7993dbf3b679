/** Integration tests of the reactions' retries on the embedded database: a change that keeps failing is set aside for the coordinators, the feed goes on, an outage is waited out. */
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
import { ATTEMPTS, Reactions, type Reaction } from './reaction';

const dir = mkdtempSync(path.join(tmpdir(), 'cpts-dead-letters-'));
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
