import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleRequest } from '../../src/domain/requests/fixtures';
import { Client, demo, startTestServer, type TestServer } from '../testing/server';
import { MAX_UPLOAD_BYTES } from './routes';

let server: TestServer;
const clients = {} as Record<'gp' | 'nurse' | 'otherNurse' | 'pharmacist' | 'coordinator', Client>;
const ids = {} as Record<keyof typeof clients, string>;
const REQUEST = 'r-uploads-test-0001';
const OTHER_REQUEST = 'r-uploads-test-0002';

const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('photo du pansement, pas une vraie image')]);
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
const pdf = Buffer.from('%PDF-1.7\n1 0 obj << >> endobj\n%%EOF\n');

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/**
 * A raw HTTP request, as a browser sends an upload: the body as given (a Buffer with its length,
 * or chunks sent without one). A server that refuses early and closes may reset the connection
 * while the body is still being written; the answer read before that counts.
 */
function send(method: string, path: string, client: Client | undefined, headers: Record<string, string>, body?: Buffer | Buffer[]): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const chunks = Array.isArray(body) ? body : undefined;
    const all = { ...headers, ...(client?.cookie ? { cookie: client.cookie } : {}), ...(body && !chunks ? { 'content-length': String(body.length) } : {}) };
    let answer: Answer | undefined;
    const req = httpRequest(server.url + path, { method, headers: all }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () => resolve((answer = { status: res.statusCode!, headers: res.headers, body: Buffer.concat(parts) })));
      res.on('error', (err) => (answer ? resolve(answer) : reject(err)));
    });
    req.on('error', (err) => (answer ? resolve(answer) : reject(err)));
    if (chunks) {
      const next = (i: number): void => {
        if (i === chunks.length) return void req.end();
        if (req.destroyed) return;
        if (req.write(chunks[i])) next(i + 1);
        else req.once('drain', () => next(i + 1));
      };
      next(0);
    } else req.end(body);
  });
}

const upload = (client: Client | undefined, uploadId: string, requestId: string | undefined, type: string, body: Buffer | Buffer[]) =>
  send('PUT', `/api/uploads/${uploadId}${requestId ? `?requestId=${requestId}` : ''}`, client, { 'content-type': type }, body);
const download = (client: Client | undefined, uploadId: string) => send('GET', `/api/uploads/${uploadId}`, client, {});
const json = (answer: Answer) => JSON.parse(answer.body.toString('utf8'));
const stored = (id: string) => server.parts.storage.couch.use<Record<string, any>>('uploads').get(id).catch(() => undefined);

beforeAll(async () => {
  server = await startTestServer();
  const accounts = { gp: 'generaliste', nurse: 'infirmiere', otherNurse: 'infirmier', pharmacist: 'pharmacien', coordinator: 'coordination' } as const;
  for (const [key, name] of Object.entries(accounts) as Array<[keyof typeof clients, Parameters<typeof demo>[0]]>) {
    clients[key] = new Client(server.url);
    ids[key] = (await clients[key].login(demo(name).email, demo(name).password)).json.user.memberId;
  }
  // Assigned to the first nurse; the second one was alerted too but did not take it.
  const requests = server.parts.storage.couch.use('requests');
  const now = new Date().toISOString();
  const card = (id: string, over: object) => {
    const { id: _id, ...rest } = sampleRequest({ id, requesterId: ids.gp, createdAt: now, updatedAt: now, ...over });
    return { _id, ...rest };
  };
  const alerted = [ids.nurse, ids.otherNurse];
  await requests.insert(card(REQUEST, { status: 'assigned', assigneeId: ids.nurse, dispatch: { alerted, steps: [{ at: now, kind: 'circle', alerted, reason: 'test' }] }, readers: [ids.gp, ...alerted] }));
  await requests.insert(card(OTHER_REQUEST, { status: 'searching', dispatch: { alerted: [], steps: [] }, readers: [ids.gp] }));
});
afterAll(async () => {
  await server?.dispose();
});

