/** The minimum strength of a password, checked on the client and again on the server. */

export const PASSWORD_MIN_LENGTH = 10;

/** `null` when acceptable, otherwise why not, in French. */
export function checkPassword(password: string, email = ''): string | null {
  if (password.length < PASSWORD_MIN_LENGTH) return `au moins ${PASSWORD_MIN_LENGTH} caractères`;
  if (password.length > 200) return 'au plus 200 caractères';
  if (new Set(password).size < 4) return 'trop simple : variez les caractères';
  const local = email.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= 4 && password.toLowerCase().includes(local)) return 'ne doit pas contenir votre adresse e-mail';
  return null;
}
