/** Writing imported entries: the directory's RPPS numbers read once, then per batch one read of what is stored and one bulk write of what changed. */
import { reconcile } from '../../src/domain/rpps/entry';
import type { Member } from '../../src/domain/members/schema';
import type { Db } from '../storage/couch';
import { toDomainDoc } from '../storage/docs';

export interface BatchItem {
  line: number;
  member: Member;
}

export interface BatchOutcome {
  created: number;
  updated: number;
  unchanged: number;
  /** Registered members' entries, and entries a coordinator deleted (not brought back). */
  skipped: number;
  failures: Array<{ line: number; reason: string }>;
}

type StoredDoc = Record<string, unknown> & { _id: string; _rev: string };

/** A registered member's entry is the one that counts when several carry the same RPPS. */
const rank = (doc: StoredDoc) => (doc.status === 'invited' ? 1 : 0);

/** Which entries carry each RPPS number. */
export type RppsIndex = Map<string, string[]>;

const INDEX_PAGE = 5000;

/**
 * Read once per import with range queries: asking the view for each batch's keys costs a lookup
 * per key (a quarter of a second per batch on the embedded database). It holds the directory's
 * entries with an RPPS, a few thousand, whatever the size of the file; it is read in pages so that
 * a large directory is not parsed as one response.
 */
export async function readRppsIndex(db: Db, pageSize = INDEX_PAGE): Promise<RppsIndex> {
  const index: RppsIndex = new Map();
  let startkey = 'rpps:';
  // Each page starts at the previous page's last key, skipping the rows already read under it.
  let skip = 0;
  for (;;) {
    const res = await db.view('members', 'by_identifier', { startkey, endkey: 'rpps:\ufff0', limit: pageSize, skip });
    for (const row of res.rows) {
      const rpps = String(row.key).slice('rpps:'.length);
      index.set(rpps, [...(index.get(rpps) ?? []), row.id]);
    }
    if (res.rows.length < pageSize) return index;
    const last = String(res.rows[res.rows.length - 1].key);
    skip = (last === startkey ? skip : 0) + res.rows.filter((row) => row.key === last).length;
    startkey = last;
  }
}

/**
 * The stored entry of each RPPS, with one read: `m-<rpps>` and the entries the index lists (a
 * registered member's entry may have another id). The read also tells which `m-<rpps>` were
 * deleted: entries a coordinator removed stay removed.
 */
async function storedEntries(db: Db, items: BatchItem[], index: RppsIndex): Promise<{ byRpps: Map<string, StoredDoc>; deleted: Set<string> }> {
  const ids = new Set(items.flatMap((i) => [i.member.id, ...(index.get(i.member.identifiers!.rpps!) ?? [])]));
  const fetched = await db.fetch({ keys: [...ids] });
  const byRpps = new Map<string, StoredDoc>();
  const deleted = new Set<string>();
  for (const row of fetched.rows) {
    if ('error' in row && row.error) continue;
    const r = row as { id: string; value: { deleted?: boolean }; doc?: StoredDoc | null };
    if (r.value.deleted || !r.doc) {
      deleted.add(r.id);
      continue;
    }
    const identifiers = r.doc.identifiers as { rpps?: string } | undefined;
    const rpps = identifiers?.rpps ?? (r.id.startsWith('m-') ? r.id.slice(2) : undefined);
    if (!rpps) continue;
    const current = byRpps.get(rpps);
    if (!current || rank(r.doc) < rank(current)) byRpps.set(rpps, r.doc);
  }
  return { byRpps, deleted };
}

export async function writeBatch(db: Db, items: BatchItem[], index: RppsIndex, now: Date): Promise<BatchOutcome> {
  const outcome: BatchOutcome = { created: 0, updated: 0, unchanged: 0, skipped: 0, failures: [] };
  if (items.length === 0) return outcome;
  const { byRpps, deleted } = await storedEntries(db, items, index);
  const writes: Array<{ line: number; kind: 'created' | 'updated'; doc: Record<string, unknown> }> = [];
  for (const { line, member } of items) {
    const stored = byRpps.get(member.identifiers!.rpps!);
    if (!stored && deleted.has(member.id)) {
      outcome.skipped++;
      continue;
    }
    const result = reconcile(member, stored ? toDomainDoc<Member>(stored) : undefined, now);
    if (result.action === 'unchanged') outcome.unchanged++;
    else if (result.action === 'skip') outcome.skipped++;
    else {
      const { id, ...fields } = result.doc;
      const doc = stored ? { ...fields, _id: stored._id, _rev: stored._rev } : { ...fields, _id: id };
      writes.push({ line, kind: result.action === 'create' ? 'created' : 'updated', doc });
    }
  }
  if (writes.length === 0) return outcome;
  const results = await db.bulk({ docs: writes.map((w) => w.doc) });
  results.forEach((res, i) => {
    const write = writes[i];
    if (res.error) {
      // A conflict means the entry changed during the import: the next import picks it up.
      outcome.failures.push({ line: write.line, reason: `écriture refusée par la base (${res.error}${res.reason ? ` : ${String(res.reason).slice(0, 120)}` : ''})` });
    } else outcome[write.kind]++;
  });
  return outcome;
}
