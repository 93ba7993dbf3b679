/**
 * The pull's bookkeeping left unwritten for documents stored as pulled: fewer writes, and the
 * replication still tells the server's versions from local edits, pushes nothing back, and pushes
 * a local edit with the state it started from.
 */
import { describe, expect, it } from 'vitest';
import { createRxDatabase, getChangedDocumentsSince, type RxCollection, type RxStorage } from 'rxdb';
import { replicateRxCollection, type RxReplicationState } from 'rxdb/plugins/replication';
import { getRxStorageMemory } from 'rxdb/plugins/storage-memory';
import { bookkeepingName, keepingPullOrigin, replicationIdentifier } from './pull-origin';
import { sparingPullBookkeeping } from './pull-bookkeeping';
import { entrySchema as schema, type Entry } from './fixtures';

type Pushed = Array<{ assumedMasterState?: unknown; newDocumentState: Entry & { _deleted: boolean } }>;

/** The server: its documents (the last version of an id wins), pulled in one page after a checkpoint. */
function server(docs: Entry[]) {
  const pushed: Pushed[] = [];
  return {
    docs,
    pushed,
    replicate(collection: RxCollection<Entry>): RxReplicationState<Entry, { at: number }> {
      return replicateRxCollection<Entry, { at: number }>({
        collection,
        replicationIdentifier: replicationIdentifier('members'),
        live: false,
        push: {
          handler: async (rows) => {
            pushed.push(structuredClone(rows) as Pushed);
            for (const row of rows) docs.push({ id: row.newDocumentState.id, specialty: row.newDocumentState.specialty, updatedAt: row.newDocumentState.updatedAt });
            return [];
          },
        },
        pull: {
          handler: async (checkpoint) => {
            const from = checkpoint?.at ?? 0;
            return { documents: docs.slice(from).map((d) => ({ ...d, _deleted: false })), checkpoint: { at: docs.length } };
          },
        },
      });
    },
  };
}

const entries = (n: number, specialty = 'Infirmier') =>
  Array.from({ length: n }, (_, i) => ({ id: `m-${i}`, specialty, updatedAt: '2026-12-05T08:00:00.000Z' }));

let counter = 0;
async function database(spare: boolean) {
  const memory = keepingPullOrigin(getRxStorageMemory() as RxStorage<unknown, unknown>);
  const storage = spare ? sparingPullBookkeeping(memory, bookkeepingName) : memory;
  const db = await createRxDatabase<{ members: RxCollection<Entry> }>({ name: `pull-bookkeeping-${++counter}`, storage, multiInstance: false });
  await db.addCollections({ members: { schema } });
  return db;
}

/** The documents' bookkeeping rows the replication holds (its checkpoints aside). */
async function bookkeepingRows(replication: RxReplicationState<Entry, { at: number }>) {
  const { documents } = await getChangedDocumentsSince(replication.metaInstance!, 10_000);
  return documents.filter((d) => d.isCheckpoint === '0');
}

async function run(replication: RxReplicationState<Entry, { at: number }>) {
  await replication.awaitInitialReplication();
  await replication.awaitInSync();
}

