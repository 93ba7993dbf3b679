/**
 * The request form's values (as typed) turned into the two documents it creates, the broadcast card
 * and the separate patient block, checked by the shared validators and rights before anything is
 * written. Pure, so the mapping and the French errors are tested without a browser.
 */
import type { PatientPlace } from '../map/LocationPicker';
import { distanceKm } from '../domain/geo';
import { patientIdOf, type PatientBlock } from '../domain/requests/patient-schema';
import { patientsPolicy, requestsPolicy } from '../domain/requests/policies';
import type { CareRequest } from '../domain/requests/schema';
import { defaultDeadline, REQUEST_KINDS, type RequestType, type Urgency } from '../domain/requests/types';
import type { SessionUser } from '../domain/session/user';
import * as fr from '../i18n/fr';

export interface Attachment {
  id: string;
  contentType: CareRequest['photos'][number]['contentType'];
  name: string;
  size: number;
}

export interface RequestForm {
  type: RequestType | '';
  professions: string[];
  specialty: string;
  urgency: Urgency;
  /** `YYYY-MM-DDTHH:mm` (an `<input type="datetime-local">`), used with urgency `date`. */
  date: string;
  place: PatientPlace | undefined;
  question: string;
  usualProfessionalId: string;
  photos: Attachment[];
  lastName: string;
  firstName: string;
  birthDate: string;
  sex: '' | 'F' | 'M' | 'X';
  address: string;
  phone: string;
  usualDoctor: string;
  consent: boolean;
}

export type FormKey = keyof RequestForm;
export type FormErrors = Partial<Record<FormKey, string>>;

export function emptyForm(): RequestForm {
  return {
    type: '', professions: [], specialty: '', urgency: 'today', date: '', place: undefined, question: '', usualProfessionalId: '', photos: [],
    lastName: '', firstName: '', birthDate: '', sex: '', address: '', phone: '', usualDoctor: '', consent: false,
  };
}

/** Choosing a type pre-fills what it usually needs: professions, specialty, urgency (all changeable). */
export function withType(form: RequestForm, type: RequestType): RequestForm {
  const kind = REQUEST_KINDS[type];
  return { ...form, type, professions: [...kind.professions], specialty: kind.specialties[0] ?? '', urgency: kind.urgency };
}

/** The deadline an urgency gives, or null for a chosen date that is missing, unreadable or past. */
export function deadlineOf(urgency: Urgency, date: string, now: number): string | null {
  if (urgency !== 'date') return new Date(defaultDeadline(urgency, now)).toISOString();
  const at = date ? new Date(date).getTime() : NaN;
  return Number.isNaN(at) || at <= now ? null : new Date(at).toISOString();
}

export interface CommunePoint {
  insee: string;
  name: string;
  centroid: [number, number];
}

/** The card's place: a chosen commune as is; a point or an address in the commune whose centre is nearest. */
export function placeOf(place: PatientPlace, communes: readonly CommunePoint[]): CareRequest['place'] {
  const point = { lat: place.lat, lon: place.lon };
  // A place that knows its commune (chosen, found from an address, the practice's) keeps it.
  const known = place.insee ? communes.find((c) => c.insee === place.insee) : undefined;
  if (known) return { commune: known.name, communeInsee: known.insee, ...point };
  if (place.source === 'commune' && place.insee) return { commune: place.label, communeInsee: place.insee, ...point };
  let best: CommunePoint | undefined;
  let bestKm = Infinity;
  for (const c of communes) {
    const km = distanceKm(point, { lat: c.centroid[1], lon: c.centroid[0] });
    if (km < bestKm) [best, bestKm] = [c, km];
  }
  return best ? { commune: best.name, communeInsee: best.insee, ...point } : { commune: place.label || '—', ...point };
}

export interface Context {
  user: SessionUser;
  requestId: string;
  now: number;
  communes: readonly CommunePoint[];
  status: 'sent' | 'draft';
  /** The stored draft being edited, if any. */
  previous?: CareRequest;
}

const optional = (value: string) => value.trim() || undefined;

export function toDocuments(form: RequestForm, ctx: Context): { request: CareRequest; patient: PatientBlock } {
  const at = new Date(ctx.now).toISOString();
  const createdAt = ctx.previous?.createdAt ?? at;
  const request = {
    id: ctx.requestId,
    requesterId: ctx.user.memberId,
    type: form.type,
    target: { professions: form.professions, specialty: optional(form.specialty) },
    urgency: form.urgency,
    deadline: deadlineOf(form.urgency, form.date, ctx.now) ?? '',
    place: form.place ? placeOf(form.place, ctx.communes) : undefined,
    question: form.question.trim(),
    usualProfessionalId: optional(form.usualProfessionalId),
    photos: form.photos.map(({ id, contentType }) => ({ id, contentType })),
    status: ctx.status,
    createdAt,
    updatedAt: at,
  } as CareRequest;
  const patient = {
    id: patientIdOf(ctx.requestId),
    requestId: ctx.requestId,
    requesterId: ctx.user.memberId,
    identity: {
      lastName: form.lastName.trim(), firstName: form.firstName.trim(), birthDate: isoBirthDate(form.birthDate), sex: form.sex || undefined,
      address: optional(form.address), phone: optional(form.phone), usualDoctor: optional(form.usualDoctor),
    },
    insStatus: 'non-qualifiee',
    consent: { informed: form.consent, at, by: ctx.user.memberId },
    createdAt,
    updatedAt: at,
  } as PatientBlock;
  return { request: dropUndefined(request), patient: dropUndefined(patient) };
}

/**
 * A birth date as typed on a phone's number pad (« 12/05/1941 », « 12051941 », « 1/5/1941 ») or
 * stored (ISO), in ISO form; anything else is returned as typed, for the check to refuse.
 */
