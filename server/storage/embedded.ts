/**
 * The embedded database: PouchDB Server started as a child process on 127.0.0.1 with a random
 * port, LevelDB files and generated admin credentials under DATA_DIR, restarted when it dies.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { log } from '../log';

interface Credentials {
  username: string;
  password: string;
}

export interface EmbeddedDatabase {
  /** Admin URL with credentials, on loopback. */
  url: string;
  /** True while the child process is up and answering. */
  isUp(): boolean;
  /** Called after each restart, once the process answers again. */
  onRestart(listener: () => void): void;
  stop(): Promise<void>;
  /** The child's pid, for tests that kill it. */
  pid(): number | undefined;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

function credentials(dir: string): Credentials {
  const file = path.join(dir, 'credentials.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Credentials;
  const creds = { username: 'cpts-admin', password: randomBytes(24).toString('base64url') };
  writeFileSync(file, JSON.stringify(creds), { mode: 0o600 });
  // PouchDB Server hashes the admin password in place at its first start.
  writeFileSync(
    path.join(dir, 'config.json'),
    JSON.stringify({ admins: { [creds.username]: creds.password }, log: { file: path.join(dir, 'pouchdb-server.log') } }),
    { mode: 0o600 },
  );
  return creds;
}

async function waitUntilUp(url: string, child: ChildProcess, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const { username, password } = new URL(url);
  const auth = 'Basic ' + Buffer.from(`${decodeURIComponent(username)}:${decodeURIComponent(password)}`).toString('base64');
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`PouchDB Server s’est arrêté au démarrage (code ${child.exitCode})`);
    try {
      const res = await fetch(new URL('/_all_dbs', url.replace(/\/\/[^@]*@/, '//')), { headers: { authorization: auth } });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('PouchDB Server ne répond pas après 30 s');
}

export async function startEmbeddedDatabase(dataDir: string): Promise<EmbeddedDatabase> {
  const dir = path.join(dataDir, 'couchdb');
  mkdirSync(dir, { recursive: true });
  const creds = credentials(dir);
  const port = await freePort();
  const url = `http://${creds.username}:${encodeURIComponent(creds.password)}@127.0.0.1:${port}/`;
  const bin = createRequire(import.meta.url).resolve('pouchdb-server/bin/pouchdb-server');
  const restartListeners: Array<() => void> = [];
  let child: ChildProcess;
  let up = false;
  let stopping = false;

  const launch = async (): Promise<void> => {
    child = spawn(process.execPath, [bin, '-p', String(port), '-o', '127.0.0.1', '-d', dir + path.sep, '-c', path.join(dir, 'config.json')], {
      cwd: dir,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr?.on('data', (chunk: Buffer) => log.warn({ embedded: chunk.toString().slice(0, 500) }, 'PouchDB Server (stderr)'));
    child.once('exit', (code, signal) => {
      up = false;
      if (stopping) return;
      log.error({ code, signal }, 'PouchDB Server s’est arrêté ; redémarrage');
      setTimeout(() => void relaunch(), 500);
    });
    await waitUntilUp(url, child);
    up = true;
  };

  const relaunch = async (): Promise<void> => {
    try {
      await launch();
      log.info('PouchDB Server redémarré');
      restartListeners.forEach((l) => l());
    } catch (err) {
      log.error({ err: (err as Error).message }, 'redémarrage de PouchDB Server impossible ; nouvel essai');
      if (!stopping) setTimeout(() => void relaunch(), 2000);
    }
  };

  await launch();
  log.info({ port }, 'PouchDB Server embarqué démarré sur 127.0.0.1');
  return {
    url,
    isUp: () => up,
    onRestart: (l) => restartListeners.push(l),
    pid: () => child.pid,
    stop: () =>
      new Promise((resolve) => {
        stopping = true;
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
