/**
 * The `requests` document: the broadcast card of a care request. It never carries the patient's
 * identity: others see the need, the place (commune and point), the urgency. `status`, `assigneeId`,
 * `dispatch`, `history` and `readers` are written by the server only.
 */
import type { ExtractDocumentTypeFromTypedRxJsonSchema, MigrationStrategies, RxJsonSchema } from 'rxdb';
import { toTypedRxJsonSchema } from 'rxdb';
import { REQUEST_STATUSES } from './lifecycle';
import { REQUEST_TYPES, URGENCIES } from './types';

const isoDate = { type: 'string', maxLength: 40 } as const;
const memberId = { type: 'string', maxLength: 64, pattern: '^[a-z0-9][a-z0-9-]{0,63}$' } as const;
const memberIds = { type: 'array', maxItems: 5000, items: memberId } as const;

export const requestSchemaLiteral = {
  title: 'request',
  description: 'Broadcast card of a care request (no patient identity)',
  version: 2,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64, pattern: '^r-[a-z0-9-]{8,62}$' },
    requesterId: memberId,
    type: { type: 'string', enum: REQUEST_TYPES },
    target: {
      type: 'object',
      additionalProperties: false,
      properties: {
        professions: { type: 'array', minItems: 1, maxItems: 10, items: { type: 'string', maxLength: 40 } },
        specialty: { type: 'string', maxLength: 200 },
      },
      required: ['professions'],
    },
    urgency: { type: 'string', enum: URGENCIES },
    deadline: isoDate,
    place: {
      type: 'object',
      additionalProperties: false,
      properties: {
        commune: { type: 'string', minLength: 1, maxLength: 200 },
        communeInsee: { type: 'string', pattern: '^[0-9][0-9AB][0-9]{3}$' },
        lat: { type: 'number', minimum: -90, maximum: 90 },
        lon: { type: 'number', minimum: -180, maximum: 180 },
      },
      required: ['commune', 'lat', 'lon'],
    },
    question: { type: 'string', minLength: 1, maxLength: 1000 },
    usualProfessionalId: memberId,
    /** The coordinator who posted it for a professional who phoned the platform. */
    intakeBy: memberId,
    photos: {
      type: 'array',
      maxItems: 10,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: { id: { type: 'string', maxLength: 80, pattern: '^[a-z0-9-]+$' }, contentType: { type: 'string', enum: ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] } },
        required: ['id', 'contentType'],
      },
    },
    status: { type: 'string', enum: REQUEST_STATUSES, maxLength: 20 },
    assigneeId: memberId,
    dispatch: {
      type: 'object',
      additionalProperties: false,
      properties: {
        alerted: memberIds,
        steps: {
          type: 'array',
          maxItems: 100,
          items: {
            type: 'object',
            additionalProperties: false,
            properties: {
              at: isoDate,
              kind: { type: 'string', enum: ['usual', 'circle', 'escalation', 'redispatch'] },
              radiusKm: { type: 'number', minimum: 0, maximum: 1000 },
              alerted: memberIds,
              reason: { type: 'string', maxLength: 300 },
              /** Why each alerted member was chosen, for the coordinators (French). */
              why: {
                type: 'array',
                maxItems: 100,
                items: {
                  type: 'object',
                  additionalProperties: false,
                  properties: { memberId, reason: { type: 'string', maxLength: 200 } },
                  required: ['memberId', 'reason'],
                },
              },
            },
            required: ['at', 'kind', 'alerted', 'reason'],
          },
        },
        nextStepAt: isoDate,
        /** When the coordinators are alerted if nobody has taken it by then (the requester is told). */
        escalateAt: isoDate,
        escalated: { type: 'boolean' },
        /** The coordinators on duty when it was escalated: it is in their queue. */
        escalatedTo: memberIds,
      },
      required: ['alerted', 'steps'],
    },
    history: {
      type: 'array',
      maxItems: 500,
      items: {
        type: 'object',
        additionalProperties: false,
        properties: {
          at: isoDate,
          event: { type: 'string', maxLength: 40 },
          by: { type: 'string', maxLength: 64 },
          note: { type: 'string', maxLength: 500 },
          /** The message that caused it, so a message applied twice (after a restart) is recognised. */
          ref: { type: 'string', maxLength: 200 },
        },
        required: ['at', 'event', 'by'],
      },
    },
    /** Who may read the card: the requester, the alerted, the assignee (coordinators always may). */
    readers: memberIds,
    createdAt: isoDate,
    updatedAt: isoDate,
  },
  required: ['id', 'requesterId', 'type', 'target', 'urgency', 'deadline', 'place', 'question', 'photos', 'status', 'createdAt', 'updatedAt'],
  // The coordination's queue reads the open requests by status, not the year of closed ones.
  indexes: ['status'],
  additionalProperties: false,
} as const;

const typed = toTypedRxJsonSchema(requestSchemaLiteral);
export type CareRequest = ExtractDocumentTypeFromTypedRxJsonSchema<typeof typed>;
export const requestSchema: RxJsonSchema<CareRequest> = requestSchemaLiteral as unknown as RxJsonSchema<CareRequest>;

/**
 * Stored cards of each older version, brought to the current one when a device opens the
 * collection. 1: two request types, why each alerted member was chosen, when the coordinators
 * will be alerted (a card of version 0 is valid as it is). 2: an index on the status (the cards
 * are unchanged; the device builds the index as it copies them).
 */
export const requestMigrations: MigrationStrategies = {
  1: (doc) => doc,
  2: (doc) => doc,
};

/** Written by the server only; a client write that changes one of them is refused. */
export const REQUEST_SERVER_FIELDS = ['status', 'assigneeId', 'dispatch', 'history', 'readers'] as const;
