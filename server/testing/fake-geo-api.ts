/** A local stand-in for `geo.api.gouv.fr`, answering the builder's requests from recorded answers (`server/territory/builder/fixtures/`). */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface FakeGeoApi {
  url: string;
  /** Paths and queries received, in order. */
  requests: string[];
  close(): Promise<void>;
}

const FIXTURES = fileURLToPath(new URL('../territory/builder/fixtures', import.meta.url));

export async function startFakeGeoApi(): Promise<FakeGeoApi> {
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const code = url.searchParams.get('code') ?? '';
    if (url.pathname !== '/communes' || !/^\d[\dAB]\d{3}$/.test(code)) return void res.writeHead(404).end('[]');
    let body: string;
    try {
      body = readFileSync(path.join(FIXTURES, `communes-${code}.json`), 'utf8');
    } catch {
      body = '[]'; // the API answers an empty list for a code it does not know
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, requests, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
