/** The registration form's values (flat strings, as typed), turned into the registration the shared validator and the server check. */
import type { IdentifierKind } from '../domain/members/identifiers';
import type { PscPrefill } from '../domain/psc/api';
import { defaultSignature } from '../domain/registration/entry';
import type { Registration } from '../domain/registration/schema';
import { normaliseRegistration, validateRegistration, type RegistrationCheck } from '../domain/registration/validate';

export interface RegistrationForm {
  kind: 'professional' | 'structure';
  civility: '' | 'Dr' | 'M.' | 'Mme';
  lastName: string;
  firstName: string;
  structureName: string;
  profession: string;
  specialty: string;
  /** Savoir-faire, separated by commas. */
  skills: string;
  idKind: IdentifierKind;
  idValue: string;
  number: string;
  street: string;
  postcode: string;
  /** INSEE code of a commune of the territory, `OUTSIDE` for one outside it (typed in `communeOther`), '' before a choice. */
  communeInsee: string;
  communeOther: string;
  mobile: string;
  landline: string;
  email: string;
  password: string;
  signature: string;
}

export type FormKey = keyof RegistrationForm;

export const OUTSIDE = 'hors-territoire';

export function emptyForm(): RegistrationForm {
  return {
    kind: 'professional', civility: '', lastName: '', firstName: '', structureName: '', profession: '', specialty: '', skills: '',
    idKind: 'rpps', idValue: '', number: '', street: '', postcode: '', communeInsee: '', communeOther: '',
    mobile: '', landline: '', email: '', password: '', signature: '',
  };
}

/** The form filled with what Pro Santé Connect says of a professional not yet known here. */
export function withPscPrefill(form: RegistrationForm, prefill: PscPrefill): RegistrationForm {
  const [idKind, idValue] = prefill.identifiers.rpps ? (['rpps', prefill.identifiers.rpps] as const) : prefill.identifiers.adeli ? (['adeli', prefill.identifiers.adeli] as const) : [form.idKind, form.idValue];
  return {
    ...form,
    kind: 'professional',
    civility: prefill.civility ?? form.civility,
    lastName: prefill.lastName ?? form.lastName,
    firstName: prefill.firstName ?? form.firstName,
    profession: prefill.profession ?? form.profession,
    idKind,
    idValue,
  };
}

export interface CommuneName {
  insee: string;
  name: string;
}

/** The registration as sent; optional fields left empty are dropped by the normalisation. */
export function toRegistration(form: RegistrationForm, communes: readonly CommuneName[]): unknown {
  const commune = communes.find((c) => c.insee === form.communeInsee);
  const person = form.kind === 'professional'
    ? { civility: form.civility, lastName: form.lastName, firstName: form.firstName, specialty: form.specialty, skills: form.skills.split(',') }
    : { structureName: form.structureName, specialty: '', skills: [] };
  return normaliseRegistration({
    kind: form.kind,
    ...person,
    profession: form.profession,
    identifiers: { [form.idKind]: form.idValue },
    address: { number: form.number, street: form.street, postcode: form.postcode, communeInsee: commune?.insee ?? '', commune: commune?.name ?? (form.communeInsee === OUTSIDE ? form.communeOther : '') },
    phones: { mobile: form.mobile, landline: form.landline },
    email: form.email,
    password: form.password,
    signature: form.signature,
  });
}

export function checkForm(form: RegistrationForm, communes: readonly CommuneName[]): RegistrationCheck {
  return validateRegistration(toRegistration(form, communes));
}

/** The proposed signature for what is filled in so far. */
export function proposedSignature(form: RegistrationForm, communes: readonly CommuneName[]): string {
  return defaultSignature(toRegistration({ ...form, password: '', signature: '' }, communes) as Partial<Registration>);
}

/** The form input an error of the validator or the server belongs to. */
export function formKeyOf(field: string): FormKey | undefined {
  if (field.startsWith('identifiers')) return 'idValue';
  if (field === 'address.commune' || field === 'address.communeInsee') return 'communeInsee';
  const last = field.split('.').pop() ?? '';
  const known: FormKey[] = ['civility', 'lastName', 'firstName', 'structureName', 'profession', 'specialty', 'skills', 'number', 'street', 'postcode', 'mobile', 'landline', 'email', 'password', 'signature'];
  return known.find((k) => k === last);
}
