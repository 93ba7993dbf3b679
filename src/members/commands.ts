/** Writes to the local directory; each is checked first and counted as pending until the server has it. */
import { getDatabase } from '../data/database';
import { writeLocally } from '../data/local-write';
import { checkAvailabilityEdit, type Availability } from '../domain/members/availability';
import type { Member } from '../domain/members/schema';
import type { SessionUser } from '../domain/session/user';
import { describeErrors } from '../domain/validation';
import * as fr from '../i18n/fr';
import { prepareMemberWrite } from './rules';

export type CommandResult = { ok: true } | { ok: false; message: string };

/** Applies `changes` to a directory entry (e.g. an availability) on behalf of `user`. */
export async function updateMember(user: SessionUser, id: string, changes: Partial<Member>): Promise<CommandResult> {
  const db = await getDatabase();
  const doc = await db.members.findOne(id).exec();
  if (!doc) return { ok: false, message: fr.errors.generic };
  const prepared = prepareMemberWrite(user, doc.toMutableJSON(), changes, new Date());
  if (!prepared.ok) return prepared;
  return writeLocally([['members', prepared.doc]], () => doc.incrementalModify(() => prepared.doc));
}

/** Saves the signed-in member's own availability, on the device first (works offline). */
export async function saveAvailability(user: SessionUser, member: Pick<Member, 'profession' | 'specialty' | 'kind'>, availability: Availability): Promise<CommandResult> {
  const errors = checkAvailabilityEdit(member, availability, Date.now());
  if (errors.length) return { ok: false, message: describeErrors(errors) };
  return updateMember(user, user.memberId, { availability });
}
