/**
 * A lease kept in CouchDB: the work that must run once on the platform runs on the one server
 * instance that holds it. Taken and renewed by compare-and-set on the document's revision, it
 * expires unless renewed, so another instance takes it over when its holder dies.
 */
import { isConflict, isNotFound, type Db } from '../storage/couch';

export interface LeaseDoc {
  _id: string;
  _rev?: string;
  /** The holding instance's id. */
  holder: string;
  /** When it held it first, and until when it holds it unless it renews (ISO dates). */
  since: string;
  expiresAt: string;
}

export const LEASE_TTL_MS = 15_000;
/** In the `server` database; a backup leaves leases out (they belong to the instances of the platform backed up). */
export const LEASE_PREFIX = 'lease-';

const iso = (ms: number) => new Date(ms).toISOString();

export class Lease {
  /** Until when this instance holds the lease for sure (0: it does not). */
  private heldUntil = 0;
  private readonly id: string;

  constructor(
    private readonly db: Db<LeaseDoc>,
    name: string,
    /** This instance. */
    readonly holder: string,
    private readonly now: () => number,
    readonly ttlMs = LEASE_TTL_MS,
  ) {
    this.id = `${LEASE_PREFIX}${name}`;
  }

  /** Whether this instance holds it now, as far as its last round knows. */
  holds(): boolean {
    return this.heldUntil > this.now();
  }

  /**
   * One round: takes the lease when it is free, expired or this instance's, and renews it; false
   * when another instance holds it or won the race. On a cluster two nodes may each accept one of
   * two concurrent writes: the revision CouchDB makes the winner decides, the other writer yields.
   * Throws when the database cannot be reached (`holds()` then still answers until the expiry).
   */
  async tryHold(): Promise<boolean> {
    const current = await this.read();
    const now = this.now();
    if (current && current.holder !== this.holder && Date.parse(current.expiresAt) > now) return this.lost();
    const next: LeaseDoc = { _id: this.id, holder: this.holder, since: current?.holder === this.holder ? current.since : iso(now), expiresAt: iso(now + this.ttlMs) };
    try {
      await this.db.insert(current?._rev ? { ...next, _rev: current._rev } : next);
    } catch (err) {
      if (isConflict(err)) return this.lost();
      throw err;
    }
    const winner = await this.read(true);
    if (winner?.holder !== this.holder) return this.lost();
    this.heldUntil = now + this.ttlMs;
    return true;
  }

  /** On a clean stop: another instance takes over at once instead of waiting for the expiry. */
  async release(): Promise<void> {
    if (!this.holds()) return;
    this.heldUntil = 0;
    const current = await this.read();
    if (current?.holder !== this.holder) return;
    await this.db.insert({ ...current, expiresAt: iso(this.now()) }).catch((err: unknown) => {
      if (!isConflict(err)) throw err;
    });
  }

  private lost(): false {
    this.heldUntil = 0;
    return false;
  }

  /** The lease as stored; `conflicts`: with the losing revisions of a race removed. */
  private async read(conflicts = false): Promise<LeaseDoc | undefined> {
    try {
      const doc = (await this.db.get(this.id, conflicts ? { conflicts: true } : {})) as LeaseDoc & { _conflicts?: string[] };
      if (doc._conflicts?.length) await this.db.bulk({ docs: doc._conflicts.map((_rev) => ({ _id: this.id, _rev, _deleted: true }) as never) });
      const { _conflicts, ...lease } = doc;
      return lease;
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
  }
}
