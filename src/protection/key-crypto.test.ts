import { describe, expect, it } from 'vitest';
import { databasePassword, fromBase64Url, pinProblem, toBase64Url, unwrapWithPin, wrapWithPin } from './key-crypto';

const secret = toBase64Url(Uint8Array.from({ length: 32 }, (_, i) => i * 7));
const other = toBase64Url(Uint8Array.from({ length: 32 }, (_, i) => 255 - i));
/** Fewer rounds than on a device, for speed: the rounds are a parameter stored with the wrapped key. */
const ROUNDS = 1_000;

describe('database password', () => {
  it('is derived, stable, and differs per secret and per account', async () => {
    const password = await databasePassword(secret, 'acc-1');
    expect(password).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(password).not.toBe(secret);
    expect(await databasePassword(secret, 'acc-1')).toBe(password);
    expect(await databasePassword(secret, 'acc-2')).not.toBe(password);
    expect(await databasePassword(other, 'acc-1')).not.toBe(password);
  });

  it('refuses anything but a 32-byte base64url secret', async () => {
    await expect(databasePassword('court', 'acc-1')).rejects.toThrow(/32-byte/);
    await expect(databasePassword(toBase64Url(new Uint8Array(16)), 'acc-1')).rejects.toThrow(/32-byte/);
  });
});

describe('secret wrapped under a PIN', () => {
  it('gives the secret back with the right PIN only', async () => {
    const wrapped = await wrapWithPin(secret, 3, 'acc-1', '482915', ROUNDS);
    expect(wrapped).toMatchObject({ format: 1, accountId: 'acc-1', version: 3, iterations: ROUNDS });
    expect(JSON.stringify(wrapped)).not.toContain(secret);
    expect(fromBase64Url(wrapped.data)).toHaveLength(32 + 16);
    expect(await unwrapWithPin(wrapped, '482915')).toBe(secret);
    expect(await unwrapWithPin(wrapped, '482916')).toBeNull();
  });

  it('uses a fresh salt each time, and a record moved to another account or version no longer opens', async () => {
    const a = await wrapWithPin(secret, 1, 'acc-1', '482915', ROUNDS);
    const b = await wrapWithPin(secret, 1, 'acc-1', '482915', ROUNDS);
    expect(a.salt).not.toBe(b.salt);
    expect(a.data).not.toBe(b.data);
    expect(await unwrapWithPin({ ...a, accountId: 'acc-2' }, '482915')).toBeNull();
    expect(await unwrapWithPin({ ...a, version: 2 }, '482915')).toBeNull();
    expect(await unwrapWithPin({ ...a, iterations: ROUNDS + 1 }, '482915')).toBeNull();
  });
});

describe('PIN rules', () => {
  it('asks for 6 to 12 digits, not a repeated digit nor a run', () => {
    expect(pinProblem('482915')).toBeNull();
    expect(pinProblem('482915203741')).toBeNull();
    for (const bad of ['', '12345', '48291a', '4829152037411', ' 482915']) expect(pinProblem(bad), bad).toMatch(/6 à 12 chiffres/);
    for (const trivial of ['000000', '123456', '654321', '890123', '99999999']) expect(pinProblem(trivial), trivial).toMatch(/facile/);
  });
});
