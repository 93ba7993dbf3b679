/** The checks a member edit passes on the device before it is queued, so the server never has to refuse it. */
import { membersPolicy } from '../domain/members/policy';
import type { Member } from '../domain/members/schema';
import type { SessionUser } from '../domain/session/user';
import { describeErrors } from '../domain/validation';
import { validateMember } from '../domain/members/validate';

export type PreparedWrite = { ok: true; doc: Member } | { ok: false; message: string };

/**
 * A new `updatedAt` strictly after the previous one even when the device's clock is behind, since
 * the later `updatedAt` wins conflicts.
 */
export function nextUpdatedAt(previous: string | undefined, now: Date): string {
  const before = previous ? Date.parse(previous) : NaN;
  const at = Number.isNaN(before) ? now.getTime() : Math.max(now.getTime(), before + 1);
  return new Date(at).toISOString();
}

export function prepareMemberWrite(
  user: SessionUser,
  previous: Member | undefined,
  changes: Partial<Member>,
  now: Date,
): PreparedWrite {
  const next = { ...previous, ...changes, updatedAt: nextUpdatedAt(previous?.updatedAt, now) } as Member;
  const validation = validateMember(next);
  if (!validation.ok) return { ok: false, message: describeErrors(validation.errors) };
  const refusal = membersPolicy.refuseWrite(user, previous, next);
  if (refusal) return { ok: false, message: refusal.charAt(0).toUpperCase() + refusal.slice(1) + '.' };
  return { ok: true, doc: validation.value };
}
