/** What a device may say about an error, made safe: applied on the device, and again on the server, which trusts no client. */

/** Longest message kept: enough to tell errors apart, too short to carry a record. */
export const MESSAGE_LENGTH = 200;
/** Scrubbing works on at most this much of a message; the cut to MESSAGE_LENGTH then drops the rest. */
const SCRUB_INPUT = 2000;

// Anything after `?` or `#` in a URL or a path (query strings carry ids, tokens, search terms).
const URL_TAIL = /((?:[a-z][a-z0-9+.-]*:\/\/|\/)[^\s?#]*)[?#]\S*/gi;
// A bare query string, without its URL: `?since=12&id=…`.
const QUERY = /\?\S*=\S*/g;
// Anything with an @ between two words: e-mail addresses, user@host.
const EMAIL = /[^\s@<>()[\]"',;:]+@[^\s@<>()[\]"',;:]+/g;
// Long letter-and-digit runs: tokens, keys, signatures.
const TOKEN = /[A-Za-z0-9+_=-]{32,}/g;
// Six digits or more, with or without separators: phone, NIR, RPPS, ADELI, SIRET, dates of birth.
const DIGITS = /\+?\d(?:[\s./-]?\d){5,}/g;
// A JSON object and all that follows: a document's fields (RxDB puts its parameters in messages).
const OBJECT = /\{.*$/;
// Control characters other than line breaks.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** The first line only: the next ones hold a stack, or RxDB's parameters with whole documents. */
function firstLine(text: string): string {
  return text.split(/[\r\n]+/).find((line) => line.trim() !== '') ?? '';
}

/**
 * The message's first line without JSON objects, e-mail addresses, long numbers, URL query strings
 * or tokens, at most MESSAGE_LENGTH characters.
 */
export function scrubMessage(text: string, max = MESSAGE_LENGTH): string {
  const safe = firstLine(text.slice(0, SCRUB_INPUT))
    .replace(CONTROL, ' ')
    .replace(OBJECT, '{…}')
    .replace(URL_TAIL, '$1')
    .replace(QUERY, '')
    .replace(EMAIL, '[e-mail]')
    .replace(TOKEN, '[jeton]')
    .replace(DIGITS, '[nombre]')
    .replace(/\s+/g, ' ')
    .trim();
  return safe.length > max ? `${safe.slice(0, max - 1)}…` : safe;
}

/** The page's path as a pattern: no query string, and every segment that is not a plain word becomes `:id`. */
export function scrubRoute(path: string): string {
  const bare = path.split(/[?#]/)[0].slice(0, 200);
  const segments = bare.split('/').map((segment) => (segment === '' || /^[a-z][a-z-]{0,39}$/.test(segment) ? segment : ':id'));
  return segments.join('/') || '/';
}

/** An error's class name (`TypeError`, `QuotaExceededError`, `RxError (SNH)`), or `Error` when it is anything else. */
export function scrubName(name: unknown): string {
  return typeof name === 'string' && /^[A-Za-z][A-Za-z0-9_$]{0,59}( \([A-Z0-9_]{1,20}\))?$/.test(name) ? name : 'Error';
}
