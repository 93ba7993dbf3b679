/**
 * Writes a backup of a running platform: every database's documents (winning revision, body and
 * attachments), page by page, then what its reactions had not handled yet, so a restore hands it
 * to them again and nothing else. The databases are read one after the other, not as one snapshot:
 * a document written during the backup is in it in one state or the other, and in `pending`.
 */
import { once } from 'node:events';
import { createWriteStream, existsSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { createGzip } from 'node:zlib';
import type { Checkpoint } from '../reactions/checkpoint';
import { CHECKPOINT_PREFIX } from '../reactions/checkpoint';
import { LEASE_PREFIX } from '../lease/lease';
import type { Couch } from '../storage/couch';
import { REPLICATED_DATABASES, SERVER_DATABASES } from '../storage/storage';
import { BACKUP_FORMAT, BACKUP_VERSION, DATA_FILES, type BackupLine, type StoredDoc } from './format';

/** Pages are smaller where documents carry files. */
const PAGE = { uploads: 20, default: 500 } as const;

export interface BackupCounts {
  documents: Record<string, number>;
  attachments: number;
  pending: number;
  bytes: number;
}

export const ALL_DATABASES: readonly string[] = [...REPLICATED_DATABASES, ...SERVER_DATABASES];

async function checkpoints(couch: Couch): Promise<Checkpoint[]> {
  const res = await couch.use<Checkpoint>('server').list({ include_docs: true, startkey: CHECKPOINT_PREFIX, endkey: `${CHECKPOINT_PREFIX}\ufff0` });
  return res.rows.map((r) => r.doc as Checkpoint).filter((c) => c?.db);
}

/** Ids changed in `db` after `since`: what a reaction at that checkpoint has still to handle. */
async function changedSince(couch: Couch, db: string, since: string | number): Promise<string[]> {
  const res = await couch.use(db).changes({ since: String(since) } as never);
  return [...new Set((res.results as Array<{ id: string }>).map((r) => r.id).filter((id) => !id.startsWith('_design/')))];
}

export async function writeBackup(couch: Couch, out: string, options: { dataDir: string; territory: string; now: Date }): Promise<BackupCounts> {
  const temporary = `${out}.partial`;
  const gzip = createGzip();
  const file = createWriteStream(temporary, { mode: 0o600 });
  gzip.pipe(file);
  const write = async (line: BackupLine) => {
    if (!gzip.write(JSON.stringify(line) + '\n')) await once(gzip, 'drain');
  };
  const counts: BackupCounts = { documents: {}, attachments: 0, pending: 0, bytes: 0 };
  // Read first: a change made while the documents are read is then after the checkpoint, so pending.
  const followed = await checkpoints(couch);

  await write({ kind: 'header', format: BACKUP_FORMAT, version: BACKUP_VERSION, createdAt: options.now.toISOString(), territory: options.territory, databases: [...ALL_DATABASES] });
  for (const name of DATA_FILES) {
    const full = path.join(options.dataDir, name);
    if (existsSync(full)) await write({ kind: 'file', name, content: readFileSync(full, 'utf8') });
  }
  for (const db of ALL_DATABASES) {
    counts.documents[db] = 0;
    const limit = db === 'uploads' ? PAGE.uploads : PAGE.default;
    let startkey: string | undefined;
    for (;;) {
      const page = await couch.use<StoredDoc>(db).list({ include_docs: true, attachments: true, limit, ...(startkey ? { startkey, skip: 1 } : {}) } as never);
      for (const row of page.rows) {
        const doc = row.doc;
        if (!doc || doc._id.startsWith('_design/') || (db === 'server' && doc._id.startsWith(LEASE_PREFIX))) continue;
        counts.documents[db]++;
        counts.attachments += Object.keys(doc._attachments ?? {}).length;
        await write({ kind: 'doc', db, doc });
      }
      if (page.rows.length < limit) break;
      startkey = page.rows[page.rows.length - 1].id;
    }
  }
  for (const db of new Set(followed.map((c) => c.db!))) {
    const ids = new Set<string>();
    for (const c of followed.filter((f) => f.db === db)) for (const id of await changedSince(couch, db, c.since)) ids.add(id);
    counts.pending += ids.size;
    await write({ kind: 'pending', db, ids: [...ids] });
  }
  await write({ kind: 'end', counts: counts.documents, attachments: counts.attachments });
  gzip.end();
  await once(file, 'close');
  renameSync(temporary, out);
  counts.bytes = readFileSync(out).length;
  return counts;
}
