/**
 * Server-side sessions: a random token in an httpOnly cookie, stored hashed in the `sessions`
 * database so logout and expiry are enforced; resolved users are cached briefly in memory.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { SessionUser } from '../../src/domain/session/user';
import type { Accounts } from '../accounts/accounts';
import type { Couch, Db } from '../storage/couch';
import { isNotFound } from '../storage/couch';

export const SESSION_DAYS = 7;
/**
 * Longer than several long-poll cycles (25 s), so a connected device's re-polls rarely read the
 * database. Logout, a password reset and a role change clear this instance's cache at once; another
 * instance (several behind a load balancer) honours them within this delay.
 */
const CACHE_MS = 120_000;

interface SessionDoc {
  _id: string;
  _rev?: string;
  accountId: string;
  createdAt: string;
  expiresAt: string;
}

const tokenId = (token: string) => 'sess-' + createHash('sha256').update(token).digest('hex');

export class Sessions {
  private readonly db: Db<SessionDoc>;
  private readonly cache = new Map<string, { user: SessionUser; expiresAt: number; cachedAt: number }>();

  constructor(
    couch: Couch,
    private readonly accounts: Accounts,
    private readonly now: () => number = Date.now,
  ) {
    this.db = couch.use<SessionDoc>('sessions');
  }

  async create(accountId: string): Promise<{ token: string; expiresAt: Date }> {
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(this.now() + SESSION_DAYS * 86_400_000);
    await this.db.insert({
      _id: tokenId(token),
      accountId,
      createdAt: new Date(this.now()).toISOString(),
      expiresAt: expiresAt.toISOString(),
    });
    return { token, expiresAt };
  }

  /** The user behind a token, or undefined when the session is unknown, expired or the account inactive. */
  async resolve(token: string): Promise<SessionUser | undefined> {
    const id = tokenId(token);
    const cached = this.cache.get(id);
    const now = this.now();
    if (cached && now - cached.cachedAt < CACHE_MS && now < cached.expiresAt) return cached.user;
    this.cache.delete(id);
    let session: SessionDoc;
    try {
      session = await this.db.get(id);
    } catch (err) {
      if (isNotFound(err)) return undefined;
      throw err;
    }
    const expiresAt = Date.parse(session.expiresAt);
    if (now >= expiresAt) return undefined;
    const account = await this.accounts.get(session.accountId);
    if (!account || account.status !== 'active') return undefined;
    const user: SessionUser = { id: account._id, memberId: account.memberId, name: account.name, roles: account.roles };
    this.cache.set(id, { user, expiresAt, cachedAt: now });
    return user;
  }

  /** Ends every session of an account but `keepToken`'s (after a password reset, a role change). */
  async destroyAllOf(accountId: string, keepToken?: string): Promise<number> {
    const keep = keepToken ? tokenId(keepToken) : undefined;
    const res = await this.db.view<string>('sessions', 'by_account', { key: accountId });
    const ended = res.rows.filter((r) => r.id !== keep);
    for (const row of ended) this.cache.delete(row.id);
    if (ended.length) {
      const docs = await this.db.fetch({ keys: ended.map((r) => r.id) });
      const tombstones = docs.rows.flatMap((r) => ('doc' in r && r.doc ? [{ _id: r.id, _rev: r.doc._rev!, _deleted: true }] : []));
      await this.db.bulk({ docs: tombstones as never });
    }
    return ended.length;
  }

  /** Forgets cached users of an account, so a change of roles or status applies at its next request. */
  forget(accountId: string): void {
    for (const [id, entry] of this.cache) if (entry.user.id === accountId) this.cache.delete(id);
  }

  async destroy(token: string): Promise<void> {
    const id = tokenId(token);
    this.cache.delete(id);
    try {
      const doc = await this.db.get(id);
      await this.db.destroy(id, doc._rev!);
    } catch (err) {
      if (!isNotFound(err)) throw err;
    }
  }
}
