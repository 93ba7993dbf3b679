/** Accounts (server-only database): e-mail, password hash, roles and status, linked to a directory entry. */
import type { Role } from '../../src/domain/session/user';
import type { Couch, Db } from '../storage/couch';
import { getOrUndefined } from '../storage/docs';

export type AccountStatus = 'pending' | 'active' | 'refused' | 'disabled';

export interface Account {
  _id: string;
  _rev?: string;
  type: 'account';
  email: string;
  passwordHash: string;
  roles: Role[];
  status: AccountStatus;
  memberId: string;
  name: string;
  createdAt: string;
  /** The member's secure health mailbox (MSSanté), where closing letters go: kept on the account, which only the server reads. */
  mssante?: string;
}

export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export class Accounts {
  private readonly db: Db<Account>;

  constructor(couch: Couch) {
    this.db = couch.use<Account>('accounts');
  }

  async get(id: string): Promise<Account | undefined> {
    return getOrUndefined(this.db, id);
  }

  async findByEmail(email: string): Promise<Account | undefined> {
    const res = await this.db.view<null>('accounts', 'by_email', { key: normaliseEmail(email), include_docs: true, limit: 1 });
    return (res.rows[0]?.doc as Account | undefined) ?? undefined;
  }

  /** The accounts tied to a directory entry (normally one; more after a refused registration). */
  async findByMember(memberId: string): Promise<Account[]> {
    const res = await this.db.view<null>('accounts', 'by_member', { key: memberId, include_docs: true });
    return res.rows.map((r) => r.doc as Account).filter(Boolean);
  }

  /** Writes a changed account; throws a 409 when it changed in between (the caller reads it again). */
  async update(account: Account): Promise<Account> {
    const res = await this.db.insert(account);
    return { ...account, _rev: res.rev };
  }

  async create(account: Omit<Account, '_rev' | 'type' | 'createdAt'>): Promise<Account> {
    const doc: Account = { ...account, type: 'account', email: normaliseEmail(account.email), createdAt: new Date().toISOString() };
    const res = await this.db.insert(doc);
    return { ...doc, _rev: res.rev };
  }
}
