/** How the French strings write numbers, plurals and names. */
export function plural(n: number, one: string, many: string): string {
  return n <= 1 ? one : many;
}

/** « 1 675 », with the narrow no-break space French uses between thousands. */
export const number = (n: number): string => n.toLocaleString('fr-FR');

/** « de » before a name, elided before a vowel or a mute h: « d’Arthur », « d’Hélène », « de Marie ». */
export function deName(name: string): string {
  return /^[aeiouyhàâäéèêëîïôöùûü]/i.test(name.normalize('NFC')) ? `d’${name}` : `de ${name}`;
}
