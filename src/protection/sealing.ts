/**
 * Writing patient data while it is locked (WebCrypto, pure): a key pair made when the device key is
 * here, its public half kept in clear to seal what is written offline without the PIN, its private
 * half kept only encrypted under the device key. Sealed text can be read again only once the device
 * key is back (network or PIN): nothing written meanwhile is ever stored in clear.
 */
import { fromBase64Url, toBase64Url } from './key-crypto';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const RSA = { name: 'RSA-OAEP', hash: 'SHA-256' } as const;

/** The pair, bound to the account and the device key's version it was made under. */
export interface SealingKeys {
  format: 1;
  accountId: string;
  version: number;
  publicKey: JsonWebKey;
  /** The private key (PKCS #8) under AES-GCM with a key derived from the device key. */
  iv: string;
  privateKey: string;
}

/** A sealed text: its own AES-GCM key, wrapped with the public key. */
export interface Sealed {
  format: 1;
  version: number;
  key: string;
  iv: string;
  data: string;
}

function secretBytes(secret: string): Uint8Array<ArrayBuffer> {
  const bytes = fromBase64Url(secret);
  if (bytes.length !== 32) throw new Error('sealing: a 32-byte device secret is expected');
  return bytes;
}

async function privateWrappingKey(secret: string, accountId: string): Promise<CryptoKey> {
  const ikm = await crypto.subtle.importKey('raw', secretBytes(secret), 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: encoder.encode('cpts-sealing-v1'), info: encoder.encode(`sealing:${accountId}`) },
    ikm,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

const boundTo = (accountId: string, version: number) => encoder.encode(`${accountId}:${version}`);

export async function createSealingKeys(secret: string, version: number, accountId: string): Promise<SealingKeys> {
  const pair = (await crypto.subtle.generateKey({ ...RSA, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) }, true, ['encrypt', 'decrypt'])) as CryptoKeyPair;
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const pkcs8 = await crypto.subtle.exportKey('pkcs8', pair.privateKey);
  const wrapped = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: boundTo(accountId, version) }, await privateWrappingKey(secret, accountId), pkcs8);
  return { format: 1, accountId, version, publicKey: await crypto.subtle.exportKey('jwk', pair.publicKey), iv: toBase64Url(iv), privateKey: toBase64Url(new Uint8Array(wrapped)) };
}

/** Seals `text` with the public key alone: no secret is needed, none is kept. */
export async function seal(keys: SealingKeys, text: string): Promise<Sealed> {
  const publicKey = await crypto.subtle.importKey('jwk', keys.publicKey, RSA, false, ['encrypt']);
  const content = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt']);
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, content, encoder.encode(text));
  const raw = await crypto.subtle.exportKey('raw', content);
  const key = await crypto.subtle.encrypt(RSA, publicKey, raw);
  return { format: 1, version: keys.version, key: toBase64Url(new Uint8Array(key)), iv: toBase64Url(iv), data: toBase64Url(new Uint8Array(data)) };
}

/** Opens sealed texts with the device key's secret; null for one that cannot be (another key, altered). */
export async function unseal(keys: SealingKeys, secret: string, sealed: readonly Sealed[]): Promise<Array<string | null>> {
  let privateKey: CryptoKey;
  try {
    const pkcs8 = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64Url(keys.iv), additionalData: boundTo(keys.accountId, keys.version) },
      await privateWrappingKey(secret, keys.accountId),
      fromBase64Url(keys.privateKey),
    );
    privateKey = await crypto.subtle.importKey('pkcs8', pkcs8, RSA, false, ['decrypt']);
  } catch {
    return sealed.map(() => null);
  }
  return Promise.all(
    sealed.map(async (s) => {
      try {
        const raw = await crypto.subtle.decrypt(RSA, privateKey, fromBase64Url(s.key));
        const content = await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['decrypt']);
        return decoder.decode(await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64Url(s.iv) }, content, fromBase64Url(s.data)));
      } catch {
        return null;
      }
    }),
  );
}
