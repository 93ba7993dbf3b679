/**
 * The `patients` document: the patient block of a request, kept apart from the broadcast card and
 * readable only by the requester, the assignee and the coordinators (`readers`, server-written).
 * Identities are stored as not qualified (INS): qualifying needs the national teleservice.
 */
import type { ExtractDocumentTypeFromTypedRxJsonSchema, MigrationStrategies, RxJsonSchema } from 'rxdb';
import { toTypedRxJsonSchema } from 'rxdb';

const text = (max: number) => ({ type: 'string', maxLength: max }) as const;
const memberId = { type: 'string', maxLength: 64, pattern: '^[a-z0-9][a-z0-9-]{0,63}$' } as const;

export const patientSchemaLiteral = {
  title: 'patient',
  description: 'Patient block of a care request',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    id: { type: 'string', maxLength: 64, pattern: '^p-[a-z0-9-]{8,62}$' },
    requestId: { type: 'string', maxLength: 64, pattern: '^r-[a-z0-9-]{8,62}$' },
    requesterId: memberId,
    identity: {
      type: 'object',
      additionalProperties: false,
      properties: {
        lastName: { type: 'string', minLength: 1, maxLength: 100 },
        firstName: { type: 'string', minLength: 1, maxLength: 100 },
        birthDate: { type: 'string', pattern: '^(19|20)[0-9]{2}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$' },
        sex: { type: 'string', enum: ['F', 'M', 'X'] },
        address: text(300),
        phone: { type: 'string', pattern: '^\\+?[0-9 .]{6,20}$' },
        usualDoctor: text(200),
      },
      required: ['lastName', 'firstName', 'birthDate', 'sex'],
    },
    /** INS status: always « non qualifiée » here. */
    insStatus: { type: 'string', enum: ['non-qualifiee'] },
    consent: {
      type: 'object',
      additionalProperties: false,
      properties: {
        informed: { type: 'boolean', enum: [true] },
        at: { type: 'string', maxLength: 40 },
        by: memberId,
      },
      required: ['informed', 'at', 'by'],
    },
    readers: { type: 'array', maxItems: 50, items: memberId },
    /** Set by the server once the case has been closed long enough: devices then get a deletion without data. */
    purgedFromDevices: { type: 'string', maxLength: 40 },
    createdAt: { type: 'string', maxLength: 40 },
    updatedAt: { type: 'string', maxLength: 40 },
  },
  required: ['id', 'requestId', 'requesterId', 'identity', 'insStatus', 'consent', 'createdAt', 'updatedAt'],
  additionalProperties: false,
  /** Encrypted at rest on devices (RxDB's encryption plugin); such a field can be neither indexed nor queried. */
  encrypted: ['identity'],
} as const;

const typed = toTypedRxJsonSchema(patientSchemaLiteral);
export type PatientBlock = ExtractDocumentTypeFromTypedRxJsonSchema<typeof typed>;
export const patientSchema: RxJsonSchema<PatientBlock> = patientSchemaLiteral as unknown as RxJsonSchema<PatientBlock>;

export const PATIENT_SERVER_FIELDS = ['readers', 'purgedFromDevices'] as const;

/** The id of a request's patient block. */
export const patientIdOf = (requestId: string) => `p-${requestId.slice(2)}`;

/** Stored documents of each older version, brought to the current one when a device opens the collection (none yet: version 0). */
export const patientMigrations: MigrationStrategies = {};
