/** Design documents of the care-request databases: validation mirrored from the schemas, and the views the dispatcher, the history and the audit need. */
import { messageSchemaLiteral } from '../../src/domain/requests/message-schema';
import { patientSchemaLiteral } from '../../src/domain/requests/patient-schema';
import { requestSchemaLiteral } from '../../src/domain/requests/schema';
import type { DesignDoc } from '../storage/couch';
import { validateDocUpdateSource } from '../storage/validate-doc-update';

export const REQUEST_DESIGN_DOCS: Record<string, DesignDoc[]> = {
  requests: [
    {
      _id: '_design/requests',
      validate_doc_update: validateDocUpdateSource(requestSchemaLiteral),
      views: {
        // Requests the dispatcher still watches (timers are rebuilt from it at start).
        open: { map: 'function (doc) { if (!doc._deleted && (doc.status === "sent" || doc.status === "searching" || doc.status === "assigned")) { emit(doc.status, null); } }' },
      },
    },
  ],
  messages: [
    {
      _id: '_design/messages',
      validate_doc_update: validateDocUpdateSource(messageSchemaLiteral),
      views: { by_request: { map: 'function (doc) { if (doc.requestId) { emit([doc.requestId, doc.createdAt], null); } }' } },
    },
  ],
  patients: [
    {
      _id: '_design/patients',
      validate_doc_update: validateDocUpdateSource(patientSchemaLiteral),
      views: {
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