describe('the pull’s bookkeeping of documents stored as pulled', () => {
  it('is not written, and nothing pulled is pushed back', async () => {
    const db = await database(true);
    const master = server(entries(120));
    const first = master.replicate(db.members);
    await run(first);
    expect(await db.members.count().exec()).toBe(120);
    expect(await bookkeepingRows(first)).toHaveLength(0);
    await first.cancel();
    // A restart reads the documents again from the start of its push checkpoint: still nothing to send.
    const again = master.replicate(db.members);
    await run(again);
    await again.cancel();
    expect(master.pushed).toEqual([]);
    await db.close();
  });

  it('(RxDB alone writes a row per pulled document)', async () => {
    const db = await database(false);
    const replication = server(entries(120)).replicate(db.members);
    await run(replication);
    expect(await bookkeepingRows(replication)).toHaveLength(120);
    await replication.cancel();
    await db.close();
  });

  it('still lets the server’s later versions replace the pulled copies', async () => {
    const db = await database(true);
    const master = server(entries(3));
    const first = master.replicate(db.members);
    await run(first);
    await first.cancel();
    master.docs.push({ id: 'm-1', specialty: 'Infirmier en pratique avancée', updatedAt: '2026-12-05T09:00:00.000Z' });
    const again = master.replicate(db.members);
    await run(again);
    await again.cancel();
    expect((await db.members.findOne('m-1').exec())!.specialty).toBe('Infirmier en pratique avancée');
    expect(master.pushed).toEqual([]);
    await db.close();
  });

  it('gives local edits, pushed after a restart, the state they started from', async () => {
    const db = await database(true);
    const master = server(entries(3));
    const first = master.replicate(db.members);
    await run(first);
    await first.cancel();
    // Edited twice with no replication running (offline), then the app starts again.
    await (await db.members.findOne('m-2').exec())!.incrementalPatch({ specialty: 'Infirmier anesthésiste', updatedAt: '2026-12-05T09:30:00.000Z' });
    await (await db.members.findOne('m-2').exec())!.incrementalPatch({ specialty: 'Infirmier de bloc', updatedAt: '2026-12-05T10:00:00.000Z' });
    const again = master.replicate(db.members);
    await run(again);
    expect(master.pushed.flat()).toEqual([
      {
        assumedMasterState: { id: 'm-2', specialty: 'Infirmier', updatedAt: '2026-12-05T08:00:00.000Z', _deleted: false },
        newDocumentState: { id: 'm-2', specialty: 'Infirmier de bloc', updatedAt: '2026-12-05T10:00:00.000Z', _deleted: false },
      },
    ]);
    // Once pushed, the replication's own bookkeeping holds the server's new state.
    expect((await bookkeepingRows(again)).map((r) => [r.itemId, (r.docData as Entry).specialty])).toEqual([['m-2', 'Infirmier de bloc']]);
    await again.cancel();
    // A later version from the server replaces it, over that bookkeeping, and is not sent back.
    master.docs.push({ id: 'm-2', specialty: 'Infirmier de bloc opératoire', updatedAt: '2026-12-05T11:00:00.000Z' });
    const third = master.replicate(db.members);
    await run(third);
    await third.cancel();
    expect((await db.members.findOne('m-2').exec())!.specialty).toBe('Infirmier de bloc opératoire');
    expect(master.pushed.flat()).toHaveLength(1);
    await db.close();
  });
});

describe('a schema upgrade on a device whose pull bookkeeping was left unwritten', () => {
  // Installed before this wrapper (RxDB's bookkeeping written), or since (left unwritten).
  it.each([['an earlier release', false], ['this release', true]])('migrates the pulled copies without taking them for local edits, installed on %s', async (_, spareBefore) => {
    const { addRxPlugin } = await import('rxdb');
    const { RxDBMigrationSchemaPlugin } = await import('rxdb/plugins/migration-schema');
    addRxPlugin(RxDBMigrationSchemaPlugin);
    const memory = getRxStorageMemory();
    const storage = () => sparingPullBookkeeping(keepingPullOrigin(memory as RxStorage<unknown, unknown>), bookkeepingName);
    const name = `pull-bookkeeping-upgrade-${++counter}`;
    const before = await createRxDatabase<{ members: RxCollection<Entry> }>({ name, storage: spareBefore ? storage() : keepingPullOrigin(memory as RxStorage<unknown, unknown>), multiInstance: false });
    await before.addCollections({ members: { schema } });
    const master = server(entries(3));
    const first = master.replicate(before.members);
    await run(first);
    await first.cancel();
    // Written offline before the upgrade: an entry of its own, never sent.
    await before.members.insert({ id: 'm-new', specialty: 'Sage-femme', updatedAt: '2026-12-05T10:30:00.000Z' });
    await before.close();

    const after = await createRxDatabase<{ members: RxCollection<Entry> }>({ name, storage: storage(), multiInstance: false });
    await after.addCollections({ members: { schema: { ...schema, version: 1 }, migrationStrategies: { 1: (doc: Entry) => doc } } });
    expect(await after.members.count().exec()).toBe(4);
    master.docs.push({ id: 'm-0', specialty: 'Infirmier coordinateur', updatedAt: '2026-12-05T11:00:00.000Z' });
    const again = master.replicate(after.members);
    await run(again);
    await again.cancel();
    expect(master.pushed.flat().map((row) => row.newDocumentState.id)).toEqual(['m-new']);
    expect((await after.members.findOne('m-0').exec())!.specialty).toBe('Infirmier coordinateur');
    await after.close();
  });
});