export function isoBirthDate(typed: string): string {
  const text = typed.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const parts = /^(\d{1,2})[/.\- ]?(\d{1,2})[/.\- ]?(\d{4})$/.exec(text);
  if (!parts) return text;
  const [, d, m, y] = parts;
  return `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
}

/** True for an ISO date that exists (no 31 April, no month 13). */
function isCalendarDate(iso: string): boolean {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!parts) return false;
  const date = new Date(Date.UTC(+parts[1], +parts[2] - 1, +parts[3]));
  return date.toISOString().slice(0, 10) === iso;
}

/** What the birth date field shows while digits are typed: the slashes put in (« 120519 » → « 12/05/19 »). */
export function maskBirthDate(typed: string): string {
  if (/[^\d/]/.test(typed)) return typed;
  const digits = typed.replace(/\D/g, '').slice(0, 8);
  return [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4)].filter(Boolean).join('/');
}

/** An ISO date as the field shows it (« 1941-05-12 » → « 12/05/1941 »). */
export function shownBirthDate(iso: string): string {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return parts ? `${parts[3]}/${parts[2]}/${parts[1]}` : iso;
}

/** JSON Schema sees `undefined` as a present key in some validators; documents never carry one. */
function dropUndefined<T>(doc: T): T {
  return JSON.parse(JSON.stringify(doc)) as T;
}

/** The form input a validator error belongs to. */
export function formKeyOf(field: string): FormKey | undefined {
  const [head, last] = [field.split('.')[0], field.split('.').pop() ?? ''];
  if (head === 'target') return last === 'specialty' ? 'specialty' : 'professions';
  if (head === 'deadline' || head === 'urgency') return 'urgency';
  if (head === 'place') return 'place';
  if (head === 'photos') return 'photos';
  if (head === 'consent') return 'consent';
  if (head === 'identity') return last as FormKey;
  return (['type', 'question', 'usualProfessionalId'] as FormKey[]).find((k) => k === head);
}

/** The patient block is `null` for a draft whose patient part is not complete yet (saved later). */
export type Checked = { ok: true; request: CareRequest; patient: PatientBlock | null } | { ok: false; errors: FormErrors; message?: string };

const PATIENT_KEYS: ReadonlySet<FormKey> = new Set(['lastName', 'firstName', 'birthDate', 'sex', 'address', 'phone', 'usualDoctor', 'consent']);

const e = fr.requests.form.errors;

/**
 * Checks the form as the server will, plus what only the form knows (a past date, an unticked
 * consent). A draft needs a complete card; its patient block is kept only once complete.
 */
export function checkForm(form: RequestForm, ctx: Context): Checked {
  const { request, patient } = toDocuments(form, ctx);
  const draft = ctx.status === 'draft';
  const errors: FormErrors = {};
  const patientErrors: FormErrors = {};
  const add = (key: FormKey | undefined, message: string) => {
    const into = key && PATIENT_KEYS.has(key) ? patientErrors : errors;
    if (key && !into[key]) into[key] = message;
  };
  if (!form.type) add('type', e.type);
  if (!form.professions.length) add('professions', e.professions);
  if (!request.deadline) add('urgency', form.urgency === 'date' ? e.date : e.required);
  if (!form.place) add('place', e.place);
  if (!form.consent) add('consent', e.consent);
  const birthDate = isoBirthDate(form.birthDate);
  if (form.birthDate && !isCalendarDate(birthDate)) add('birthDate', e.birthDateFormat);
  else if (birthDate > new Date(ctx.now).toISOString().slice(0, 10)) add('birthDate', e.birthDateFuture);
  for (const result of [requestsPolicy.validate(request), patientsPolicy.validate(patient)]) {
    if (result.ok) continue;
    for (const error of result.errors) {
      const key = formKeyOf(error.field);
      // An empty required field fails on its format or its length: say it is missing.
      add(key, key && form[key] === '' ? e.required : error.message);
    }
  }
  const patientComplete = Object.keys(patientErrors).length === 0;
  if (!draft) Object.assign(errors, patientErrors);
  if (Object.keys(errors).length) return { ok: false, errors };
  const refusal = requestsPolicy.refuseWrite(ctx.user, ctx.previous, request) ?? (patientComplete ? patientsPolicy.refuseWrite(ctx.user, undefined, patient) : null);
  if (refusal) return { ok: false, errors, message: refusal.charAt(0).toUpperCase() + refusal.slice(1) + '.' };
  return { ok: true, request, patient: patientComplete ? patient : null };
}

/** The form of a stored draft, to edit it. */
export function formOf(request: CareRequest, patient: PatientBlock | undefined): RequestForm {
  const id = patient?.identity;
  return {
    ...emptyForm(),
    type: request.type as RequestType,
    professions: [...request.target.professions],
    specialty: request.target.specialty ?? '',
    urgency: request.urgency as Urgency,
    date: request.urgency === 'date' ? toLocalInput(request.deadline) : '',
    place: { lat: request.place.lat, lon: request.place.lon, label: request.place.commune, source: request.place.communeInsee ? 'commune' : 'map', insee: request.place.communeInsee },
    question: request.question,
    usualProfessionalId: request.usualProfessionalId ?? '',
    photos: request.photos.map((p) => ({ ...p, name: '', size: 0 })),
    lastName: id?.lastName ?? '', firstName: id?.firstName ?? '', birthDate: shownBirthDate(id?.birthDate ?? ''), sex: id?.sex ?? '',
    address: id?.address ?? '', phone: id?.phone ?? '', usualDoctor: id?.usualDoctor ?? '', consent: Boolean(patient),
  };
}

/** An ISO date as a `datetime-local` value in the device's time. */
function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
