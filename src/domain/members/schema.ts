/** The `members` document: public profile and availability of a professional or a structure. */
import type { ExtractDocumentTypeFromTypedRxJsonSchema, MigrationStrategies, RxJsonSchema } from 'rxdb';
import { toTypedRxJsonSchema } from 'rxdb';
import { TIME_PATTERN } from './hours';

const isoDate = { type: 'string', maxLength: 40 } as const;
const shortText = { type: 'string', maxLength: 200 } as const;
const clock = { type: 'string', pattern: TIME_PATTERN } as const;

export const memberSchemaLiteral = {
  title: 'member',
  description: 'Public profile and availability of a member of the CPTS',
  version: 1,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64, pattern: '^[a-z0-9][a-z0-9-]{0,63}$' },
    kind: { type: 'string', enum: ['professional', 'structure'] },
    status: { type: 'string', enum: ['active', 'invited', 'pending'] },
    civility: { type: 'string', enum: ['', 'Dr', 'M.', 'Mme'] },
    lastName: shortText,
    firstName: shortText,
    displayName: { type: 'string', minLength: 1, maxLength: 200 },
    profession: { type: 'string', minLength: 1, maxLength: 40 },
    specialty: shortText,
    skills: { type: 'array', maxItems: 30, items: shortText },
    identifiers: {
      type: 'object',
      additionalProperties: false,
      properties: {
        rpps: { type: 'string', pattern: '^[0-9]{11}$' },
        adeli: { type: 'string', pattern: '^[0-9]{9}$' },
        finess: { type: 'string', pattern: '^[0-9][0-9AB][0-9]{7}$' },
        siret: { type: 'string', pattern: '^[0-9]{14}$' },
      },
    },
    address: {
      type: 'object',
      additionalProperties: false,
      properties: {
        street: shortText,
        postcode: { type: 'string', pattern: '^[0-9]{5}$' },
        communeInsee: { type: 'string', pattern: '^[0-9][0-9AB][0-9]{3}$' },
        commune: shortText,
      },
      required: ['street', 'postcode', 'commune'],
    },
    location: {
      type: 'object',
      additionalProperties: false,
      properties: {
        lat: { type: 'number', minimum: -90, maximum: 90 },
        lon: { type: 'number', minimum: -180, maximum: 180 },
        approximate: { type: 'boolean' },
      },
      required: ['lat', 'lon', 'approximate'],
    },
    phones: {
      type: 'object',
      additionalProperties: false,
      properties: {
        mobile: { type: 'string', pattern: '^\\+?[0-9 .]{6,20}$' },
        landline: { type: 'string', pattern: '^\\+?[0-9 .]{6,20}$' },
      },
    },
    email: { type: 'string', maxLength: 254, pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$' },
    /** The text that ends the member's messages and letters (name, profession, address, phone). */
    signature: { type: 'string', maxLength: 600 },
    /** Whether the member wants alerts by SMS when the app is closed (no patient data in them). */
    smsAlerts: { type: 'boolean' },
    availability: {
      type: 'object',
      additionalProperties: false,
      properties: {
        availableUntil: isoDate,
        onCall: {
          type: 'array',
          maxItems: 50,
          items: {
            type: 'object',
            additionalProperties: false,
            properties: { start: isoDate, end: isoDate },
            required: ['start', 'end'],
          },
        },
        acceptsNewPatients: { type: 'boolean' },
        homeVisitRadiusKm: { type: 'number', minimum: 0, maximum: 200 },
        absences: {
          type: 'array',
          maxItems: 50,
          items: {
            type: 'object',
            additionalProperties: false,
            properties: { start: isoDate, end: isoDate },
            required: ['start', 'end'],
          },
        },
        /** Usual weekly hours (consultations, rounds; a structure's service hours), territory time. */
        weeklyHours: {
          type: 'array',
          maxItems: 42,
          items: {
            type: 'object',
            additionalProperties: false,
            properties: { day: { type: 'integer', minimum: 0, maximum: 6 }, start: clock, end: clock },
            required: ['day', 'start', 'end'],
          },
        },
        /** Channels the member accepts alerts on outside those hours (none: only in the app, and immediate urgencies). */
        outsideHours: { type: 'array', maxItems: 2, items: { type: 'string', enum: ['push', 'sms'] } },
        /** Alerts a week beyond which only immediate urgencies reach the member. */
        weeklyAlertBudget: { type: 'integer', minimum: 1, maximum: 200 },
        /** What a structure can take now: free places (temporary stay), services open to direct admission; when declared. */
        capacity: {
          type: 'object',
          additionalProperties: false,
          properties: {
            places: { type: 'integer', minimum: 0, maximum: 1000 },
            services: {
              type: 'array',
              maxItems: 30,
              items: {
                type: 'object',
                additionalProperties: false,
                properties: { name: { type: 'string', minLength: 1, maxLength: 80 }, open: { type: 'boolean' } },
                required: ['name', 'open'],
              },
            },
            declaredAt: isoDate,
          },
          required: ['declaredAt'],
        },
      },
      required: ['onCall', 'acceptsNewPatients', 'absences'],
    },
    updatedAt: isoDate,
  },
  required: ['id', 'kind', 'status', 'displayName', 'profession', 'address', 'location', 'availability', 'updatedAt'],
  additionalProperties: false,
} as const;

const typed = toTypedRxJsonSchema(memberSchemaLiteral);
export type Member = ExtractDocumentTypeFromTypedRxJsonSchema<typeof typed>;
export const memberSchema: RxJsonSchema<Member> = memberSchemaLiteral as unknown as RxJsonSchema<Member>;

/**
 * Stored entries of each older version, brought to the current one when a device opens the
 * collection. 1: weekly hours, channels outside them, alert budget, a structure's capacity (all
 * optional: an entry of version 0 is valid as it is).
 */
export const memberMigrations: MigrationStrategies = {
  1: (doc) => doc,
};

/** Fields only a coordinator or an administrator may change on someone's directory entry. */
export const MEMBER_PROTECTED_FIELDS = ['kind', 'status', 'identifiers'] as const;
