/**
 * The registration validator, shared by the form and the server: the schema, then the rules a
 * schema cannot say (who needs which identifier, profession lists, mobile numbers, password
 * strength). Errors and warnings name the field and say why, in French.
 */
import { checkIdentifier, compactIdentifier, IDENTIFIER_KINDS, IDENTIFIER_LABELS, type IdentifierKind } from '../members/identifiers';
import { PROFESSIONS, STRUCTURE_KINDS } from '../members/professions';
import { createValidator, type FieldError } from '../validation';
import { checkPassword } from './password';
import { registrationSchemaLiteral, type Registration } from './schema';

export type RegistrationCheck =
  | { ok: true; value: Registration; warnings: FieldError[] }
  | { ok: false; errors: FieldError[]; warnings: FieldError[] };

const validateSchema = createValidator<Registration>(registrationSchemaLiteral);

/** Clearer words than the schema's generic « format invalide » for the fields people type. */
const FORMAT_MESSAGES: Record<string, string> = {
  email: 'adresse e-mail invalide',
  'address.postcode': 'le code postal compte 5 chiffres',
  'address.communeInsee': 'code INSEE de commune invalide',
  'phones.mobile': 'numéro de téléphone invalide',
  'phones.landline': 'numéro de téléphone invalide',
};

/** The only physicians' field where a specialty is required; other professions may list skills. */
const NEEDS_SPECIALTY = new Set(['10']);

const blank = (v: unknown) => typeof v !== 'string' || v.trim() === '';
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Trims what people type, compacts identifiers, lower-cases the e-mail; leaves anything unexpected for the schema to refuse. */
export function normaliseRegistration(input: unknown): unknown {
  if (!isRecord(input)) return input;
  const out: Record<string, unknown> = { ...input };
  // The shared validator accepts RxDB's `_deleted` on documents; a registration is not one.
  delete out._deleted;
  for (const key of ['civility', 'lastName', 'firstName', 'structureName', 'profession', 'specialty', 'signature']) {
    if (typeof out[key] === 'string') out[key] = (out[key] as string).trim();
  }
  if (typeof out.email === 'string') out.email = out.email.trim().toLowerCase();
  if (Array.isArray(out.skills)) out.skills = out.skills.map((s) => (typeof s === 'string' ? s.trim() : s)).filter((s) => s !== '');
  if (isRecord(out.identifiers)) {
    const ids: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(out.identifiers)) if (!(typeof v === 'string' && v.trim() === '')) ids[k] = typeof v === 'string' ? compactIdentifier(v) : v;
    out.identifiers = ids;
  }
  for (const part of ['address', 'phones'] as const) {
    if (!isRecord(out[part])) continue;
    const copy: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(out[part] as Record<string, unknown>)) {
      const value = typeof v === 'string' ? v.trim() : v;
      if (value !== '') copy[k] = value;
    }
    out[part] = copy;
  }
  return out;
}

/** French mobile numbers (06, 07, +33 6, +33 7) or an international number. */
export function isMobileNumber(phone: string): boolean {
  const digits = phone.replace(/[\s.]/g, '');
  return /^0[67][0-9]{8}$/.test(digits) || /^\+33[67][0-9]{8}$/.test(digits) || /^\+(?!33)[1-9][0-9]{7,14}$/.test(digits);
}

type Loose = Record<string, unknown>;
const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const record = (v: unknown): Loose => (isRecord(v) ? v : {});

