/** The Luhn key used by SIRET (and perhaps by RPPS), shared by the identifier checks and the demo generator. */

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
