/**
 * The audit log of patient data as it crosses the wire: the openings a device uploads
 * (`POST /api/audit`) and a case's log as a coordinator reads it (`GET /api/audit`).
 */

/** One access to patient data: who read, opened or downloaded what, when and how. */
export interface AuditEntry {
  /** A device's entries carry their own (a retried upload is recorded once); the server gives the others one when it stores them. */
  id?: string;
  at: string;
  memberId: string;
  action: 'read' | 'open' | 'download' | 'history';
  collection: string;
  docId: string;
  requestId?: string;
  /** How: `sync`, `all_docs`, `device`, `upload`, `api`. */
  via: string;
}

/** A case's log, as stored (every entry has its id then). */
export interface AccessLogAnswer {
  entries: AuditEntry[];
}

/** An opening of a patient block logged on a device, kept in its outbox until uploaded; the server adds who and how. */
export interface DeviceAuditEntry extends Required<Pick<AuditEntry, 'id' | 'at' | 'docId' | 'requestId'>> {
  action: 'open';
  collection: 'patients';
}

export interface AuditUpload {
  entries: readonly DeviceAuditEntry[];
}
