import { createECDH, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { HttpError } from '../http/errors';
import { parseEndpoint, parseSubscription } from './subscription';

const p256dh = createECDH('prime256v1').generateKeys().toString('base64url');
const auth = randomBytes(16).toString('base64url');
const valid = { endpoint: 'https://fcm.googleapis.com/fcm/send/abc:def', expirationTime: null, keys: { p256dh, auth } };

/** The field named in the 400, or a failure when it does not throw one. */
function refusedField(run: () => unknown): string | undefined {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(HttpError);
    expect((err as HttpError).status).toBe(400);
    return (err as HttpError).fields?.[0]?.field;
  }
  throw new Error('accepted');
}

describe('push subscription from the browser', () => {
  it('accepts PushSubscription.toJSON() and keeps only the endpoint and the keys', () => {
    expect(parseSubscription(valid, { allowHttp: false })).toEqual({ endpoint: valid.endpoint, keys: { p256dh, auth } });
  });

  it('normalises padded base64url keys', () => {
    const padded = { ...valid, keys: { p256dh: p256dh + '=', auth: auth + '==' } };
    expect(parseSubscription(padded, { allowHttp: false }).keys).toEqual({ p256dh, auth });
  });

  it('accepts http endpoints only when allowed (outside production)', () => {
    const local = { ...valid, endpoint: 'http://127.0.0.1:9999/push/1' };
    expect(parseSubscription(local, { allowHttp: true }).endpoint).toBe(local.endpoint);
    expect(refusedField(() => parseSubscription(local, { allowHttp: false }))).toBe('endpoint');
  });

  it('refuses bad endpoints, naming the field', () => {
    for (const endpoint of [undefined, '', 'pas une url', 'ftp://push.example/1', 'javascript:alert(1)', 'https://user:pw@push.example/1', 'https://push.example/' + 'a'.repeat(1000)]) {
      expect(refusedField(() => parseSubscription({ ...valid, endpoint }, { allowHttp: true })), String(endpoint)).toBe('endpoint');
    }
    expect(parseEndpoint('https://push.example/' + 'a'.repeat(1000 - 21), false)).toHaveLength(1000);
  });

  it('refuses keys of the wrong length or encoding, naming the field', () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ p256dh: randomBytes(64).toString('base64url'), auth }, 'keys.p256dh'],
      [{ p256dh: Buffer.concat([Buffer.from([2]), randomBytes(64)]).toString('base64url'), auth }, 'keys.p256dh'],
      // Standard base64 (04 fb ff encodes as "BPv/": a '/' base64url never has, whatever the random rest).
      [{ p256dh: Buffer.concat([Buffer.from([0x04, 0xfb, 0xff]), randomBytes(62)]).toString('base64'), auth }, 'keys.p256dh'],
      [{ auth }, 'keys.p256dh'],
      [{ p256dh, auth: randomBytes(15).toString('base64url') }, 'keys.auth'],
      [{ p256dh, auth: randomBytes(32).toString('base64url') }, 'keys.auth'],
      [{ p256dh, auth: 'pas de la base64!' }, 'keys.auth'],
      [{ p256dh, auth: 12 }, 'keys.auth'],
    ];
    for (const [keys, field] of cases) expect(refusedField(() => parseSubscription({ ...valid, keys }, { allowHttp: false })), JSON.stringify(keys)).toBe(field);
    expect(refusedField(() => parseSubscription({ endpoint: valid.endpoint }, { allowHttp: false }))).toBe('keys');
  });

  it('refuses a body that is not an object', () => {
    for (const body of [null, 'texte', [valid]]) expect(() => parseSubscription(body, { allowHttp: false })).toThrow(HttpError);
  });
});
