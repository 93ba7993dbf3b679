/**
 * The change follower against the tests' database (embedded, or Apache CouchDB in its suites): a
 * follower that polls hears from a database where nothing changes, which a long-poll never does
 * (CouchDB's heartbeat overrides its timeout; PouchDB Server has none).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreparedDatabase, type PreparedDatabase } from '../testing/database';
import { testLog } from '../testing/log';
import { until } from '../testing/requests';
import { ChangeFollower } from './changes';
import type { StoredDoc } from './docs';

const dir = mkdtempSync(path.join(tmpdir(), 'cpts-changes-'));
let database: PreparedDatabase;

beforeAll(async () => {
  database = await startPreparedDatabase(dir);
});
afterAll(async () => {
  await database?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('the change follower', () => {
  it('reading at an interval, hears from a quiet database and still hands over each change once', async () => {
    const db = database.couch.use<StoredDoc>('roster');
    const since = (await db.info()).update_seq as string;
    const batches: string[][] = [];
    const follower = new ChangeFollower({ name: 'quiet', log: testLog, db, pollEveryMs: 100, handle: ({ rows }) => void batches.push(rows.map((r) => r.id)) }, since);
    follower.start();
    try {
      // Nothing is written: the database answers empty, again and again.
      const quiet = await until(async () => batches.filter((b) => b.length === 0).length, (n) => n >= 3, 20_000);
      expect(quiet).toBeGreaterThanOrEqual(3);
      await db.insert({ _id: 'after-quiet', n: 1 });
      await until(async () => batches.flat(), (ids) => ids.includes('after-quiet'));
      expect(batches.flat()).toEqual(['after-quiet']);
    } finally {
      follower.stop();
    }
  });
});
