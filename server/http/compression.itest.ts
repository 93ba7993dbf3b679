import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, demo, startTestServer, type TestServer } from '../testing/server';

/** The raw answer: its encoding and the bytes as they crossed the wire. */
function get(base: string, url: string, headers: Record<string, string>): Promise<{ status: number; encoding?: string; wire: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(base + url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, encoding: res.headers['content-encoding'], wire: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

const decoded = (answer: { encoding?: string; wire: Buffer }) =>
  (answer.encoding === 'br' ? brotliDecompressSync(answer.wire) : answer.encoding === 'gzip' ? gunzipSync(answer.wire) : answer.wire).toString('utf8');

let server: TestServer;
let staticDir: string;
const script = 'export const words = ' + JSON.stringify(Array.from({ length: 2000 }, (_, i) => `mot-${i % 50}`)) + ';\n';

beforeAll(async () => {
  staticDir = mkdtempSync(path.join(tmpdir(), 'cpts-compression-'));
  mkdirSync(path.join(staticDir, 'assets'));
  writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>CPTS</title>');
  writeFileSync(path.join(staticDir, 'assets/app-abc123.js'), script);
  server = await startTestServer({ STATIC_DIR: staticDir });
});

afterAll(async () => {
  await server.dispose();
  rmSync(staticDir, { recursive: true, force: true });
});

describe('answers on a weak signal', () => {
  it('sends the app’s files compressed to a browser that accepts it, as they are otherwise', async () => {
    const br = await get(server.url, '/assets/app-abc123.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br).toMatchObject({ status: 200, encoding: 'br' });
    expect(decoded(br)).toBe(script);
    expect(br.wire.length).toBeLessThan(script.length / 5);
    const plain = await get(server.url, '/assets/app-abc123.js', {});
    expect(plain.encoding).toBeUndefined();
    expect(plain.wire.toString('utf8')).toBe(script);
  });

  it('sends the sync’s pages compressed, and small answers as they are', async () => {
    const client = new Client(server.url);
    expect((await client.login(demo('infirmiere').email, demo('infirmiere').password)).status).toBe(200);
    const page = await get(server.url, '/api/sync/members/_changes?style=all_docs&include_docs=true&since=0&limit=200', { cookie: client.cookie, 'accept-encoding': 'gzip' });
    expect(page).toMatchObject({ status: 200, encoding: 'gzip' });
    const rows = (JSON.parse(decoded(page)) as { results: unknown[] }).results;
    expect(rows).toHaveLength(200);
    expect(page.wire.length).toBeLessThan(decoded(page).length / 4);
    const key = await get(server.url, '/api/session/device-key', { cookie: client.cookie, 'accept-encoding': 'gzip' });
    expect(key.status).toBe(200);
    expect(key.encoding).toBeUndefined();
  });
});
