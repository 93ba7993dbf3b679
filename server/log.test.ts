import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import nano from 'nano';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from './log';

/** A database server that fails every request as a CouchDB node does under trouble. */
let failing: Server;
let url = '';
beforeAll(async () => {
  failing = createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'unknown_error', reason: 'timeout' })));
  });
  await new Promise<void>((listening) => failing.listen(0, '127.0.0.1', listening));
  url = `http://127.0.0.1:${(failing.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((closed) => failing.close(() => closed())));

describe('the server’s log', () => {
  it('shows a database error by its message and status, never the request it carries', async () => {
    const patient = { _id: 'p-1', identity: { lastName: 'Dupont-Secret', birthDate: '1950-01-01' } };
    const failure = (e: unknown) => e as Error & { request?: unknown };
    const err = await nano(url).use('patients').insert(patient).then(() => undefined, failure);
    const view = await nano(url).use('requests').view('requests', 'by_identity', { key: ['dupont-secret', 'jean', '1950-01-01'] }).then(() => undefined, failure);
    // The client's errors hold what was sent: the patient block, the identity searched.
    expect(JSON.stringify(err?.request)).toContain('Dupont-Secret');
    expect(JSON.stringify(view?.request)).toContain('1950-01-01');

    const lines: string[] = [];
    // As a request's logger is made from the server's: a child.
    const log = createLogger('info', { write: (line: string) => void lines.push(line) }).child({ reqId: 'req-1' });
    log.error({ err, route: '/api/sync/patients/_bulk_docs' }, 'erreur interne');
    log.error({ err: view }, 'erreur interne');

    expect(lines).toHaveLength(2);
    for (const line of lines) {
      expect(line).not.toMatch(/dupont-secret/i);
      expect(line).not.toContain('1950-01-01');
      expect(JSON.parse(line).err).toMatchObject({ message: 'timeout', statusCode: 500 });
    }
  });
});
