import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLICIES } from '../../src/domain/sync/collections';
import { Client, demo, startTestServer, type TestServer } from '../testing/server';
import { toDomainDoc } from '../storage/docs';
import { fuzzCases } from './fuzz-cases';

// Thousands of cases in `npm test`; FUZZ_CASES raises it for a soak run.
const COUNT = Number(process.env.FUZZ_CASES || 2000);
let server: TestServer;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  server = await startTestServer();
  for (const [name, account] of [['member', demo('infirmiere')], ['coordinator', demo('coordination')]] as const) {
    const client = new Client(server.url);
    await client.login(account.email, account.password);
    cookies[name] = client.cookie;
  }
  cookies.garbage = 'cpts_session=garbage.garbage';
  cookies.tampered = cookies.member.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a'));
  cookies.none = '';
}, 120_000);
afterAll(async () => server?.dispose());

describe('fuzz: generated bad input on every /api and /api/sync endpoint', () => {
  it(`never answers 5xx, always explains a 4xx, never stores an invalid document (${COUNT} cases)`, async () => {
    const failures: string[] = [];
    let tried = 0;
    for (const c of fuzzCases(COUNT)) {
      tried++;
      const headers: Record<string, string> = {};
      if (cookies[c.cookie]) headers.cookie = cookies[c.cookie];
      if (c.contentType) headers['content-type'] = c.contentType;
      let status: number;
      let text: string;
      try {
        const res = await fetch(server.url + c.path, { method: c.method, headers, body: c.body, signal: AbortSignal.timeout(c.path.includes('longpoll') ? 40_000 : 15_000) });
        status = res.status;
        text = await res.text();
      } catch (err) {
        failures.push(`${c.method} ${c.path.slice(0, 80)}: ${(err as Error).message}`);
        continue;
      }
      if (status >= 500) failures.push(`${c.method} ${c.path.slice(0, 80)} (${c.cookie}, ${String(c.body).slice(0, 60)}) → ${status} ${text.slice(0, 120)}`);
      if (status >= 400 && status < 500 && c.method !== 'HEAD') {
        let error: unknown;
        try {
          const body = JSON.parse(text);
          // The FHIR endpoints explain in FHIR: an OperationOutcome's diagnostics.
          error = body.resourceType === 'OperationOutcome' ? body.issue?.[0]?.diagnostics : body.error;
        } catch {
          error = undefined;
        }
        if (typeof error !== 'string' || error.length < 8) failures.push(`${c.method} ${c.path.slice(0, 80)} → ${status} without a clear message: ${text.slice(0, 80)}`);
      }
    }
    console.log(`fuzz: ${tried} cases tried, ${failures.length} failed`);
    expect(failures.slice(0, 20)).toEqual([]);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);

    for (const policy of Object.values(POLICIES)) {
      const all = await server.parts.storage.couch.use(policy.name).list({ include_docs: true });
      const invalid = all.rows.filter((r) => !r.id.startsWith('_design/') && !(r.doc as { _deleted?: boolean })._deleted && !policy.validate(toDomainDoc(r.doc as unknown as Record<string, unknown>)).ok);
      expect(invalid.map((r) => `${policy.name}/${r.id}`)).toEqual([]);
    }
  }, 600_000);
});