function identifierRules(reg: Loose, errors: FieldError[], warnings: FieldError[]): void {
  const ids = record(reg.identifiers);
  const given = IDENTIFIER_KINDS.filter((k) => ids[k] !== undefined);
  const allowed: IdentifierKind[] = reg.kind === 'structure' ? ['finess', 'siret'] : [...IDENTIFIER_KINDS];
  if (given.length === 0) {
    const message = reg.kind === 'structure' ? 'numéro FINESS ou SIRET obligatoire' : 'numéro RPPS obligatoire (à défaut : ADELI, FINESS ou SIRET)';
    errors.push({ field: `identifiers.${allowed[0]}`, message });
    return;
  }
  if (given.length > 1) errors.push({ field: `identifiers.${given[1]}`, message: 'indiquez un seul identifiant' });
  for (const kind of given) {
    const field = `identifiers.${kind}`;
    if (!allowed.includes(kind)) {
      errors.push({ field, message: `une structure s’inscrit avec son numéro FINESS ou SIRET, pas ${IDENTIFIER_LABELS[kind]}` });
      continue;
    }
    const check = checkIdentifier(kind, text(ids[kind]));
    if (!check.ok) errors.push({ field, message: check.error });
    else if (check.warning) warnings.push({ field, message: check.warning });
  }
}

/** Rules beyond the schema; they read the input defensively, so all of a form's errors show at once. */
function rules(reg: Loose): { errors: FieldError[]; warnings: FieldError[] } {
  const errors: FieldError[] = [];
  const warnings: FieldError[] = [];
  const profession = text(reg.profession);
  if (reg.kind === 'structure') {
    if (blank(reg.structureName)) errors.push({ field: 'structureName', message: 'nom de la structure obligatoire' });
    if (!Object.hasOwn(STRUCTURE_KINDS, profession)) errors.push({ field: 'profession', message: 'type de structure inconnu' });
  } else {
    if (blank(reg.lastName)) errors.push({ field: 'lastName', message: 'nom obligatoire' });
    if (blank(reg.firstName)) errors.push({ field: 'firstName', message: 'prénom(s) obligatoire(s)' });
    if (!Object.hasOwn(PROFESSIONS, profession)) errors.push({ field: 'profession', message: 'choisissez une profession de la liste RPPS' });
    else if (NEEDS_SPECIALTY.has(profession) && blank(reg.specialty)) {
      errors.push({ field: 'specialty', message: 'précisez la spécialité (par exemple Médecine générale)' });
    }
  }
  identifierRules(reg, errors, warnings);
  const address = record(reg.address);
  if (blank(address.street)) errors.push({ field: 'address.street', message: 'voie obligatoire' });
  if (blank(address.postcode)) errors.push({ field: 'address.postcode', message: 'code postal obligatoire' });
  if (blank(address.commune)) errors.push({ field: 'address.commune', message: 'commune obligatoire' });
  if (!isMobileNumber(text(record(reg.phones).mobile))) {
    errors.push({ field: 'phones.mobile', message: 'numéro de portable attendu (06, 07 ou +33 6/7), pour recevoir le code par SMS' });
  }
  if (blank(reg.email)) errors.push({ field: 'email', message: 'adresse e-mail obligatoire' });
  const weak = checkPassword(text(reg.password), text(reg.email));
  if (weak) errors.push({ field: 'password', message: `mot de passe : ${weak}` });
  if (blank(reg.signature)) errors.push({ field: 'signature', message: 'signature obligatoire' });
  return { errors, warnings };
}

/** Validates an already normalised registration (see `normaliseRegistration`): one error at most per field. */
export function validateRegistration(input: unknown): RegistrationCheck {
  const schema = validateSchema(input);
  if (!isRecord(input)) return { ok: false, errors: schema.ok ? [] : schema.errors, warnings: [] };
  const { errors, warnings } = rules(input);
  const schemaErrors = schema.ok
    ? []
    : schema.errors.map((e) => (e.message === 'format invalide' && FORMAT_MESSAGES[e.field] ? { ...e, message: FORMAT_MESSAGES[e.field] } : e));
  // The rules' words are more precise than the schema's for the same field.
  const covered = new Set(errors.map((e) => e.field));
  const all = [...errors, ...schemaErrors.filter((e) => !covered.has(e.field))];
  if (all.length || !schema.ok) return { ok: false, errors: all, warnings };
  return { ok: true, value: schema.value, warnings };
}
