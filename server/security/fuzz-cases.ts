/** Generated bad input for the fuzz suite: hostile values, bodies, content types, ids and cookies, from a seed. */
import { seeded, type Random } from '../demo/random';

export const TRICKY_STRINGS = [
  '', ' ', '../', '..%2F..%2F_config', '%2F', '_design/members', '_local/x', '_all_dbs', '_users', 'x'.repeat(100_000),
  '\u0000', '\uD800', '\u202Eevil', '😀'.repeat(1000), "'; DROP TABLE x;--", '<script>alert(1)</script>', '{"a":1}', 'null',
  'm-10000000017', 'r-0123456789abcdef', 'p-0123456789abcdef', '__proto__', 'constructor', 'NaN', '-1', '1e309',
];

export interface FuzzCase {
  method: string;
  path: string;
  body?: string;
  contentType?: string;
  cookie: 'member' | 'coordinator' | 'none' | 'garbage' | 'tampered';
}

function value(rnd: Random, depth = 0): unknown {
  const kind = rnd.int(0, depth > 3 ? 4 : 8);
  switch (kind) {
    case 0: return null;
    case 1: return rnd.chance(0.5);
    case 2: return rnd.pick([0, -1, 1.5, 2 ** 53, -(2 ** 63), 1e308]);
    case 3: return rnd.pick(TRICKY_STRINGS);
    case 4: return rnd.digits(rnd.int(1, 20));
    case 5: return Array.from({ length: rnd.int(0, 5) }, () => value(rnd, depth + 1));
    case 6: return Object.fromEntries(Array.from({ length: rnd.int(0, 5) }, () => [rnd.pick(['_id', '_rev', 'id', 'keys', 'docs', 'email', 'password', 'status', 'readers', '__proto__', 'constructor', 'kind', 'requestId', 'entries', 'memberId', rnd.pick(TRICKY_STRINGS).slice(0, 50)]), value(rnd, depth + 1)]));
    case 7: return { docs: Array.from({ length: rnd.int(0, 4) }, () => ({ _id: rnd.pick(TRICKY_STRINGS).slice(0, 100), ...(value(rnd, depth + 1) as object) })) };
    default: return { keys: Array.from({ length: rnd.int(0, 4) }, () => rnd.pick(TRICKY_STRINGS).slice(0, 300)) };
  }
}

function deep(n: number): string {
  return '['.repeat(n) + ']'.repeat(n);
}

function body(rnd: Random): { body?: string; contentType?: string } {
  const k = rnd.int(0, 9);
  if (k === 0) return {};
  if (k === 1) return { body: '{"docs": [', contentType: 'application/json' };
  if (k === 2) return { body: deep(rnd.int(100, 5000)), contentType: 'application/json' };
  if (k === 3) return { body: 'x'.repeat(rnd.int(1, 3) * 1024 * 1024), contentType: 'application/json' };
  if (k === 4) return { body: JSON.stringify(value(rnd)), contentType: rnd.pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'image/png']) };
  if (k === 5) return { body: '\uFEFF{"email":"a@b.fr","password":"x"}', contentType: 'application/json' };
  return { body: JSON.stringify(value(rnd)), contentType: 'application/json' };
}

const ROUTES: Array<[string, string]> = [
  ['GET', '/api/health'], ['POST', '/api/session'], ['GET', '/api/session'],
  ['GET', '/api/sync/{c}/_changes'], ['POST', '/api/sync/{c}/_changes'], ['POST', '/api/sync/{c}/_all_docs'], ['GET', '/api/sync/{c}/_all_docs'], ['POST', '/api/sync/{c}/_bulk_docs'],
  ['GET', '/api/sync/{c}/{x}'], ['PUT', '/api/sync/{c}/{x}'], ['GET', '/api/sync/{x}'],
  ['POST', '/api/rpps/import'], ['GET', '/api/rpps/import/status'],
  ['POST', '/api/registrations'], ['GET', '/api/registrations'], ['POST', '/api/registrations/status'], ['POST', '/api/registrations/verify-phone'],
  ['POST', '/api/registrations/verify-email'], ['POST', '/api/registrations/resend'], ['POST', '/api/registrations/{x}/approve'], ['POST', '/api/registrations/{x}/refuse'],
  ['GET', '/api/requests/{x}/history'], ['GET', '/api/requests/{x}/lettre-de-cloture.pdf'], ['GET', '/api/account/mssante'], ['PUT', '/api/account/mssante'],
  ['GET', '/api/auth/psc'], ['GET', '/api/auth/psc/start'], ['GET', '/api/auth/psc/callback'], ['GET', '/api/auth/psc/prefill/{x}'], ['POST', '/api/auth/psc/logout'],
  ['GET', '/api/slots'], ['POST', '/api/slots'], ['DELETE', '/api/slots/{x}'], ['GET', '/api/fhir/Slot'], ['GET', '/api/roster'], ['POST', '/api/roster'], ['DELETE', '/api/roster/{x}'],
  ['POST', '/api/password/forgot'], ['POST', '/api/password/check'], ['POST', '/api/password/reset'],
  ['GET', '/api/push/key'], ['POST', '/api/push/subscriptions'], ['DELETE', '/api/push/subscriptions'],
  ['PUT', '/api/accounts/{x}/roles'], ['POST', '/api/audit'], ['GET', '/api/audit'], ['GET', '/api/outbox'], ['GET', '/api/geocode'],
  ['GET', '/api/uploads/{x}'], ['PUT', '/api/uploads/{x}'], ['PATCH', '/api/{x}'], ['OPTIONS', '/api/session'],
];

const QUERIES = ['', '?since=0', '?since=now&feed=longpoll&limit=1', '?keys=%5B%22_design%2Fmembers%22%5D', '?filter=_selector', '?limit=-1', '?q=rue%20des%20Lilas', '?requestId=r-0123456789abcdef', '?since=i:1:..', '?style=x&style=y', '?include_docs=true&conflicts=true'];

export function fuzzCases(count: number, seed = 8): FuzzCase[] {
  const rnd = seeded(seed);
  return Array.from({ length: count }, () => {
    const [method, template] = rnd.pick(ROUTES);
    // A lone surrogate cannot be encoded: send the bytes as an invalid UTF-8 escape instead, a case of its own.
    const encode = (x: string) => {
      try {
        return encodeURIComponent(x);
      } catch {
        return '%ED%A0%80';
      }
    };
    const fill = () => encode(rnd.pick(TRICKY_STRINGS).slice(0, 80));
    const path = template.replace('{c}', rnd.pick(['members', 'requests', 'messages', 'patients', 'accounts', '_users', '..'])).replace(/\{x\}/g, fill) + rnd.pick(QUERIES);
    const cookie = rnd.pick(['member', 'coordinator', 'none', 'garbage', 'tampered'] as const);
    return { method, path, cookie, ...(method === 'GET' || method === 'HEAD' || method === 'OPTIONS' ? {} : body(rnd)) };
  });
}
