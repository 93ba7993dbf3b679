/**
 * The directory as the dispatcher needs it: every member in memory (about 1,600 small entries per
 * territory), loaded once and kept current by following the members change feed.
 */
import type { Member } from '../../src/domain/members/schema';
import { log } from '../log';
import type { Couch } from '../storage/couch';
import { toDomainDoc } from '../sync/rows';

export class MemberDirectory {
  private readonly members = new Map<string, Member>();
  private seq: string | number = 0;
  private stopped = false;

  constructor(private readonly couch: Couch) {}

  async start(): Promise<void> {
    const db = this.couch.use('members');
    this.seq = (await db.info()).update_seq as string | number;
    const all = await db.list({ include_docs: true });
    for (const row of all.rows) this.apply(row.doc as unknown as Record<string, unknown>);
    void this.follow();
  }

  stop(): void {
    this.stopped = true;
  }

  get(id: string): Member | undefined {
    return this.members.get(id);
  }

  all(): Iterable<Member> {
    return this.members.values();
  }

  private apply(doc: Record<string, unknown> | undefined): void {
    if (!doc || String(doc._id).startsWith('_design/')) return;
    if (doc._deleted) this.members.delete(String(doc._id));
    else this.members.set(String(doc._id), toDomainDoc(doc) as unknown as Member);
  }

  private async follow(): Promise<void> {
    const db = this.couch.use('members');
    while (!this.stopped) {
      try {
        const res = await db.changes({ feed: 'longpoll', since: this.seq as string, include_docs: true, timeout: 30_000, heartbeat: 10_000 } as never);
        if (this.stopped) return;
        for (const row of res.results as unknown as Array<{ doc?: Record<string, unknown> }>) this.apply(row.doc);
        this.seq = res.last_seq as string | number;
      } catch (err) {
        if (this.stopped) return;
        log.warn({ err: (err as Error).message }, 'annuaire du dispatcher : suivi interrompu ; reprise');
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }
}
