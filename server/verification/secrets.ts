/**
 * One-time secrets, stored hashed (HMAC keyed by the session secret) in the server-only
 * `verifications` database: 6-digit codes sent by SMS (one live code per subject, a limited number
 * of wrong attempts) and links' tokens sent by e-mail (single-use). Both expire.
 */
import { createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Couch, Db } from '../storage/couch';
import { isConflict } from '../storage/couch';
import { getOrUndefined } from '../storage/docs';

export type TokenPurpose = 'email' | 'reset';

export const MAX_CODE_ATTEMPTS = 5;

interface SecretDoc {
  _id: string;
  _rev?: string;
  kind: 'code' | TokenPurpose;
  subject: string;
  hash: string;
  expiresAt: string;
  attempts: number;
  usedAt?: string;
  /** Set once too many wrong codes were tried: the code no longer works. */
  blockedAt?: string;
  createdAt: string;
}

export type CodeResult = 'ok' | 'wrong' | 'expired' | 'used' | 'blocked' | 'missing';
export type TokenResult = { ok: true; subject: string } | { ok: false; reason: 'missing' | 'expired' | 'used' };

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export class Secrets {
  private readonly db: Db<SecretDoc>;

  constructor(
    couch: Couch,
    private readonly key: string,
    private readonly now: () => number = Date.now,
  ) {
    this.db = couch.use<SecretDoc>('verifications');
  }

  private hash(kind: string, value: string): string {
    return createHmac('sha256', this.key).update(`${kind}:${value}`).digest('hex');
  }

  private async find(id: string): Promise<SecretDoc | undefined> {
    return getOrUndefined(this.db, id);
  }

  /** A fresh code for `subject`; it replaces (and so invalidates) the previous one. */
  async issueCode(subject: string, ttlMs: number): Promise<string> {
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const id = `code-${subject}`;
    const previous = await this.find(id);
    const now = this.now();
    await this.db.insert({
      _id: id,
      ...(previous ? { _rev: previous._rev } : {}),
      kind: 'code',
      subject,
      hash: this.hash('code', code),
      expiresAt: new Date(now + ttlMs).toISOString(),
      attempts: 0,
      createdAt: new Date(now).toISOString(),
    });
    return code;
  }

  /** Checks a code; each wrong one counts, and the last allowed wrong one invalidates the code. */
  async checkCode(subject: string, code: string): Promise<CodeResult> {
    const doc = await this.find(`code-${subject}`);
    if (!doc) return 'missing';
    if (doc.usedAt) return 'used';
    if (doc.blockedAt) return 'blocked';
    if (this.now() >= Date.parse(doc.expiresAt)) return 'expired';
    const right = /^[0-9]{6}$/.test(code) && timingSafeEqual(Buffer.from(this.hash('code', code)), Buffer.from(doc.hash));
    const at = new Date(this.now()).toISOString();
    const attempts = doc.attempts + (right ? 0 : 1);
    const next: SecretDoc = right ? { ...doc, usedAt: at } : { ...doc, attempts, ...(attempts >= MAX_CODE_ATTEMPTS ? { blockedAt: at } : {}) };
    try {
      await this.db.insert(next);
    } catch (err) {
      // Two answers at once: only one may count, the other tries again.
      if (isConflict(err)) return this.checkCode(subject, code);
      throw err;
    }
    if (right) return 'ok';
    return attempts >= MAX_CODE_ATTEMPTS ? 'blocked' : 'wrong';
  }

  /** A random token for a link; only its hash is stored, keyed by purpose. */
  async issueToken(purpose: TokenPurpose, subject: string, ttlMs: number): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    const now = this.now();
    await this.db.insert({
      _id: `${purpose}-${this.hash(purpose, token)}`,
      kind: purpose,
      subject,
      hash: this.hash(purpose, token),
      expiresAt: new Date(now + ttlMs).toISOString(),
      attempts: 0,
      createdAt: new Date(now).toISOString(),
    });
    return token;
  }

  /** Uses a token up: a second use, even at the same moment, is refused. */
  async consumeToken(purpose: TokenPurpose, token: string): Promise<TokenResult> {
    if (!TOKEN.test(token)) return { ok: false, reason: 'missing' };
    const doc = await this.find(`${purpose}-${this.hash(purpose, token)}`);
    if (!doc) return { ok: false, reason: 'missing' };
    if (doc.usedAt) return { ok: false, reason: 'used' };
    if (this.now() >= Date.parse(doc.expiresAt)) return { ok: false, reason: 'expired' };
    try {
      await this.db.insert({ ...doc, usedAt: new Date(this.now()).toISOString() });
    } catch (err) {
      if (isConflict(err)) return { ok: false, reason: 'used' };
      throw err;
    }
    return { ok: true, subject: doc.subject };
  }

  /** Whether a token is live, without using it (to show the reset form only for a valid link). */
  async peekToken(purpose: TokenPurpose, token: string): Promise<TokenResult> {
    if (!TOKEN.test(token)) return { ok: false, reason: 'missing' };
    const doc = await this.find(`${purpose}-${this.hash(purpose, token)}`);
    if (!doc) return { ok: false, reason: 'missing' };
    if (doc.usedAt) return { ok: false, reason: 'used' };
    if (this.now() >= Date.parse(doc.expiresAt)) return { ok: false, reason: 'expired' };
    return { ok: true, subject: doc.subject };
  }
}
