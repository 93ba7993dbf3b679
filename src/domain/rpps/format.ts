/** Turning the extract's raw values into the directory's: names, street, phones, e-mail, specialty. */
import { GENERAL_PRACTICE, SPECIALTIES } from '../members/professions';

const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/** « DUPONT-MARTIN » → « Dupont-Martin », « D'ALMEIDA » → « D'Almeida »; a name already in mixed case is kept. */
export function nameCase(raw: string): string {
  const name = raw.replace(/\s+/g, ' ').trim();
  if (name !== name.toUpperCase()) return name;
  return name.toLowerCase().replace(/(^|[\s'’-])(\p{L})/gu, (_, sep: string, letter: string) => sep + letter.toUpperCase());
}

const REPETITION: Record<string, string> = { B: 'bis', T: 'ter', Q: 'quater', C: 'quinquies' };

/** « 12 », « B », « Rue », « de la Gare » → « 12 bis Rue de la Gare ». */
export function street(number: string, repetition: string, type: string, name: string): string {
  const rep = REPETITION[repetition.toUpperCase()] ?? repetition;
  return [number, rep, type, name].filter(Boolean).join(' ').replace(/\s+/g, ' ').trim().slice(0, 200);
}

/**
 * A French phone number as the directory writes it (« 06 12 34 56 78 »), or undefined when it is
 * not one: such a number is dropped rather than the whole entry, which stays useful without it.
 */
export function phone(raw: string): string | undefined {
  // « +33 (0)3 87… » carries the trunk 0 after the country code.
  let digits = raw.replace(/[\s.\-/()]/g, '').replace(/^(\+33|0033)0/, '$1');
  if (/^(\+33|0033)[1-9][0-9]{8}$/.test(digits)) digits = '0' + digits.slice(digits.length - 9);
  if (!/^0[1-9][0-9]{8}$/.test(digits)) return undefined;
  return digits.replace(/(\d{2})(?=\d)/g, '$1 ');
}

export function isMobile(formatted: string): boolean {
  return /^0[67]/.test(formatted);
}

/** The first mobile (06, 07) and the first other number of the row. */
export function phones(raws: string[]): { mobile?: string; landline?: string } {
  const out: { mobile?: string; landline?: string } = {};
  for (const raw of raws) {
    const n = phone(raw);
    if (!n) continue;
    if (isMobile(n)) out.mobile ??= n;
    else out.landline ??= n;
  }
  return out;
}

/** The e-mail address in lower case, or undefined when it is not one (dropped, as a bad phone number). */
export function email(raw: string): string | undefined {
  const value = raw.trim().toLowerCase();
  return value.length <= 254 && EMAIL.test(value) ? value : undefined;
}

const key = (s: string) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/[^a-z]+/g, ' ').trim();

/** The extract's wordings of specialties the directory names otherwise (matched on their beginning). */
const SPECIALTY_ALIASES: Array<[string, string]> = [
  ['medecine generale', GENERAL_PRACTICE],
  ['qualifie en medecine generale', GENERAL_PRACTICE],
  ['specialiste en medecine generale', GENERAL_PRACTICE],
  ['oto rhino laryngologie', 'ORL'],
  ['radio diagnostic', 'Radiologie'],
  ['radiodiagnostic', 'Radiologie'],
  ['gynecologie', 'Gynécologie'],
  ['cardiologie', 'Cardiologie'],
  ['dermatologie', 'Dermatologie'],
  ['endocrinologie', 'Endocrinologie'],
  ['gastro enterologie', 'Gastro-entérologie'],
  ['chirurgie urologique', 'Urologie'],
  ...SPECIALTIES.map((s): [string, string] => [key(s), s]),
];

/** « Médecine Générale » → « Médecine générale »; a specialty the directory knows gets its name; others are put in sentence case. */
export function specialty(raw: string): string {
  const label = raw.replace(/\s+/g, ' ').trim();
  if (!label) return '';
  const k = key(label);
  const known = SPECIALTY_ALIASES.find(([alias]) => k === alias || k.startsWith(alias + ' '));
  if (known) return known[1];
  return (label.charAt(0).toUpperCase() + label.slice(1).toLowerCase()).slice(0, 200);
}
