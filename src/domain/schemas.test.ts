import { describe, expect, it } from 'vitest';
import { memberMigrations, memberSchemaLiteral } from './members/schema';
import { messageMigrations, messageSchemaLiteral } from './requests/message-schema';
import { patientMigrations, patientSchemaLiteral } from './requests/patient-schema';
import { requestMigrations, requestSchemaLiteral } from './requests/schema';

const SCHEMAS = [
  ['members', memberSchemaLiteral, memberMigrations],
  ['requests', requestSchemaLiteral, requestMigrations],
  ['messages', messageSchemaLiteral, messageMigrations],
  ['patients', patientSchemaLiteral, patientMigrations],
] as const;

describe('replicated schemas', () => {
  it('each have a migration for every version they went through, and no other', () => {
    for (const [name, schema, migrations] of SCHEMAS) {
      const steps = Array.from({ length: schema.version }, (_, i) => String(i + 1));
      expect(Object.keys(migrations).sort(), name).toEqual(steps);
    }
  });
});
