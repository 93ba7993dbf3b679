/**
 * The `messages` document: append-only entries on a request, one writer each (their author), with
 * ids derived from the author so they never conflict: answers (accept, decline, advice), the
 * thread (message, result), and the requester's or assignee's actions (cancel, hand back, close).
 */
import type { ExtractDocumentTypeFromTypedRxJsonSchema, MigrationStrategies, RxJsonSchema } from 'rxdb';
import { toTypedRxJsonSchema } from 'rxdb';

const memberId = { type: 'string', maxLength: 64, pattern: '^[a-z0-9][a-z0-9-]{0,63}$' } as const;

export const MESSAGE_KINDS = [
  'accept', 'decline', 'advice', 'message', 'result', 'cancel', 'hand-back', 'resolve', 'close-unresolved',
  // Coordination: a phone call and its outcome, a note, a wider search; a member may flag a request for the coordination.
  'call', 'note', 'redispatch', 'flag',
  // The requester's follow-up after a resolved case (version 1), and the case reopened when it went badly.
  'follow-up', 'reopen',
] as const;

export const CALL_OUTCOMES = ['agreed', 'declined', 'no-answer', 'callback'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

export const messageSchemaLiteral = {
  title: 'message',
  description: 'An answer, a message or an action on a care request',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    /** `<requestId>--<authorId>--<unique>`: never written by two authors. */
    id: { type: 'string', maxLength: 200, pattern: '^r-[a-z0-9-]{8,62}--[a-z0-9][a-z0-9-]{0,63}--[a-z0-9-]{4,40}$' },
    requestId: { type: 'string', maxLength: 64, pattern: '^r-[a-z0-9-]{8,62}$' },
    authorId: memberId,
    kind: { type: 'string', enum: MESSAGE_KINDS },
    text: { type: 'string', maxLength: 4000 },
    attachments: {
      type: 'array',
      maxItems: 10,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: { id: { type: 'string', maxLength: 80, pattern: '^[a-z0-9-]+$' }, contentType: { type: 'string', enum: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] } },
        required: ['id', 'contentType'],
      },
    },
    /** Written on behalf of someone after a phone agreement (coordinators). */
    onBehalfOf: memberId,
    /** For a call: who was called, and how it went. */
    subjectId: memberId,
    outcome: { type: 'string', enum: CALL_OUTCOMES },
    /** For a follow-up: « Le besoin est-il couvert ? » */
    covered: { type: 'boolean' },
    /** For a follow-up: « Le patient est-il allé aux urgences depuis ? » */
    emergency: { type: 'boolean' },
    readers: { type: 'array', maxItems: 50, items: memberId },
    /** Set by the server once the case has been closed long enough: devices then get a deletion without data. */
    purgedFromDevices: { type: 'string', maxLength: 40 },
    createdAt: { type: 'string', maxLength: 40 },
  },
  required: ['id', 'requestId', 'authorId', 'kind', 'createdAt'],
  additionalProperties: false,
  /** Encrypted at rest on devices (RxDB's encryption plugin); such a field can be neither indexed nor queried. */
  encrypted: ['text'],
} as const;

const typed = toTypedRxJsonSchema(messageSchemaLiteral);
export type RequestMessage = ExtractDocumentTypeFromTypedRxJsonSchema<typeof typed>;
export const messageSchema: RxJsonSchema<RequestMessage> = messageSchemaLiteral as unknown as RxJsonSchema<RequestMessage>;

export const messageIdOf = (requestId: string, authorId: string, unique: string) => `${requestId}--${authorId}--${unique}`;

/**
 * Stored documents of each older version, brought to the current one when a device opens the
 * collection. 1: the follow-up kinds and their answers, new and optional: a message is kept as it is.
 */
export const messageMigrations: MigrationStrategies = {
  1: (doc) => doc,
};
