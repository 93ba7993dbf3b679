/** Design documents of the care-request databases: validation mirrored from the schemas, and the views the dispatcher, the history, the audit and the purge from devices need. */
import { CLOSED_STATUSES } from '../../src/domain/requests/lifecycle';
import { messageSchemaLiteral } from '../../src/domain/requests/message-schema';
import { patientSchemaLiteral } from '../../src/domain/requests/patient-schema';
import { requestSchemaLiteral } from '../../src/domain/requests/schema';
import type { DesignDoc } from '../storage/couch';
import { validateDocUpdateSource } from '../storage/validate-doc-update';

/**
 * Each document under each member who may read it by name (its owner and its readers): a member's
 * first sync reads their documents through this view instead of scanning the whole database.
 */
const BY_READER = {
  map: 'function (doc) { if (doc._id.indexOf("_design/") === 0) { return; } var seen = {}; var ids = [doc.requesterId || doc.authorId].concat(doc.readers || []); for (var i = 0; i < ids.length; i++) { if (ids[i] && !seen[ids[i]]) { seen[ids[i]] = true; emit([ids[i], doc._id], null); } } }',
};

/**
 * The purge of closed cases from devices (server/devices/purge.ts): closed requests by their last
 * change, and the patient blocks and messages devices still keep, by request. Apart from the other
 * views, so that changing them rebuilds nothing else.
 */
const PURGE_CLOSED = {
  _id: '_design/purge',
  views: { closed: { map: `function (doc) { if (!doc._deleted && ${JSON.stringify([...CLOSED_STATUSES])}.indexOf(doc.status) >= 0) { emit(doc.updatedAt, null); } }` } },
};
const PURGE_KEPT = {
  _id: '_design/purge',
  // A follow-up (two answers, no words) stays on devices: the indicators count it over the year.
  views: { kept: { map: 'function (doc) { if (doc.requestId && !doc._deleted && !doc.purgedFromDevices && doc.kind !== "follow-up") { emit(doc.requestId, null); } }' } },
};

export const REQUEST_DESIGN_DOCS: Record<string, DesignDoc[]> = {
  requests: [
    {
      _id: '_design/requests',
      validate_doc_update: validateDocUpdateSource(requestSchemaLiteral),
      views: {
        // Requests the dispatcher still watches (timers are rebuilt from it at start).
        by_reader: BY_READER,
        open: { map: 'function (doc) { if (!doc._deleted && (doc.status === "sent" || doc.status === "searching" || doc.status === "assigned")) { emit(doc.status, null); } }' },
      },
    },
    PURGE_CLOSED,
  ],
  messages: [
    {
      _id: '_design/messages',
      validate_doc_update: validateDocUpdateSource(messageSchemaLiteral),
      views: { by_request: { map: 'function (doc) { if (doc.requestId) { emit([doc.requestId, doc.createdAt], null); } }' }, by_reader: BY_READER },
    },
    PURGE_KEPT,
  ],
  patients: [
    {
      _id: '_design/patients',
      validate_doc_update: validateDocUpdateSource(patientSchemaLiteral),
      views: {
        by_reader: BY_READER,
        // One patient across requests: same name, first name and birth date (identities are not qualified).
        by_identity: {
          map: 'function (doc) { if (doc.identity && !doc._deleted) { var n = function (s) { return (s || "").toLowerCase().replace(/[^a-z0-9]/g, ""); }; emit([n(doc.identity.lastName), n(doc.identity.firstName), doc.identity.birthDate], doc.requestId); } }',
        },
      },
    },
    PURGE_KEPT,
  ],
  audit: [
    {
      _id: '_design/audit',
      views: { by_request: { map: 'function (doc) { if (doc.requestId) { emit(doc.requestId, null); } }' } },
    },
  ],
};
