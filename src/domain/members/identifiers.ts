/** National identifiers of professionals and structures: the Luhn key (SIRET, perhaps RPPS) and the checks of RPPS, ADELI, FINESS and SIRET. */

/** True when the digits carry a valid Luhn key (the last digit). */
export function luhnValid(digits: string): boolean {
  if (!/^[0-9]+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The digit that, appended to `body`, makes a valid Luhn number. */
export function luhnKey(body: string): string {
  for (let k = 0; k <= 9; k++) if (luhnValid(body + k)) return String(k);
  throw new Error('unreachable: one Luhn key always exists');
}

/**
 * Checks of the national identifiers a registration gives: RPPS, ADELI, FINESS, SIRET. An error
 * refuses the number; a warning lets it through for a coordinator to look at.
 */
export type IdentifierKind = 'rpps' | 'adeli' | 'finess' | 'siret';

export const IDENTIFIER_KINDS: readonly IdentifierKind[] = ['rpps', 'adeli', 'finess', 'siret'];

export const IDENTIFIER_LABELS: Record<IdentifierKind, string> = { rpps: 'RPPS', adeli: 'ADELI', finess: 'FINESS', siret: 'SIRET' };

export type IdentifierCheck = { ok: true; warning?: string } | { ok: false; error: string };

/** The SIREN of La Poste, whose establishments' SIRET do not carry a Luhn key. */
const LA_POSTE_SIREN = '356000000';
/** La Poste's head office, the one SIRET of that SIREN that does carry a Luhn key. */
const LA_POSTE_HEAD_OFFICE = '35600000000048';

/** As typed by a person: spaces, dots and dashes removed, letters upper-cased (FINESS « 2a » → « 2A »). */
export function compactIdentifier(raw: string): string {
  return raw.replace(/[\s.-]/g, '').toUpperCase();
}

export function checkRpps(value: string): IdentifierCheck {
  if (!/^[0-9]{11}$/.test(value)) return { ok: false, error: 'le numéro RPPS compte 11 chiffres' };
  // Whether the RPPS ends with a Luhn key is not established: a mismatch is only reported.
  if (!luhnValid(value)) return { ok: true, warning: 'le dernier chiffre (clé de contrôle) ne correspond pas aux autres : numéro à vérifier par la coordination' };
  return { ok: true };
}

export function checkAdeli(value: string): IdentifierCheck {
  return /^[0-9]{9}$/.test(value) ? { ok: true } : { ok: false, error: 'le numéro ADELI compte 9 chiffres' };
}

/** 9 characters: the département first (2A or 2B for Corsica), then digits. */
export function checkFiness(value: string): IdentifierCheck {
  return /^([0-9]{2}|2A|2B)[0-9]{7}$/.test(value)
    ? { ok: true }
    : { ok: false, error: 'le numéro FINESS compte 9 caractères : des chiffres, 2A ou 2B au début pour la Corse' };
}

function digitSum(digits: string): number {
  return [...digits].reduce((sum, d) => sum + Number(d), 0);
}

/** 14 digits with a Luhn key; La Poste's establishments instead have a digit sum that is a multiple of 5. */
export function checkSiret(value: string): IdentifierCheck {
  if (!/^[0-9]{14}$/.test(value)) return { ok: false, error: 'le numéro SIRET compte 14 chiffres' };
  const laPoste = value.startsWith(LA_POSTE_SIREN) && value !== LA_POSTE_HEAD_OFFICE;
  // The SIREN (first 9 digits) carries its own Luhn key, La Poste's included.
  const valid = luhnValid(value.slice(0, 9)) && (laPoste ? digitSum(value) % 5 === 0 : luhnValid(value));
  return valid ? { ok: true } : { ok: false, error: 'le numéro SIRET est incorrect (clé de contrôle invalide)' };
}

const CHECKS: Record<IdentifierKind, (value: string) => IdentifierCheck> = { rpps: checkRpps, adeli: checkAdeli, finess: checkFiness, siret: checkSiret };

export function checkIdentifier(kind: IdentifierKind, value: string): IdentifierCheck {
  return CHECKS[kind](value);
}
