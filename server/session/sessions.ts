/**
 * Server-side sessions: a random token in an httpOnly cookie, stored hashed in the `sessions`
 * database so logout and expiry are enforced; resolved users are kept in memory. Each instance
 * follows the sessions' and the accounts' change feeds, so a logout, a password reset or a change of
 * roles made on any instance applies on all of them within two seconds, and a connected device's
 * session is read once rather than again every few minutes: what connected devices cost the database does not
 * grow with their number. A device holds four long-polls, and every device re-polls at once when
 * the directory changes: the lookups of one token are shared, so session reads do not reach the
 * database in a flood that holds up everything else (the dispatcher's writes among them).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { SessionUser } from '../../src/domain/session/user';
import type { Account, Accounts } from '../accounts/accounts';
import type { Logger } from '../log';
import { ChangeFollower, type ChangeRow } from '../storage/changes';
import type { Couch, Db } from '../storage/couch';
import { isNotFound } from '../storage/couch';
import { getOrUndefined, type StoredDoc } from '../storage/docs';

export const SESSION_DAYS = 7;
/**
 * How long a resolved user is kept while the change feeds are not followed (not started yet, or
 * the database failing): longer than several long-poll cycles (25 s), so a connected device's
 * re-polls rarely read the database; another instance's logout is honoured within this delay. Each
 * entry keeps between half of it and all of it (at random), so the devices that connected together
 * do not all read their session again at the same moment.
 */
const CACHE_MS = 120_000;
/** How often each feed is read when nothing changed: a change made on another instance applies here within this time. */
const FEED_POLL_MS = 2_000;
/** The feeds are followed while each one answered within this time; past it, an entry falls back to `CACHE_MS`. */
const FOLLOWED_MS = 30_000;
/**
 * Session lookups reading the database at once. When thousands of devices reconnect together (a
 * restart, a network coming back), the others wait here rather than in the database's queue, where
 * the dispatcher's writes and the devices' pushes would wait behind all of them.
 */
const CONCURRENT_LOOKUPS = 8;

interface SessionDoc {
  _id: string;
  _rev?: string;
  accountId: string;
  createdAt: string;
  expiresAt: string;
}

/** The signed-in user an account stands for. */
export const userOf = (account: Pick<Account, '_id' | 'memberId' | 'name' | 'roles'>): SessionUser => ({ id: account._id, memberId: account.memberId, name: account.name, roles: account.roles });

const tokenId = (token: string) => 'sess-' + createHash('sha256').update(token).digest('hex');

export class Sessions {
  private readonly db: Db<SessionDoc>;
  private readonly cache = new Map<string, { user: SessionUser; expiresAt: number; freshUntil: number }>();
  /** Lookups under way, by token id; a logout removes its own, so its result is not cached. */
  private readonly lookups = new Map<string, Promise<SessionUser | undefined>>();
  private reading = 0;
  private readonly queued: Array<() => void> = [];
  private readonly followers: ChangeFollower[] = [];
  /** When each followed feed last answered (epoch ms), by database. */
  private readonly answered = new Map<string, number>();

  constructor(
    private readonly couch: Couch,
    private readonly accounts: Accounts,
    private readonly now: () => number = Date.now,
    private readonly random: () => number = Math.random,
  ) {
    this.db = couch.use<SessionDoc>('sessions');
  }

