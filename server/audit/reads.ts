/** Turns the gateway's reads of audited documents (patient blocks) into audit-log entries. */
import type { SessionUser } from '../../src/domain/session/user';
import type { AuditLog } from './audit';

/** A patient block's id is its request's id with another prefix (`p-…` ↔ `r-…`). */
const requestIdOf = (patientId: string) => `r-${patientId.slice(2)}`;

export function auditReads(audit: AuditLog) {
  return (user: SessionUser, collection: string, ids: string[], via: string): void => {
    const at = new Date().toISOString();
    audit.record(ids.map((docId) => ({ at, memberId: user.memberId, action: 'read', collection, docId, requestId: requestIdOf(docId), via })));
  };
}
