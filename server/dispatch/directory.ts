/**
 * The directory as the dispatcher needs it: every member in memory (about 1,600 small entries per
 * territory), loaded once and kept current by following the members change feed. The replication
 * gateway pages devices' first syncs of the directory through it too (`DocsInMemory`), so they cost
 * the database nothing.
 */
import type { Member } from '../../src/domain/members/schema';
import { ChangeFollower, type ChangeBatch } from '../storage/changes';
import type { Couch } from '../storage/couch';
import type { Logger } from '../log';
import type { DocsInMemory } from '../sync/first-sync-pages';
import { toDomainDoc } from '../storage/docs';

export class MemberDirectory implements DocsInMemory {
  private readonly members = new Map<string, Member>();
  private readonly revs = new Map<string, string>();
  /** The ids in order, sorted again after an entry comes or goes. */
  private sorted: string[] | null = null;
  private follower?: ChangeFollower;

  constructor(
    private readonly couch: Couch,
    private readonly log: Logger,
  ) {}

  /** Everything up to this sequence of the members feed is applied. */
  get seq(): string | number {
    return this.follower?.seq ?? 0;
  }

  async start(): Promise<void> {
    const db = this.couch.use<Record<string, unknown>>('members');
    const since = (await db.info()).update_seq as string | number;
    const all = await db.list({ include_docs: true });
    for (const row of all.rows) this.apply(row.doc);
    // A deletion may come without its document (read after it was deleted): it removes the entry all the same.
    const handle = ({ rows }: ChangeBatch) => rows.forEach((row) => this.apply(row.doc ?? (row.deleted ? { _id: row.id, _deleted: true } : undefined)));
    this.follower = new ChangeFollower({ name: 'annuaire du dispatcher', log: this.log, db, handle }, since);
    this.follower.start();
  }

  stop(): void {
    this.follower?.stop();
  }

  get(id: string): Member | undefined {
    return this.members.get(id);
  }

  all(): Iterable<Member> {
    return this.members.values();
  }

  *after(after: string): Iterable<Record<string, unknown>> {
    const ids = (this.sorted ??= [...this.members.keys()].sort());
    // The first id after `after` (binary search); entries removed since the sort are skipped.
    let lo = 0;
    for (let hi = ids.length; lo < hi; ) {
      const mid = (lo + hi) >>> 1;
      if (ids[mid] <= after) lo = mid + 1;
      else hi = mid;
    }
    for (let i = lo; i < ids.length; i++) {
      const member = this.members.get(ids[i]);
      if (!member) continue;
      const { id, ...fields } = member as Member & { id: string };
      yield { ...fields, _id: id, _rev: this.revs.get(id) };
    }
  }

  private apply(doc: Record<string, unknown> | undefined): void {
    if (!doc || String(doc._id).startsWith('_design/')) return;
    const id = String(doc._id);
    if (doc._deleted) {
      if (this.members.delete(id)) this.sorted = null;
      this.revs.delete(id);
    } else {
      if (!this.members.has(id)) this.sorted = null;
      this.members.set(id, toDomainDoc<Member>(doc));
      this.revs.set(id, String(doc._rev));
    }
  }
}
