/**
 * The last changes a hub has followed, in feed order, with the positions it handed out: a long-poll
 * that comes back with one of those sequences catches up from memory instead of scanning the
 * database. Sequences are opaque (CouchDB's are strings), so only those seen here are known.
 */
import type { ChangeRow } from '../storage/changes';

export class RecentChanges {
  /** Relayable rows (undefined for design documents and bare tombstones), oldest first. */
  private readonly rows: Array<ChangeRow | undefined> = [];
  /** Rows ever recorded: absolute index of the next row. */
  private count = 0;
  /** Sequence → absolute index of the first row after it; in insertion order, so values never decrease. */
  private readonly positions = new Map<string, number>();

  constructor(private readonly capacity = 2000) {}

  /** A position with nothing after it yet (the feed's start, the end of a batch). */
  mark(seq: string | number): void {
    this.positions.set(String(seq), this.count);
  }

  add(seq: string | number, row: ChangeRow | undefined): void {
    this.rows.push(row);
    this.count++;
    this.positions.set(String(seq), this.count);
    if (this.rows.length > this.capacity) this.trim();
  }

  /** The relayable rows after `seq`, oldest first; undefined when `seq` is unknown or too old (ask the database). */
  after(seq: string | number): ChangeRow[] | undefined {
    const at = this.positions.get(String(seq));
    const first = this.count - this.rows.length;
    if (at === undefined || at < first) return undefined;
    return this.rows.slice(at - first).filter((r): r is ChangeRow => r !== undefined);
  }

  private trim(): void {
    const drop = this.rows.length - this.capacity;
    this.rows.splice(0, drop);
    const first = this.count - this.rows.length;
    for (const [seq, at] of this.positions) {
      if (at >= first) break;
      this.positions.delete(seq);
    }
  }
}
