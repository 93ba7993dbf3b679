/**
 * Ties a national identity to a directory entry by its RPPS (or ADELI) number, through the members'
 * `by_identifier` view, and to that entry's account: the one to sign in, or the reason there is none.
 */
import type { Member } from '../../src/domain/members/schema';
import type { Account, Accounts } from '../accounts/accounts';
import type { Couch } from '../storage/couch';
import type { PscIdentity } from './identity';

export type Link =
  | { kind: 'account'; account: Account }
  /** A registration awaits a coordinator. */
  | { kind: 'pending' }
  /** A disabled account, or refused ones on an entry a registration cannot take over. */
  | { kind: 'inactive' }
  /** An entry without any account that a registration could not take over (only invited entries can be). */
  | { kind: 'no-account' }
  /** Unknown here, or an invited entry (RPPS import) nobody holds: a registration follows. */
  | { kind: 'unknown' };

type StoredMember = Member & { _id: string };

async function entriesOf(couch: Couch, identity: PscIdentity): Promise<StoredMember[]> {
  const keys = [identity.rpps && `rpps:${identity.rpps}`, identity.adeli && `adeli:${identity.adeli}`].filter((k): k is string => Boolean(k));
  const res = await couch.use<StoredMember>('members').view<null>('members', 'by_identifier', { keys, include_docs: true });
  const byId = new Map(res.rows.flatMap((row) => (row.doc ? [[row.id, row.doc as StoredMember] as const] : [])));
  return [...byId.values()];
}

export async function linkIdentity(couch: Couch, accounts: Accounts, identity: PscIdentity): Promise<Link> {
  const entries = await entriesOf(couch, identity);
  if (!entries.length) return { kind: 'unknown' };
  const held = (await Promise.all(entries.map((entry) => accounts.findByMember(entry._id)))).flat();
  const active = held.find((a) => a.status === 'active');
  if (active) return { kind: 'account', account: active };
  if (held.some((a) => a.status === 'pending')) return { kind: 'pending' };
  if (held.some((a) => a.status === 'disabled')) return { kind: 'inactive' };
  // As the registration's duplicate check: an invited entry whose registrations were all refused can be claimed again.
  if (entries.every((entry) => entry.status === 'invited')) return { kind: 'unknown' };
  return held.length ? { kind: 'inactive' } : { kind: 'no-account' };
}
