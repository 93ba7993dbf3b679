/**
 * One change-feed follower per replicated database, fanning each change out in memory to the
 * waiting long-polls of the people in its audience: the cost of a change follows the people
 * concerned, not everyone connected, and the database sees one long-poll per database.
 */
import type { SessionUser } from '../../src/domain/session/user';
import type { CollectionPolicy } from '../../src/domain/sync/policy';
import { ChangeFollower, type ChangeRow } from '../storage/changes';
import type { Db } from '../storage/couch';
import type { Logger } from '../log';
import { toDomainDoc, type StoredDoc } from '../storage/docs';
import { RecentChanges } from './recent-changes';
import { relayableRow } from './rows';

type Listener = (rows: ChangeRow[]) => void;
interface Waiter {
  user: SessionUser;
  listener: Listener;
}

export class ChangesHub {
  private follower?: ChangeFollower;
  private readonly everyone = new Set<Waiter>();
  private readonly byMember = new Map<string, Set<Waiter>>();
  private readonly byRole = new Map<string, Set<Waiter>>();
  private readonly recent = new RecentChanges();

  constructor(
    private readonly db: Db<StoredDoc>,
    private readonly policy: CollectionPolicy<never>,
    private readonly log: Logger,
  ) {}

  /** The last sequence the follower has handled: what `since=now` means. */
  get seq(): string | number {
    return this.follower?.seq ?? 0;
  }

  async start(): Promise<void> {
    const since = (await this.db.info()).update_seq as string | number;
    this.recent.mark(since);
    const handle = ({ rows, lastSeq }: { rows: ChangeRow[]; lastSeq: string | number }) => {
      if (rows.length) this.dispatch(rows);
      this.recent.mark(lastSeq);
    };
    this.follower = new ChangeFollower({ name: `hub-${this.policy.name}`, log: this.log, db: this.db, style: 'all_docs', limit: 500, handle }, since);
    this.follower.start();
  }

  stop(): void {
    this.follower?.stop();
  }

  get waiting(): number {
    return this.everyone.size;
  }

  subscribe(user: SessionUser, listener: Listener): () => void {
    const waiter = { user, listener };
    const keys: Array<[Map<string, Set<Waiter>>, string]> = [
      [this.byMember, user.memberId],
      ...user.roles.map((r): [Map<string, Set<Waiter>>, string] => [this.byRole, r]),
    ];
    this.everyone.add(waiter);
    for (const [index, key] of keys) {
      if (!index.has(key)) index.set(key, new Set());
      index.get(key)!.add(waiter);
    }
    return () => {
      this.everyone.delete(waiter);
      for (const [index, key] of keys) {
        const set = index.get(key);
        set?.delete(waiter);
        if (set?.size === 0) index.delete(key);
      }
    };
  }

  private concerned(doc: never): Iterable<Waiter> {
    const audience = this.policy.audience(doc);
    if (audience.everyone) return this.everyone;
    const found = new Set<Waiter>();
    for (const m of audience.members) this.byMember.get(m)?.forEach((w) => found.add(w));
    for (const r of audience.roles) this.byRole.get(r)?.forEach((w) => found.add(w));
    return found;
  }

  /**
   * The changes followed after `seq` (a sequence this hub handed out: a change's, or its position at
   * a long-poll's timeout), so a long-poll catches up without reading the database; undefined when
   * `seq` is unknown here or too old.
   */
  changesSince(seq: string | number): ChangeRow[] | undefined {
    return this.recent.after(seq);
  }

  /** Hands a batch of changes to the waiters concerned; exposed for the follower and for tests. */
  dispatch(rows: ChangeRow[]): void {
    const perWaiter = new Map<Waiter, ChangeRow[]>();
    for (const row of rows) {
      const clean = relayableRow(row, this.policy.withdrawn);
      this.recent.add(row.seq, clean);
      if (!clean) continue;
      for (const waiter of this.concerned(toDomainDoc(clean.doc) as never)) {
        if (!perWaiter.has(waiter)) perWaiter.set(waiter, []);
        perWaiter.get(waiter)!.push(clean);
      }
    }
    perWaiter.forEach((list, waiter) => waiter.listener(list));
  }
}
