/**
 * The `knownPatients` document: a patient this device's user has posted a request for, kept on the
 * device only (never replicated), encrypted at rest with the patient data, so the next request for
 * them starts from a tap instead of six fields.
 */
import type { ExtractDocumentTypeFromTypedRxJsonSchema, MigrationStrategies, RxJsonSchema } from 'rxdb';
import { toTypedRxJsonSchema } from 'rxdb';
import { patientSchemaLiteral } from './patient-schema';

export const knownPatientSchemaLiteral = {
  title: 'known patient',
  description: 'A patient of this device’s user, remembered from their requests',
  version: 0,
  primaryKey: 'id',
  type: 'object',
  properties: {
    /** Random: an id is not encrypted, so it must say nothing of the patient. */
    id: { type: 'string', maxLength: 64, pattern: '^k-[a-z0-9-]{8,62}$' },
    identity: patientSchemaLiteral.properties.identity,
    /** Where the patient was for the last request, when it was their own place (not the practice). */
    place: {
      type: 'object',
      additionalProperties: false,
      properties: {
        lat: { type: 'number', minimum: -90, maximum: 90 },
        lon: { type: 'number', minimum: -180, maximum: 180 },
        label: { type: 'string', maxLength: 300 },
        source: { type: 'string', enum: ['commune', 'device', 'address', 'map'] },
        insee: { type: 'string', maxLength: 5 },
      },
      required: ['lat', 'lon', 'label', 'source'],
    },
    lastUsedAt: { type: 'string', maxLength: 40 },
    uses: { type: 'integer', minimum: 1, maximum: 1_000_000, multipleOf: 1 },
  },
  required: ['id', 'identity', 'lastUsedAt', 'uses'],
  additionalProperties: false,
  encrypted: ['identity', 'place'],
} as const;

const typed = toTypedRxJsonSchema(knownPatientSchemaLiteral);
export type KnownPatient = ExtractDocumentTypeFromTypedRxJsonSchema<typeof typed>;
export const knownPatientSchema: RxJsonSchema<KnownPatient> = knownPatientSchemaLiteral as unknown as RxJsonSchema<KnownPatient>;

/** Stored documents of each older version, brought to the current one when the collection opens (none yet: version 0). */
export const knownPatientMigrations: MigrationStrategies = {};
