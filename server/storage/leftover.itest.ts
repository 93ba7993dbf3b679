import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, processGone } from '../testing/killable-server';
import { onCouchDb } from '../testing/database';
import { until } from '../testing/requests';
import { startEmbeddedDatabase } from './embedded';
import { testLog } from '../testing/log';

const dataDir = mkdtempSync(path.join(tmpdir(), 'cpts-leftover-'));
const dir = path.join(dataDir, 'couchdb');
const pidFile = path.join(dir, 'pouchdb-server.pid');
let auth: Record<string, string>;
const running: ChildProcess[] = [];

/** A PouchDB Server on the embedded database's files, started by this test as a crashed server would have left it. */
async function databaseOnTheFiles(): Promise<{ child: ChildProcess; base: string }> {
  const port = await freePort();
  const bin = createRequire(import.meta.url).resolve('pouchdb-server/bin/pouchdb-server');
  const child = spawn(process.execPath, [bin, '-p', String(port), '-o', '127.0.0.1', '-d', dir + path.sep, '-c', path.join(dir, 'config.json')], { cwd: dir, stdio: 'ignore' });
  running.push(child);
  const base = `http://127.0.0.1:${port}`;
  await until(() => fetch(`${base}/_all_dbs`, { headers: auth }).then((r) => r.status), (s) => s === 200, 20_000);
  return { child, base };
}

beforeAll(async () => {
  // A first start creates the credentials and the configuration.
  const first = await startEmbeddedDatabase(dataDir, testLog);
  const url = new URL(first.url);
  auth = { authorization: 'Basic ' + Buffer.from(`${url.username}:${decodeURIComponent(url.password)}`).toString('base64') };
  await first.stop();
});
afterAll(() => {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

// The embedded PouchDB Server's own files and process: nothing of it runs on Apache CouchDB.
describe.skipIf(onCouchDb)('embedded database after a crash of the server', () => {
  it('ends a PouchDB Server left running on the same files by a server that died, then finds the data', async () => {
    const { child, base } = await databaseOnTheFiles();
    expect((await fetch(`${base}/kept`, { method: 'PUT', headers: auth })).status).toBe(201);
    expect((await fetch(`${base}/kept/doc`, { method: 'PUT', headers: { ...auth, 'content-type': 'application/json' }, body: '{"written":"before the crash"}' })).status).toBe(201);
    // Its server is gone: the recorded parent is not its parent any more.
    writeFileSync(pidFile, JSON.stringify({ pid: child.pid, parent: 999_999_999 }));

    const db = await startEmbeddedDatabase(dataDir, testLog);
    try {
      expect(processGone(child.pid!)).toBe(true);
      const res = await fetch(new URL('/kept/doc', db.url.replace(/\/\/[^@]*@/, '//')), { headers: auth });
      expect(await res.json()).toMatchObject({ written: 'before the crash' });
    } finally {
      await db.stop();
    }
  });

  it('leaves alone the database of a server still running, and says so', async () => {
    const { child } = await databaseOnTheFiles();
    writeFileSync(pidFile, JSON.stringify({ pid: child.pid, parent: process.pid }));
    await expect(startEmbeddedDatabase(dataDir, testLog)).rejects.toThrow(/utilisée par un serveur en marche/);
    expect(processGone(child.pid!)).toBe(false);
  });
});
