/** Integration tests of the work lease on the embedded database: one holder, renewal, expiry and takeover, release, a race. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../storage/couch';
import { startPreparedDatabase, type PreparedDatabase } from '../testing/database';
import { testLog } from '../testing/log';
import { Lease, type LeaseDoc } from './lease';
import { LeasedWork } from './leased-work';

const dir = mkdtempSync(path.join(tmpdir(), 'cpts-lease-'));
let database: PreparedDatabase;
let db: Db<LeaseDoc>;

beforeAll(async () => {
  database = await startPreparedDatabase(dir);
  db = database.couch.use<LeaseDoc>('server');
});
afterAll(async () => {
  await database?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Two instances' leases of one name, on one clock the test moves. */
function pair(name: string) {
  let now = Date.parse('2026-03-02T08:00:00Z');
  const clock = { now: () => now, advance: (ms: number) => void (now += ms) };
  return { a: new Lease(db, name, 'instance-a', clock.now, 15_000), b: new Lease(db, name, 'instance-b', clock.now, 15_000), clock };
}

/** The rounds run when the test calls them, not on a timer. */
const idle = { every: () => () => {} };

describe('the work lease', () => {
  it('has one holder, which keeps it by renewing, and another instance takes it once it expires', async () => {
    const { a, b, clock } = pair('expiry');
    expect(await a.tryHold()).toBe(true);
    expect(await b.tryHold()).toBe(false);
    clock.advance(10_000);
    expect(await a.tryHold()).toBe(true);
    clock.advance(10_000);
    // 20 s after it was taken, but renewed 10 s ago: still a's.
    expect(await b.tryHold()).toBe(false);
    expect(b.holds()).toBe(false);
    clock.advance(15_001);
    expect(await b.tryHold()).toBe(true);
    expect(await a.tryHold()).toBe(false);
    expect(a.holds()).toBe(false);
    expect(await db.get('lease-expiry')).toMatchObject({ holder: 'instance-b', since: '2026-03-02T08:00:35.001Z', expiresAt: '2026-03-02T08:00:50.001Z' });
  });

  it('is handed over at once by a clean stop', async () => {
    const { a, b } = pair('release');
    expect(await a.tryHold()).toBe(true);
    await a.release();
    expect(await b.tryHold()).toBe(true);
  });

  it('goes to exactly one of several instances racing for it', async () => {
    let now = Date.parse('2026-03-02T08:00:00Z');
    const leases = Array.from({ length: 6 }, (_, i) => new Lease(db, 'race', `instance-${i}`, () => now, 15_000));
    const won = await Promise.all(leases.map((l) => l.tryHold()));
    expect(won.filter(Boolean)).toHaveLength(1);
    now += 20_000;
    const again = await Promise.all(leases.map((l) => l.tryHold()));
    expect(again.filter(Boolean)).toHaveLength(1);
  });

  it('runs the work only while held: started on the holder, stopped when the lease is lost, started on the instance that takes it over', async () => {
    const { a, b, clock } = pair('work');
    const events: string[] = [];
    const work = (who: string) => ({ start: async () => void events.push(`${who} start`), stop: async () => void events.push(`${who} stop`) });
    const onA = new LeasedWork(a, work('a'), testLog, idle);
    const onB = new LeasedWork(b, work('b'), testLog, idle);
    await onA.check();
    await onB.check();
    expect([onA.active, onB.active]).toEqual([true, false]);
    // a stops renewing (a process stalled): b takes over after the expiry, a stops when it learns.
    clock.advance(15_001);
    await onB.check();
    await onA.check();
    expect([onA.active, onB.active]).toEqual([false, true]);
    await onB.stop();
    await onA.check();
    expect(onA.active).toBe(true);
    await onA.stop();
    expect(events).toEqual(['a start', 'b start', 'a stop', 'b stop', 'a start', 'a stop']);
  });
});
