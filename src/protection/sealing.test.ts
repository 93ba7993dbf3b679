/** Tests of sealing what is written while patient data is locked (WebCrypto, as in the browser). */
import { describe, expect, it } from 'vitest';
import { toBase64Url } from './key-crypto';
import { createSealingKeys, seal, unseal } from './sealing';

const secret = toBase64Url(new Uint8Array(32).fill(7));
const otherSecret = toBase64Url(new Uint8Array(32).fill(9));
const NOTE = 'Digicode 4812B, clef chez la voisine du deuxième';

describe('sealing', () => {
  it('seals with the public key alone and opens with the device key only', async () => {
    const keys = await createSealingKeys(secret, 3, 'acc-nurse');
    const sealed = await seal(keys, NOTE);
    expect(JSON.stringify({ keys, sealed })).not.toContain('Digicode');
    expect(sealed.version).toBe(3);
    expect(await unseal(keys, secret, [sealed, await seal(keys, 'deuxième message')])).toEqual([NOTE, 'deuxième message']);
    expect(await unseal(keys, otherSecret, [sealed])).toEqual([null]);
  });

  it('keeps the private key bound to its account and version, and refuses altered data', async () => {
    const keys = await createSealingKeys(secret, 3, 'acc-nurse');
    const sealed = await seal(keys, NOTE);
    expect(await unseal({ ...keys, version: 4 }, secret, [sealed])).toEqual([null]);
    expect(await unseal({ ...keys, accountId: 'acc-other' }, secret, [sealed])).toEqual([null]);
    const flipped = sealed.data.charAt(0) === 'A' ? 'B' + sealed.data.slice(1) : 'A' + sealed.data.slice(1);
    expect(await unseal(keys, secret, [{ ...sealed, data: flipped }, sealed])).toEqual([null, NOTE]);
  });

  it('makes a new pair each time: a text sealed for one cannot be opened with another', async () => {
    const [a, b] = await Promise.all([createSealingKeys(secret, 1, 'acc-nurse'), createSealingKeys(secret, 1, 'acc-nurse')]);
    expect(await unseal(b, secret, [await seal(a, NOTE)])).toEqual([null]);
  });
});