  /**
   * A new session of this account. Given the account just read (a login), its user is remembered
   * at once, so the device's first requests do not read the session and the account back.
   */
  async create(account: string | Account): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.now();
    const expiresAt = new Date(now + SESSION_DAYS * 86_400_000);
    await this.db.insert({
      _id: tokenId(token),
      accountId: typeof account === 'string' ? account : account._id,
      createdAt: new Date(now).toISOString(),
      expiresAt: expiresAt.toISOString(),
    });
    if (typeof account !== 'string' && account.status === 'active') this.remember(tokenId(token), userOf(account), expiresAt.getTime(), now);
    return { token, expiresAt };
  }

  private remember(id: string, user: SessionUser, expiresAt: number, now: number): void {
    this.cache.set(id, { user, expiresAt, freshUntil: now + CACHE_MS * (0.5 + this.random() / 2) });
  }

  /** The user behind a token, or undefined when the session is unknown, expired or the account inactive. */
  async resolve(token: string): Promise<SessionUser | undefined> {
    const id = tokenId(token);
    const cached = this.cache.get(id);
    const now = this.now();
    if (cached && now < cached.expiresAt && (now < cached.freshUntil || this.followed(now))) return cached.user;
    this.cache.delete(id);
    const pending = this.lookups.get(id);
    if (pending) return pending;
    const lookup: Promise<SessionUser | undefined> = this.lookup(id, now).then((found) => {
      // Overtaken by a logout or a change of the account: answered, not remembered.
      if (this.lookups.get(id) === lookup) {
        this.lookups.delete(id);
        if (found) this.remember(id, found.user, found.expiresAt, now);
      }
      return found?.user;
    });
    this.lookups.set(id, lookup);
    // A failed lookup is not shared with later requests.
    lookup.catch(() => this.lookups.get(id) === lookup && this.lookups.delete(id));
    return lookup;
  }

  private async lookup(id: string, now: number): Promise<{ user: SessionUser; expiresAt: number } | undefined> {
    // A lookup that ends hands its place to the next one waiting.
    if (this.reading < CONCURRENT_LOOKUPS) this.reading++;
    else await new Promise<void>((resolve) => this.queued.push(resolve));
    try {
      return await this.read(id, now);
    } finally {
      const next = this.queued.shift();
      if (next) next();
      else this.reading--;
    }
  }

  private async read(id: string, now: number): Promise<{ user: SessionUser; expiresAt: number } | undefined> {
    const session = await getOrUndefined(this.db, id);
    if (!session) return undefined;
    const expiresAt = Date.parse(session.expiresAt);
    if (now >= expiresAt) return undefined;
    const account = await this.accounts.get(session.accountId);
    if (!account || account.status !== 'active') return undefined;
    return { user: userOf(account), expiresAt };
  }

  /**
   * Follows the `sessions` and `accounts` change feeds from now on: a session deleted (a logout, a
   * password reset, an administrator ending it) or an account changed (roles, status) anywhere is
   * forgotten here within `FEED_POLL_MS`. Resolves once both followers have their starting position.
   */
  async follow(log: Logger): Promise<void> {
    for (const name of ['sessions', 'accounts'] as const) {
      const db = this.couch.use<StoredDoc>(name);
      const since = (await db.info()).update_seq as string | number;
      const handle = ({ rows }: { rows: ChangeRow[] }) => this.changed(name, rows);
      const follower = new ChangeFollower({ name: `sessions-${name}`, log, db, limit: 500, handle, pollEveryMs: FEED_POLL_MS }, since);
      this.followers.push(follower);
      follower.start();
    }
  }

  stop(): void {
    this.followers.forEach((f) => f.stop());
  }

  /** Applies a batch of one followed feed (an empty batch: the feed answered with nothing new); exposed for the followers and for tests. */
  changed(database: 'sessions' | 'accounts', rows: ChangeRow[]): void {
    // An account's any change may concern its users (one pass over the cache for the batch); a
    // session is written once and only ever deleted after.
    if (database === 'accounts') this.forget(...rows.map((row) => row.id));
    else for (const row of rows) if (row.deleted) this.forgetToken(row.id);
    this.answered.set(database, this.now());
  }

  /** Both feeds answered recently: whatever ended a session or changed an account up to then has been applied. */
  private followed(now: number): boolean {
    const sessions = this.answered.get('sessions');
    const accounts = this.answered.get('accounts');
    return sessions !== undefined && accounts !== undefined && now - sessions < FOLLOWED_MS && now - accounts < FOLLOWED_MS;
  }

  /** Ends every session of an account but `keepToken`'s (after a password reset, a role change). */
  async destroyAllOf(accountId: string, keepToken?: string): Promise<number> {
    const keep = keepToken ? tokenId(keepToken) : undefined;
    const res = await this.db.view<string>('sessions', 'by_account', { key: accountId });
    const ended = res.rows.filter((r) => r.id !== keep);
    for (const row of ended) this.forgetToken(row.id);
    if (ended.length) {
      const docs = await this.db.fetch({ keys: ended.map((r) => r.id) });
      const tombstones = docs.rows.flatMap((r) => ('doc' in r && r.doc ? [{ _id: r.id, _rev: r.doc._rev!, _deleted: true }] : []));
      await this.db.bulk({ docs: tombstones as never });
      for (const row of ended) this.forgetToken(row.id);
    }
    return ended.length;
  }

  /** Forgets cached users of these accounts, so a change of roles or status applies at their next request. */
  forget(...accountIds: string[]): void {
    if (accountIds.length === 0) return;
    const accounts = new Set(accountIds);
    for (const [id, entry] of this.cache) if (accounts.has(entry.user.id)) this.cache.delete(id);
    // Lookups under way may have read the account before the change.
    this.lookups.clear();
  }

  private forgetToken(id: string): void {
    this.cache.delete(id);
    this.lookups.delete(id);
  }

  async destroy(token: string): Promise<void> {
    const id = tokenId(token);
    this.forgetToken(id);
    try {
      const doc = await this.db.get(id);
      await this.db.destroy(id, doc._rev!);
    } catch (err) {
      if (!isNotFound(err)) throw err;
    } finally {
      // A request that came meanwhile may have started a lookup of the session not yet deleted.
      this.forgetToken(id);
    }
  }
}
