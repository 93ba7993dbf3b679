/**
 * The embedded database: PouchDB Server started as a child process on 127.0.0.1 with a random
 * port, LevelDB files and generated admin credentials under DATA_DIR, restarted when it dies.
 * It dies with the server, even a server killed with SIGKILL (`parent-watch.cjs`), and a server
 * starting after a crash first waits for (or ends) the previous one, which holds the files' locks.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../log';

const PARENT_WATCH = fileURLToPath(new URL('./parent-watch.cjs', import.meta.url));

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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether this pid is a PouchDB Server on this directory (Linux `/proc`; elsewhere unknown, so never touched). */
function isOurDatabase(pid: number, dir: string): boolean {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
    return args.some((a) => a.includes('pouchdb-server')) && args.includes(dir + path.sep);
  } catch {
    return false;
  }
}

/** The database's pid, its server's and its port, as written at launch (absent or unreadable: none). */
function readPidFile(file: string): { pid?: number; parent?: number; port?: number } {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as { pid?: number; parent?: number; port?: number };
  } catch {
    return {};
  }
}

/**
 * The admin URL of the embedded database a running server of `dataDir` has started, if any: a
 * command (backup, a first administrator) then goes through it, since it holds the files' locks.
 */
export function runningEmbeddedUrl(dataDir: string): string | undefined {
  const dir = path.join(dataDir, 'couchdb');
  const { pid, parent, port } = readPidFile(path.join(dir, 'pouchdb-server.pid'));
  if (!pid || !port || !alive(pid) || !isOurDatabase(pid, dir) || parentOf(pid) !== parent) return undefined;
  const creds = JSON.parse(readFileSync(path.join(dir, 'credentials.json'), 'utf8')) as Credentials;
  return `http://${creds.username}:${encodeURIComponent(creds.password)}@127.0.0.1:${port}/`;
}

function parentOf(pid: number): number {
  return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch {
    // Gone meanwhile.
  }
}

/**
 * A PouchDB Server left by a server that crashed holds the LevelDB locks: it normally exits by
 * itself within a second (parent-watch), else it is ended here, before a new one is started. One
 * whose server still runs (the RPPS import started beside a running server) is left alone.
 */
async function endPrevious(pidFile: string, dir: string, log: Logger): Promise<void> {
  const { pid, parent } = readPidFile(pidFile);
  if (!pid || !alive(pid) || !isOurDatabase(pid, dir)) return;
  if (parentOf(pid) === parent) throw new Error(`la base embarquée de ${dir} est utilisée par un serveur en marche (pid ${parent}) : arrêtez-le d’abord`);
  log.warn({ pid }, 'PouchDB Server d’un démarrage précédent encore actif ; arrêt');
  if (await exited(pid, 2000)) return;
  signal(pid, 'SIGTERM');
  if (await exited(pid, 3000)) return;
  signal(pid, 'SIGKILL');
  if (await exited(pid, 3000)) return;
  throw new Error(`PouchDB Server précédent (pid ${pid}) toujours actif : arrêtez-le avant de démarrer`);
}

async function exited(pid: number, withinMs: number): Promise<boolean> {
  for (const end = Date.now() + withinMs; Date.now() < end; ) {
    if (!alive(pid)) return true;
    await sleep(50);
  }
  return !alive(pid);
}

export async function startEmbeddedDatabase(dataDir: string, log: Logger): Promise<EmbeddedDatabase> {
  const dir = path.join(dataDir, 'couchdb');
  mkdirSync(dir, { recursive: true });
  const pidFile = path.join(dir, 'pouchdb-server.pid');
  await endPrevious(pidFile, dir, log);
  const creds = credentials(dir);
  const port = await freePort();
  const url = `http://${creds.username}:${encodeURIComponent(creds.password)}@127.0.0.1:${port}/`;
  const bin = createRequire(import.meta.url).resolve('pouchdb-server/bin/pouchdb-server');
  const restartListeners: Array<() => void> = [];
  let child: ChildProcess;
  let up = false;
  let stopping = false;

  const launch = async (): Promise<void> => {
    // stdin is a pipe only this process holds: its end tells the child that the server is gone.
    child = spawn(process.execPath, ['-r', PARENT_WATCH, bin, '-p', String(port), '-o', '127.0.0.1', '-d', dir + path.sep, '-c', path.join(dir, 'config.json')], {
      cwd: dir,
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    if (child.pid) writeFileSync(pidFile, JSON.stringify({ pid: child.pid, parent: process.pid, port }), { mode: 0o600 });
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
      new Promise<void>((resolve) => {
        stopping = true;
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }).then(() => rmSync(pidFile, { force: true })),
  };
}
