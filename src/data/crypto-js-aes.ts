/**
 * What RxDB's encryption plugin takes from `crypto-js`: AES (with its OpenSSL-style key derivation)
 * and UTF-8, without the library's other ciphers and hashes (about 15 KB gzipped the first screen
 * need not fetch). `vite.config.ts` resolves the plugin's `import pkg from 'crypto-js'` here: the same
 * functions of the same library, so what a device encrypted before stays readable.
 */
import AES from 'crypto-js/aes';
import Utf8 from 'crypto-js/enc-utf8';

const aesOnly: { AES: typeof AES; enc: { Utf8: typeof Utf8 } } = { AES, enc: { Utf8 } };
export default aesOnly;
