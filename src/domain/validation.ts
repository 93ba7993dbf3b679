/** Validation of documents against their schema, with errors that name the field in French. */
import { Validator, type OutputUnit } from '@cfworker/json-schema';

export interface FieldError {
  /** Dotted path of the field, e.g. `address.postcode`; empty for the document itself. */
  field: string;
  message: string;
}

/** What the server answers to any request it refuses: a French message, and the fields at fault when a form was sent. */
export interface ErrorBody {
  error: string;
  fields?: FieldError[];
}

export type Validation<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

interface SchemaLiteral {
  type: string;
  properties: Record<string, unknown>;
  required?: readonly string[];
  additionalProperties?: boolean;
}

const KEYWORD_MESSAGES: Record<string, string> = {
  type: 'type de valeur incorrect',
  pattern: 'format invalide',
  maxLength: 'texte trop long',
  minLength: 'valeur manquante ou trop courte',
  maxItems: 'trop d’éléments',
  minItems: 'pas assez d’éléments',
  enum: 'valeur non autorisée',
  const: 'valeur non autorisée',
  minimum: 'valeur trop petite',
  maximum: 'valeur trop grande',
  multipleOf: 'valeur non autorisée',
};

/** Keywords that only wrap the errors of nested fields, reported on their own. */
const WRAPPERS = new Set(['properties', 'items', 'prefixItems', 'false', 'allOf', '$ref']);

function pathOf(instanceLocation: string): string {
  return instanceLocation.replace(/^#\/?/, '').split('/').filter(Boolean).join('.');
}

function join(parent: string, child: string): string {
  return parent ? `${parent}.${child}` : child;
}

function quotedProperty(error: string): string {
  return /"([^"]*)"/.exec(error)?.[1] ?? '';
}

export function frenchErrors(units: OutputUnit[]): FieldError[] {
  const errors: FieldError[] = [];
  for (const unit of units) {
    const field = pathOf(unit.instanceLocation);
    if (unit.keyword === 'required') {
      errors.push({ field: join(field, quotedProperty(unit.error)), message: 'champ obligatoire manquant' });
    } else if (unit.keyword === 'additionalProperties') {
      errors.push({ field: join(field, quotedProperty(unit.error)), message: 'champ inconnu' });
    } else if (!WRAPPERS.has(unit.keyword)) {
      errors.push({ field, message: KEYWORD_MESSAGES[unit.keyword] ?? 'valeur invalide' });
    }
  }
  return errors;
}

/** One sentence for a user or an HTTP error: « Champ « address.postcode » : format invalide. » */
export function describeErrors(errors: FieldError[]): string {
  return errors
    .slice(0, 5)
    .map((e) => (e.field ? `Champ « ${e.field} » : ${e.message}.` : `${e.message}.`))
    .join(' ');
}

/**
 * Builds the validator of a document type from its RxDB schema literal, the single source of the
 * type; a replicated document may also carry RxDB's `_deleted` flag.
 */
export function createValidator<T>(schema: SchemaLiteral): (doc: unknown) => Validation<T> {
  const jsonSchema = {
    type: schema.type,
    properties: { ...schema.properties, _deleted: { type: 'boolean' } },
    required: schema.required ? [...schema.required] : [],
    additionalProperties: schema.additionalProperties ?? true,
  };
  const validator = new Validator(jsonSchema as never, '2020-12', false);
  return (doc) => {
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
      return { ok: false, errors: [{ field: '', message: 'le document doit être un objet JSON' }] };
    }
    const result = validator.validate(doc);
    return result.valid ? { ok: true, value: doc as T } : { ok: false, errors: frenchErrors(result.errors) };
  };
}
