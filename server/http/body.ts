/** Reading JSON bodies defensively: an object, and string fields of bounded length, or a 400 naming the field. */
import { badRequest } from './errors';

export function objectBody(body: unknown): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('Envoyez un objet JSON.');
  return body as Record<string, unknown>;
}

export function stringField(body: Record<string, unknown>, field: string, maxLength = 200): string {
  const value = body[field];
  if (typeof value !== 'string' || value.length === 0 || value.length > maxLength) {
    throw badRequest(`Champ « ${field} » : valeur manquante ou invalide.`, [{ field, message: 'valeur manquante ou invalide' }]);
  }
  return value;
}
