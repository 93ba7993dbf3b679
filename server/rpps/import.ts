/**
 * Imports the national RPPS extract into the directory as invited entries. The file is streamed
 * line by line and the rows of the territory are written in batches, so memory stays flat whatever
 * the file's size (the national extract is about 1 GB).
 */
import { createInterface } from 'node:readline';
import { pipeline, type Readable } from 'node:stream';
import { createLineReader, type LineReader } from '../../src/domain/rpps/lines';
import { emptyCounts, type ImportCounts, type Rejection } from '../../src/domain/rpps/report';
import type { TerritoryCommune } from '../../src/domain/territory/communes';
import type { Db } from '../storage/couch';
import { RppsFileError, streamGuard } from './guard';
import { readRppsIndex, writeBatch, type BatchItem, type RppsIndex } from './store';

export { summaryLine } from '../../src/domain/rpps/report';
export type { ImportCounts, Rejection };

export interface ImportReport {
  counts: ImportCounts;
  /** The first `maxRejections` rejections; `counts.rejected` counts them all. */
  rejections: Rejection[];
}

export interface ImportOptions {
  input: Readable;
  /** The `members` database. */
  db: Db;
  communes: readonly TerritoryCommune[];
  onProgress?: (counts: Readonly<ImportCounts>) => void;
  now?: Date;
  batchSize?: number;
  maxRejections?: number;
  /** Size limit of the file, for uploads. */
  maxBytes?: number;
}

const PROGRESS_EVERY_LINES = 10_000;

/** Throws `RppsFileError` when the file is not an extract (nothing imported) or breaks a limit (what came before stays imported). */
export async function importRpps(options: ImportOptions): Promise<ImportReport> {
  const { db, communes, onProgress, now = new Date(), batchSize = 500, maxRejections = 1000 } = options;
  const counts = emptyCounts();
  const rejections: Rejection[] = [];
  const reject = (line: number, reason: string) => {
    counts.rejected++;
    if (rejections.length < maxRejections) rejections.push({ line, reason });
  };
  let batch: BatchItem[] = [];
  let index: RppsIndex | undefined;
  const flush = async () => {
    if (batch.length > 0) {
      // Read at the first batch only: a file with no row of the territory does not query the view.
      index ??= await readRppsIndex(db);
      const outcome = await writeBatch(db, batch, index, now);
      batch = [];
      counts.created += outcome.created;
      counts.updated += outcome.updated;
      counts.unchanged += outcome.unchanged;
      counts.skipped += outcome.skipped;
      outcome.failures.forEach((f) => reject(f.line, f.reason));
    }
    onProgress?.({ ...counts });
  };

  const guarded = streamGuard({ maxBytes: options.maxBytes ?? Infinity });
  pipeline(options.input, guarded, () => {
    // Errors reach the line loop through `guarded`.
  });
  const lines = createInterface({ input: guarded, crlfDelay: Infinity });
  let reader: LineReader | undefined;
  let lineNumber = 0;
  try {
    for await (const text of lines) {
      lineNumber++;
      if (!reader) {
        const header = createLineReader(text, communes, now);
        if (!header.ok) throw new RppsFileError(header.reason);
        reader = header.reader;
        continue;
      }
      if (text.trim() === '') continue;
      counts.read++;
      const outcome = reader.read(text, lineNumber);
      if (outcome.kind === 'rejected') {
        if (outcome.kept) counts.kept++;
        reject(outcome.line, outcome.reason);
      } else if (outcome.kind === 'duplicate') {
        counts.kept++;
        counts.duplicates++;
      } else if (outcome.kind === 'entry') {
        counts.kept++;
        batch.push({ line: outcome.line, member: outcome.member });
        if (batch.length >= batchSize) await flush();
      }
      if (counts.read % PROGRESS_EVERY_LINES === 0) onProgress?.({ ...counts });
    }
  } finally {
    lines.close();
  }
  if (!reader) throw new RppsFileError('Le fichier est vide.');
  await flush();
  return { counts, rejections };
}
