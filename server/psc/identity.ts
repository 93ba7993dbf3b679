/**
 * Reads the professional out of Pro Santé Connect's UserInfo claims: the national identifier
 * (`SubjectNameID`: `8` + RPPS, or `0` + ADELI), the names, the civility and the profession of the
 * first exercise (`SubjectRefPro.exercices[0].codeProfession`). Every field is checked; what does not
 * fit is left out.
 */
import type { PscPrefill } from '../../src/domain/psc/api';
import { PROFESSIONS } from '../../src/domain/members/professions';

export interface PscIdentity {
  rpps?: string;
  adeli?: string;
  firstName?: string;
  lastName?: string;
  civility?: '' | 'Dr' | 'M.' | 'Mme';
  /** An RPPS profession code the directory knows. */
  profession?: string;
}

type Claims = Record<string, unknown>;

const isObject = (value: unknown): value is Claims => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A name as the form takes it: trimmed, 1 to 100 printable characters. */
function name(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim().replace(/\s+/g, ' ');
  return trimmed && trimmed.length <= 100 && !/[\p{Cc}<>]/u.test(trimmed) ? trimmed : undefined;
}

/** The national identifier: « 8 » then the 11 digits of the RPPS, or « 0 » then the 9 digits of ADELI. */
function nationalId(value: unknown): Pick<PscIdentity, 'rpps' | 'adeli'> {
  if (typeof value !== 'string') return {};
  const rpps = /^8([0-9]{11})$/.exec(value);
  if (rpps) return { rpps: rpps[1] };
  const adeli = /^0([0-9]{9})$/.exec(value);
  return adeli ? { adeli: adeli[1] } : {};
}

/** `otherIds`, when `SubjectNameID` is something else: `{ identifiant, origine: 'RPPS' | 'ADELI' }`, with or without the prefix. */
function otherIds(value: unknown): Pick<PscIdentity, 'rpps' | 'adeli'> {
  if (!Array.isArray(value)) return {};
  for (const entry of value) {
    if (!isObject(entry) || typeof entry.identifiant !== 'string') continue;
    const id = entry.identifiant;
    if (entry.origine === 'RPPS' && /^8?[0-9]{11}$/.test(id)) return { rpps: id.slice(-11) };
    if (entry.origine === 'ADELI' && /^0?[0-9]{9}$/.test(id)) return { adeli: id.slice(-9) };
  }
  return {};
}

const CIVILITIES: Record<string, PscIdentity['civility']> = { DR: 'Dr', PR: 'Dr', M: 'M.', MME: 'Mme', MLLE: 'Mme' };

function civility(exercise: Claims | undefined, claims: Claims): PscIdentity['civility'] {
  for (const raw of [exercise?.codeCiviliteDexercice, claims.codeCivilite, isObject(claims.SubjectRefPro) ? claims.SubjectRefPro.codeCivilite : undefined]) {
    if (typeof raw === 'string' && CIVILITIES[raw.toUpperCase()]) return CIVILITIES[raw.toUpperCase()];
  }
  return undefined;
}

function firstExercise(claims: Claims): Claims | undefined {
  const refPro = claims.SubjectRefPro;
  const exercises = isObject(refPro) ? refPro.exercices : undefined;
  return Array.isArray(exercises) && isObject(exercises[0]) ? exercises[0] : undefined;
}

/** The professional behind the claims, or undefined when they carry no RPPS nor ADELI number. */
export function pscIdentity(claims: unknown): PscIdentity | undefined {
  if (!isObject(claims)) return undefined;
  const ids = { ...otherIds(claims.otherIds), ...nationalId(claims.SubjectNameID) };
  if (!ids.rpps && !ids.adeli) return undefined;
  const exercise = firstExercise(claims);
  const code = exercise?.codeProfession;
  const identity: PscIdentity = {
    ...ids,
    firstName: name(claims.given_name) ?? name(exercise?.prenomDexercice),
    lastName: name(claims.family_name) ?? name(exercise?.nomDexercice),
    civility: civility(exercise, claims),
    profession: typeof code === 'string' && Object.hasOwn(PROFESSIONS, code) ? code : undefined,
  };
  return Object.fromEntries(Object.entries(identity).filter(([, v]) => v !== undefined)) as PscIdentity;
}

/** The registration form's pre-fill for this identity. */
export function prefillOf(identity: PscIdentity): PscPrefill {
  const { rpps, adeli, ...rest } = identity;
  return { kind: 'professional', ...rest, identifiers: { ...(rpps ? { rpps } : {}), ...(adeli ? { adeli } : {}) } };
}
