/** A device's error reports as they cross the wire, and what coordinators read back: the schema is the source of the type and of the server's check. */
import type { ExtractDocumentTypeFromTypedRxJsonSchema } from 'rxdb';

/** A batch holds at most this many reports; the device merges repeats and counts what it drops. */
export const MAX_REPORTS_PER_BATCH = 20;

/**
 * What the calling code names: a fixed dotted word per place that can fail (`sync.start`), never
 * built from data. The French label of each is in `fr.technical.events`.
 */
export const CLIENT_EVENTS = [
  'app.uncaught',
  'app.unhandled-rejection',
  'sync.start',
  'replication.error',
  'patients.list',
  'patients.remember',
  'patient-data.open',
  'sealed-messages.write',
  'sealed-message.write',
  'lost-edit.save',
  'map.limit',
  'sealing-keys.create',
  'clear-patient-data.drop',
] as const;
export type ClientEvent = (typeof CLIENT_EVENTS)[number];

/** The server's entry standing for the reports a device counted but did not send (over its own limit). */
export const DROPPED_EVENT = 'client-log.dropped';

export const clientErrorBatchSchemaLiteral = {
  type: 'object',
  additionalProperties: false,
  properties: {
    reports: {
      type: 'array',
      maxItems: MAX_REPORTS_PER_BATCH,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          // A pattern rather than the list: a newer app may name events this server does not know yet.
          event: { type: 'string', maxLength: 60, pattern: '^[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*$' },
          /** The error's class (`TypeError`). */
          name: { type: 'string', maxLength: 100 },
          /** Scrubbed on the device, and again on the server. */
          message: { type: 'string', maxLength: 1000 },
          /** The page's path with its ids replaced by `:id`. */
          route: { type: 'string', maxLength: 300 },
          appVersion: { type: 'string', maxLength: 40, pattern: '^[0-9A-Za-z.+-]+$' },
          /** When it happened, by the device's clock. */
          at: { type: 'string', maxLength: 30, pattern: '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,3})?Z$' },
          /** How many times it happened since the last batch. */
          count: { type: 'integer', minimum: 1, maximum: 1_000_000 },
        },
        required: ['event', 'name', 'message', 'at', 'count'],
      },
    },
    /** Reports the device did not keep (over its own limit) since the last batch. */
    dropped: { type: 'integer', minimum: 0, maximum: 1_000_000 },
  },
  required: ['reports'],
} as const;

export type ClientErrorBatch = ExtractDocumentTypeFromTypedRxJsonSchema<typeof clientErrorBatchSchemaLiteral>;
export type ClientErrorReport = ClientErrorBatch['reports'][number];

/** One kept report, as the coordinators' technical view lists it (newest first). */
export interface ClientErrorEntry extends ClientErrorReport {
  id: string;
  /** When the server received it. */
  receivedAt: string;
  memberId: string;
  /** The member's name as the session knows it. */
  memberName: string;
  /** A coarse description of the browser (« Android · Chrome »), from its user agent. */
  device?: string;
}

/** `GET /api/client-log`: the recent reports, newest first. */
export interface ClientErrorsAnswer {
  errors: ClientErrorEntry[];
}
