/** Typed HTTP errors carrying their status and a French message, and the one function that turns any error into a response. */
import type { ErrorBody, FieldError } from '../../src/domain/validation';

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly fields?: FieldError[],
  ) {
    super(message);
  }
}

export const badRequest = (message: string, fields?: FieldError[]) => new HttpError(400, message, fields);
export const unauthorized = (message = 'Connexion requise : votre session est absente ou expirée.') => new HttpError(401, message);
export const forbidden = (message: string) => new HttpError(403, message);
export const notFound = (message = 'Ressource introuvable.') => new HttpError(404, message);
export const conflict = (message: string) => new HttpError(409, message);
export const unavailable = (message = 'Le stockage est momentanément indisponible, réessayez dans un instant.') =>
  new HttpError(503, message);

/** Messages for the errors Fastify itself raises before our code runs (bad JSON, body too large…). */
const FRAMEWORK_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'Le corps de la requête n’est pas du JSON valide.',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'Le corps de la requête est vide alors que du JSON est attendu.',
  FST_ERR_CTP_BODY_TOO_LARGE: 'Le corps de la requête est trop volumineux.',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Type de contenu non pris en charge : envoyez du JSON (application/json).',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'La longueur annoncée du corps de la requête est incorrecte.',
  FST_ERR_VALIDATION: 'La requête est mal formée.',
  FST_ERR_BAD_URL: 'L’adresse demandée est mal formée.',
};

/** Maps any thrown value to a status and a body; unknown errors become a 500 without details. */
export function toErrorResponse(err: unknown): { status: number; body: ErrorBody } {
  if (err instanceof HttpError) {
    return { status: err.status, body: err.fields ? { error: err.message, fields: err.fields } : { error: err.message } };
  }
  const e = err as { code?: string; statusCode?: number };
  if (e?.code && FRAMEWORK_MESSAGES[e.code]) {
    return { status: e.statusCode && e.statusCode < 500 ? e.statusCode : 400, body: { error: FRAMEWORK_MESSAGES[e.code] } };
  }
  if (e?.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    return { status: e.statusCode, body: { error: 'La requête est invalide.' } };
  }
  return { status: 500, body: { error: 'Erreur interne du serveur. L’incident est journalisé.' } };
}
