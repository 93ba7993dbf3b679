/** Who takes part in a case and may therefore add or open its files: the requester, the assignee, the coordination. */
import { isCoordinator, type SessionUser } from '../../src/domain/session/user';

/** The fields of a `requests` document that decide participation. */
export interface CaseParties {
  requesterId: string;
  assigneeId?: string;
}

/** Being alerted grants the broadcast card, not the case's files: those may show the patient. */
export function isParticipant(user: SessionUser, parties: CaseParties | undefined): boolean {
  if (isCoordinator(user)) return true;
  if (!parties) return false;
  return user.memberId === parties.requesterId || (parties.assigneeId !== undefined && user.memberId === parties.assigneeId);
}
