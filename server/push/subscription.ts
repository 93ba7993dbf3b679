/** Checks a browser's `PushSubscription.toJSON()` before it is stored: a push service address and its two keys of the right lengths. */
import { badRequest, type HttpError } from '../http/errors';

export interface PushSubscriptionInput {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

export const MAX_ENDPOINT_LENGTH = 1000;
/** An uncompressed P-256 point (0x04, x, y) and a 16-byte authentication secret (RFC 8291). */
const P256DH_BYTES = 65;
const AUTH_BYTES = 16;
const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

function invalid(field: string, message: string): HttpError {
  return badRequest(`Champ « ${field} » : ${message}.`, [{ field, message }]);
}

/**
 * Browsers' push services are all `https`; `http` is accepted outside production only (a local
 * push service in tests), so that no member can make the server POST to a plain address inside
 * the hosting network.
 */
export function parseEndpoint(raw: unknown, allowHttp: boolean): string {
  if (typeof raw !== 'string' || raw.length === 0) throw invalid('endpoint', 'adresse du service de notification manquante');
  if (raw.length > MAX_ENDPOINT_LENGTH) throw invalid('endpoint', `adresse de plus de ${MAX_ENDPOINT_LENGTH} caractères`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid('endpoint', 'adresse invalide');
  }
  const protocols = allowHttp ? ['https:', 'http:'] : ['https:'];
  if (!protocols.includes(url.protocol)) throw invalid('endpoint', allowHttp ? 'l’adresse doit commencer par https:// ou http://' : 'l’adresse doit commencer par https://');
  if (url.username || url.password || !url.hostname) throw invalid('endpoint', 'adresse invalide');
  return raw;
}

/** The key decoded from base64url and re-encoded without padding, or a 400 naming the field. */
function key(raw: unknown, field: string, bytes: number): string {
  if (typeof raw !== 'string' || !BASE64URL.test(raw) || raw.length > 200) throw invalid(field, 'clé absente ou mal encodée (base64url attendu)');
  const decoded = Buffer.from(raw, 'base64url');
  if (decoded.length !== bytes) throw invalid(field, `la clé doit faire ${bytes} octets`);
  if (field === 'keys.p256dh' && decoded[0] !== 0x04) throw invalid(field, 'clé publique P-256 non compressée attendue');
  return decoded.toString('base64url');
}

export function parseSubscription(body: unknown, options: { allowHttp: boolean }): PushSubscriptionInput {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('Envoyez l’abonnement du navigateur (PushSubscription.toJSON()) en JSON.');
  const { endpoint, keys } = body as { endpoint?: unknown; keys?: unknown };
  const parsedEndpoint = parseEndpoint(endpoint, options.allowHttp);
  if (typeof keys !== 'object' || keys === null) throw invalid('keys', 'clés de chiffrement manquantes');
  const { p256dh, auth } = keys as Record<string, unknown>;
  return { endpoint: parsedEndpoint, keys: { p256dh: key(p256dh, 'keys.p256dh', P256DH_BYTES), auth: key(auth, 'keys.auth', AUTH_BYTES) } };
}
