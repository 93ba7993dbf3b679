/**
 * The device key's cryptography (WebCrypto, pure): the encrypted local database's password derived
 * from the secret the server releases to a session, and that secret wrapped under a PIN so the
 * device can open patient data without network.
 */
import * as fr from '../i18n/fr';

const encoder = new TextEncoder();
/** PBKDF2-SHA-256 rounds for a PIN (OWASP's 2023 figure): about half a second on a phone. */
export const PIN_ITERATIONS = 600_000;

export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function secretBytes(secret: string): Uint8Array<ArrayBuffer> {
  const bytes = /^[A-Za-z0-9_-]{43}$/.test(secret) ? fromBase64Url(secret) : new Uint8Array();
  if (bytes.length !== 32) throw new Error('device key: a 32-byte base64url secret is expected');
  return bytes;
}

/**
 * The password of the encrypted local database: HKDF-SHA-256 of the server's secret, bound to the
 * account, so the secret itself is never what the storage layer holds.
 */
export async function databasePassword(secret: string, accountId: string): Promise<string> {
  const ikm = await crypto.subtle.importKey('raw', secretBytes(secret), 'HKDF', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits(
    { name: 'HKDF', hash: 'SHA-256', salt: encoder.encode('cpts-device-key-v1'), info: encoder.encode(`rxdb:${accountId}`) },
    ikm,
    256,
  );
  return toBase64Url(new Uint8Array(bits));
}

/** The server's secret encrypted under a PIN (AES-GCM, key from PBKDF2), bound to its account and version. */
export interface WrappedKey {
  format: 1;
  accountId: string;
  version: number;
  iterations: number;
  salt: string;
  iv: string;
  data: string;
}

async function pinKey(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(pin), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

const boundTo = (accountId: string, version: number) => encoder.encode(`${accountId}:${version}`);

export async function wrapWithPin(secret: string, version: number, accountId: string, pin: string, iterations = PIN_ITERATIONS): Promise<WrappedKey> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await pinKey(pin, salt, iterations);
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: boundTo(accountId, version) }, key, secretBytes(secret));
  return { format: 1, accountId, version, iterations, salt: toBase64Url(salt), iv: toBase64Url(iv), data: toBase64Url(new Uint8Array(data)) };
}

/** The secret, or null when the PIN is wrong (or the record was altered: AES-GCM checks both). */
export async function unwrapWithPin(wrapped: WrappedKey, pin: string): Promise<string | null> {
  const key = await pinKey(pin, fromBase64Url(wrapped.salt), wrapped.iterations);
  try {
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64Url(wrapped.iv), additionalData: boundTo(wrapped.accountId, wrapped.version) },
      key,
      fromBase64Url(wrapped.data),
    );
    return toBase64Url(new Uint8Array(plain));
  } catch {
    return null;
  }
}

/** Why a PIN is refused (in French), or null: 6 to 12 digits, not one digit repeated nor a run like 123456. */
export function pinProblem(pin: string): string | null {
  if (!/^[0-9]{6,12}$/.test(pin)) return fr.protection.pinFormat;
  const steps = new Set([...pin].slice(1).map((c, i) => (Number(c) - Number(pin[i]) + 10) % 10));
  if (steps.size === 1 && [0, 1, 9].includes([...steps][0])) return fr.protection.pinTrivial;
  return null;
}
