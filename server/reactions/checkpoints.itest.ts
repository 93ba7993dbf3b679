/** Integration tests of the reactions' checkpoints on the embedded database: written at most every CHECKPOINT_EVERY_MS, and what a restart handles again. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Couch } from '../storage/couch';
import { startPreparedDatabase, type PreparedDatabase } from '../testing/database';
import { testLog } from '../testing/log';
import { until } from '../testing/requests';
import { DeadLetters } from './dead-letters';
import { BATCH, CHECKPOINT_EVERY_MS, CHECKPOINT_PREFIX, Reactions, type Checkpoint, type Reaction } from './reaction';

const dir = mkdtempSync(path.join(tmpdir(), 'cpts-checkpoints-'));
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

type Doc = { _id: string };

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
      await db.insert({ _id: id });
      await until(async () => applied, (ids) => ids.includes(id));
    };

    await db.insert({ _id: 'paced-0' });
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
    const many = Array.from({ length: BATCH }, (_, i) => ({ _id: `paced-many-${String(i).padStart(3, '0')}` }));
    await db.bulk({ docs: many });
    await until(async () => applied, (ids) => ids.includes(many[BATCH - 1]._id));
    await write('paced-e');
    expect((await checkpoint())._rev).toMatch(/^4-/);
    reactions.stop();
  });
});
