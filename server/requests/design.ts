/** Design documents of the care-request databases: validation mirrored from the schemas, and the views the dispatcher, the history and the audit need. */
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
  ],
  messages: [
    {
      _id: '_design/messages',
      validate_doc_update: validateDocUpdateSource(messageSchemaLiteral),
      views: { by_request: { map: 'function (doc) { if (doc.requestId) { emit([doc.requestId, doc.createdAt], null); } }' }, by_reader: BY_READER },
    },
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
  ],
  audit: [
    {
      _id: '_design/audit',
      views: { by_request: { map: 'function (doc) { if (doc.requestId) { emit(doc.requestId, null); } }' } },
    },
  ],
};
