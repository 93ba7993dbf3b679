import CryptoJS from 'crypto-js';
import { describe, expect, it } from 'vitest';
import aesOnly from './crypto-js-aes';

const password = 'mot-de-passe-du-dispositif';
const text = 'Mme Dupont, 12 rue des Lilas — pansement à J+2';

describe('the AES-only part of crypto-js the app bundles', () => {
  it('reads what the whole library encrypted, the way RxDB decrypts', () => {
    const sealed = CryptoJS.AES.encrypt(text, password).toString();
    expect(aesOnly.AES.decrypt(sealed, password).toString(aesOnly.enc.Utf8)).toBe(text);
  });

  it('writes what the whole library reads', () => {
    const sealed = aesOnly.AES.encrypt(text, password).toString();
    expect(sealed).not.toContain('Dupont');
    expect(CryptoJS.AES.decrypt(sealed, password).toString(CryptoJS.enc.Utf8)).toBe(text);
  });
});
