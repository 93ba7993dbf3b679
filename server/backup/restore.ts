/**
 * Loads a backup into an empty platform: the documents with their revisions (so devices that
 * synced before find the same ones), then the reactions' checkpoints set to the end of what was
 * handled, then the documents they had not handled, so they handle those and nothing else again.
 */
import { createReadStream, existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import type { Checkpoint } from '../reactions/checkpoint';
import { CHECKPOINT_PREFIX } from '../reactions/checkpoint';
import type { Logger } from '../log';
import type { Couch } from '../storage/couch';
import { prepareDatabases } from '../storage/storage';
import { ALL_DATABASES } from './backup';
import { BackupFileError, parseLine, type BackupLine, type StoredDoc } from './format';

const BATCH = 200;

export interface RestoreCounts {
  documents: Record<string, number>;
  attachments: number;
  /** Documents handed to the reactions again. */
  pending: number;
}

async function* lines(file: string): AsyncGenerator<BackupLine> {
  const input = createReadStream(file).pipe(createGunzip());
  let n = 0;
  try {
    for await (const text of createInterface({ input, crlfDelay: Infinity })) {
      if (text) yield parseLine(text, ++n);
    }
  } catch (err) {
    if (err instanceof BackupFileError) throw err;
    throw new BackupFileError(`fichier illisible (${(err as Error).message}) : est-ce une sauvegarde complète ?`);
  }
}

/** Refuses a platform that holds anything: a restore never mixes two histories. */
async function ensureEmpty(couch: Couch): Promise<void> {
  for (const db of ALL_DATABASES) {
    const res = await couch.use(db).list({ limit: 5 });
    if (res.rows.some((r) => !r.id.startsWith('_design/'))) throw new BackupFileError(`la base « ${db} » n’est pas vide : la restauration se fait dans une plateforme vide (nouveau DATA_DIR ou nouvelle instance CouchDB)`);
  }
}

async function store(couch: Couch, db: string, docs: StoredDoc[]): Promise<void> {
  if (!docs.length) return;
  // new_edits=false keeps each document's revision as it was.
  const res = await couch.use(db).bulk({ docs, new_edits: false } as never);
  const failed = res.filter((r) => r.error);
  if (failed.length) throw new Error(`${db} : ${failed.length} document(s) refusé(s) (${failed[0].id} : ${failed[0].reason ?? failed[0].error})`);
}

export async function restoreBackup(couch: Couch, file: string, options: { dataDir: string; log: Logger }): Promise<RestoreCounts> {
  if (!existsSync(file)) throw new BackupFileError(`fichier introuvable : ${file}`);
  // First reading: which documents the reactions had not handled, and that the file is whole.
  const pending = new Map<string, Set<string>>();
  let ended = false;
  for await (const line of lines(file)) {
    if (line.kind === 'pending') pending.set(line.db, new Set(line.ids));
    if (line.kind === 'end') ended = true;
  }
  if (!ended) throw new BackupFileError('sauvegarde incomplète (pas de ligne de fin) : rien n’a été restauré');

  await prepareDatabases(couch, options.log);
  await ensureEmpty(couch);
  const counts: RestoreCounts = { documents: {}, attachments: 0, pending: 0 };
  const held = new Map<string, StoredDoc[]>();
  const checkpoints: Checkpoint[] = [];
  let batch: StoredDoc[] = [];
  let batchDb = '';
  const flush = async () => {
    await store(couch, batchDb, batch);
    batch = [];
  };
  for await (const line of lines(file)) {
    if (line.kind === 'file') {
      const target = path.join(options.dataDir, line.name);
      // A file the new platform already has (its own secret, say) is kept.
      if (!existsSync(target)) writeFileSync(target, line.content, { mode: 0o600 });
      continue;
    }
    if (line.kind !== 'doc') continue;
    const { db, doc } = line;
    counts.documents[db] = (counts.documents[db] ?? 0) + 1;
    counts.attachments += Object.keys(doc._attachments ?? {}).length;
    if (db === 'server' && doc._id.startsWith(CHECKPOINT_PREFIX)) checkpoints.push({ ...doc, since: String(doc.since) });
    else if (pending.get(db)?.has(doc._id)) held.set(db, [...(held.get(db) ?? []), doc]);
    else {
      if (db !== batchDb || batch.length >= BATCH) await flush();
      batchDb = db;
      batch.push(doc);
    }
  }
  await flush();
  // Everything written so far counts as handled; the held documents come after the checkpoint.
  const handledUpTo = new Map<string, string | number>();
  for (const db of new Set(checkpoints.map((c) => c.db!))) handledUpTo.set(db, (await couch.use(db).info()).update_seq as string | number);
  for (const [db, docs] of held) {
    for (let i = 0; i < docs.length; i += BATCH) await store(couch, db, docs.slice(i, i + BATCH));
    counts.pending += docs.length;
  }
  for (const c of checkpoints) {
    const { _rev, ...rest } = c;
    await couch.use('server').insert({ ...rest, since: handledUpTo.get(c.db!) ?? 0 } as never);
  }
  return counts;
}
