/** Integration tests of the kept error reports on a real database: the newest 200, none older than 7 days, really deleted. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Couch } from '../storage/couch';
import { startPreparedDatabase, type PreparedDatabase } from '../testing/database';
import type { NewEntry } from './entries';
import { ClientErrors, KEEP, KEEP_DAYS } from './store';

const dir = mkdtempSync(path.join(tmpdir(), 'cpts-client-log-'));
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

const entry = (message: string): NewEntry => ({ event: 'sync.start', name: 'Error', message, at: '2026-03-01T00:00:00.000Z', count: 1, memberId: 'm-1', memberName: 'Dr Arthur Mathis' });
const stored = async () => (await couch.use('server').list({ startkey: 'client-error:', endkey: 'client-error:\ufff0' })).rows.length;

describe('the kept client errors', () => {
  const clock = { now: Date.parse('2026-03-01T00:00:00Z') };
  const store = () => new ClientErrors(couch, () => clock.now);

  it(`keeps the newest ${KEEP}, newest first, and deletes the others`, async () => {
    for (let batch = 0; batch < 11; batch++) {
      await store().add(Array.from({ length: 20 }, (_, i) => entry(`${batch}-${i}`)));
      clock.now += 1_000;
    }
    const recent = await store().recent();
    expect(recent).toHaveLength(KEEP);
    expect(recent[0]).toMatchObject({ message: '10-19', receivedAt: '2026-03-01T00:00:10.000Z', memberName: 'Dr Arthur Mathis' });
    expect(recent[KEEP - 1].message).toBe('1-0');
    // On a cluster, a view or a listing answers from one copy of each shard, which may not hold the last writes yet.
    await expect.poll(stored, { timeout: 15_000 }).toBe(KEEP);
  });

  it(`forgets the entries older than ${KEEP_DAYS} days`, async () => {
    clock.now += (KEEP_DAYS + 1) * 86_400_000;
    expect(await store().recent()).toEqual([]);
    await store().add([entry('récente')]);
    expect((await store().recent()).map((e) => e.message)).toEqual(['récente']);
    // As above: the listing may not show the deletions yet on a cluster.
    await expect.poll(stored, { timeout: 15_000 }).toBe(1);
  });
});