describe('case files', () => {
  it('takes a photo from the requester and serves it to the requester, the assignee and a coordinator, each download in the audit log', async () => {
    const sent = await upload(clients.gp, 'photo-0001-abcd', REQUEST, 'image/jpeg', jpeg);
    expect(sent.status).toBe(201);
    expect(json(sent)).toMatchObject({ id: 'photo-0001-abcd', requestId: REQUEST, contentType: 'image/jpeg', size: jpeg.length });
    expect(await stored('photo-0001-abcd')).toMatchObject({ requestId: REQUEST, authorId: ids.gp, contentType: 'image/jpeg', size: jpeg.length, _attachments: { file: { content_type: 'image/jpeg', length: jpeg.length } } });

    for (const who of ['gp', 'nurse', 'coordinator'] as const) {
      const res = await download(clients[who], 'photo-0001-abcd');
      expect(res.status, who).toBe(200);
      expect(res.body.equals(jpeg), who).toBe(true);
      expect(res.headers).toMatchObject({
        'content-type': 'image/jpeg',
        'cache-control': 'private, max-age=31536000, immutable',
        'x-content-type-options': 'nosniff',
        'content-disposition': 'inline',
      });
    }
    const uploadsAudit = async () => (await server.parts.audit.forRequest(REQUEST)).filter((e) => e.collection === 'uploads');
    // On a cluster, a view or a listing answers from one copy of each shard, which may not hold the last writes yet.
    await expect.poll(async () => (await uploadsAudit()).map((e) => e.memberId).sort(), { timeout: 15_000 }).toEqual([ids.gp, ids.nurse, ids.coordinator].sort());
    const audit = await uploadsAudit();
    for (const entry of audit) expect(entry).toMatchObject({ action: 'download', docId: 'photo-0001-abcd', requestId: REQUEST, via: 'upload', at: expect.any(String) });
  });

  it('takes files from the assignee and a coordinator as well', async () => {
    expect((await upload(clients.nurse, 'result-0001-pdf', REQUEST, 'application/pdf', pdf)).status).toBe(201);
    expect((await upload(clients.coordinator, 'photo-0002-png', REQUEST, 'image/png', png)).status).toBe(201);
    const res = await download(clients.gp, 'result-0001-pdf');
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.body.equals(pdf)).toBe(true);
  });

  it('refuses members who are not participants (an alerted member who did not take the case included) and anonymous users', async () => {
    for (const who of ['otherNurse', 'pharmacist'] as const) {
      const res = await download(clients[who], 'photo-0001-abcd');
      expect(res.status, who).toBe(403);
      expect(json(res).error).toMatch(/demandeur/);
      expect((await upload(clients[who], `photo-${who.toLowerCase()}-1`, REQUEST, 'image/jpeg', jpeg)).status, who).toBe(403);
    }
    expect((await download(undefined, 'photo-0001-abcd')).status).toBe(401);
    expect((await upload(undefined, 'photo-anonymous-1', REQUEST, 'image/jpeg', jpeg)).status).toBe(401);
    expect(await stored('photo-othernurse-1')).toBeUndefined();
    const downloaders = (await server.parts.audit.forRequest(REQUEST)).map((e) => e.memberId);
    expect(downloaders).not.toContain(ids.otherNurse);
    expect(downloaders).not.toContain(ids.pharmacist);
  });

  it('refuses other types, content that does not match its type, empty files and malformed identifiers', async () => {
    const cases: Array<[string, string | undefined, string, Buffer, number]> = [
      ['page-html-0001', REQUEST, 'text/html', Buffer.from('<html><script>alert(1)</script></html>'), 415],
      ['image-svg-0001', REQUEST, 'image/svg+xml', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'), 415],
      ['fake-jpeg-0001', REQUEST, 'image/jpeg', png, 400],
      ['fake-pdfs-0001', REQUEST, 'application/pdf', Buffer.from('<html><body>pdf?</body></html>'), 400],
      ['empty-jpg-0001', REQUEST, 'image/jpeg', Buffer.alloc(0), 400],
      ['Majuscules-01', REQUEST, 'image/jpeg', jpeg, 400],
      ['court', REQUEST, 'image/jpeg', jpeg, 400],
      ['no-request-01', undefined, 'image/jpeg', jpeg, 400],
      ['bad-request-01', 'demande-1', 'image/jpeg', jpeg, 400],
    ];
    for (const [id, requestId, type, body, status] of cases) {
      const res = await upload(clients.gp, id, requestId, type, body);
      expect(res.status, id).toBe(status);
      expect(json(res).error, id).toMatch(/[a-zé]/);
      expect(await stored(id), id).toBeUndefined();
    }
    expect(json(await upload(clients.gp, 'fake-jpeg-0001', REQUEST, 'image/jpeg', png)).error).toMatch(/ne correspond pas au type annoncé/);
  });

  it('refuses a file over 10 MB, announced or not, and keeps nothing of it', async () => {
    const big = Buffer.concat([jpeg, Buffer.alloc(MAX_UPLOAD_BYTES + 1 - jpeg.length)]);
    const announced = await upload(clients.gp, 'too-big-announced', REQUEST, 'image/jpeg', big);
    expect(announced.status).toBe(413);
    expect(json(announced).error).toMatch(/10 Mo/);
    const chunks = Array.from({ length: 12 }, (_, i) => (i === 0 ? Buffer.concat([jpeg, Buffer.alloc(1024 * 1024 - jpeg.length)]) : Buffer.alloc(1024 * 1024)));
    expect((await upload(clients.gp, 'too-big-streamed', REQUEST, 'image/jpeg', chunks)).status).toBe(413);
    expect(await stored('too-big-announced')).toBeUndefined();
    expect(await stored('too-big-streamed')).toBeUndefined();
    // Exactly at the limit is accepted.
    expect((await upload(clients.gp, 'at-the-limit-01', REQUEST, 'image/jpeg', big.subarray(0, MAX_UPLOAD_BYTES))).status).toBe(201);
  });

  it('answers an unknown request with « réessayez après synchronisation »', async () => {
    const res = await upload(clients.gp, 'photo-early-0001', 'r-pas-encore-synchronisee', 'image/jpeg', jpeg);
    expect(res.status).toBe(404);
    expect(json(res).error).toMatch(/réessayez après synchronisation/);
    expect((await download(clients.gp, 'photo-inconnue-01')).status).toBe(404);
  });

  it('is idempotent: the same file again is 200 without rewriting, the same id for another request is 409', async () => {
    const before = await stored('photo-0001-abcd');
    const again = await upload(clients.gp, 'photo-0001-abcd', REQUEST, 'image/jpeg', jpeg);
    expect(again.status).toBe(200);
    expect(json(again)).toMatchObject({ id: 'photo-0001-abcd', requestId: REQUEST, size: jpeg.length });
    expect((await stored('photo-0001-abcd'))!._rev).toBe(before!._rev);
    // The connection stays usable: the answer was not cut short.
    expect(again.headers.connection).not.toBe('close');

    const elsewhere = await upload(clients.gp, 'photo-0001-abcd', OTHER_REQUEST, 'image/jpeg', jpeg);
    expect(elsewhere.status).toBe(409);
    expect((await stored('photo-0001-abcd'))!._rev).toBe(before!._rev);
  });
});
