/** Starts the real server for integration tests: random port, temporary DATA_DIR, the embedded PouchDB Server or the CouchDB of COUCHDB_URL (`database.ts`). */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { systemClock, type Clock } from '../clock';
import { loadConfig } from '../config';
import { demoAccounts, type DemoLogin } from '../demo/accounts';
import { startServer, type RunningServer, type StartOptions } from '../server';
import type { Logger } from '../log';
import { TestClock } from './clock';
import { dropDatabases, storageEnv } from './database';
import { testLog } from './log';
import { testTerritory } from './territory';

export interface TestServer<C extends Clock = TestClock> extends RunningServer {
  dataDir: string;
  /** What the server's parts read the time from and run their repeated work on. */
  clock: C;
  /** Stops, and removes the data directory and the databases. */
  dispose(): Promise<void>;
}

/**
 * A server on a test clock: its dispatcher's steps, deadlines and sweeps run when the test advances
 * the clock, and only then. `log`: where the server's lines go (a test that checks them passes its own).
 */
export function startTestServer(env: Record<string, string> = {}, dataDir?: string, log: Logger = testLog, longpoll?: StartOptions['longpoll']): Promise<TestServer> {
  return start(env, dataDir, new TestClock(), log, longpoll);
}

/** A server on the machine's clock, for tests that let it run by itself as in production (crashes, soak, several instances). */
export function startRealTimeTestServer(env: Record<string, string> = {}, dataDir?: string, log: Logger = testLog): Promise<TestServer<Clock>> {
  return start(env, dataDir, systemClock, log);
}

async function start<C extends Clock>(env: Record<string, string>, dataDir: string | undefined, clock: C, log: Logger, longpoll?: StartOptions['longpoll']): Promise<TestServer<C>> {
  const dir = dataDir ?? mkdtempSync(path.join(tmpdir(), 'cpts-test-'));
  // Without the demo's year of requests unless asked (DEMO_ACTIVITY=1): it adds seconds to every start.
  const config = loadConfig({ DATA_DIR: dir, PORT: '0', HOST: '127.0.0.1', STATIC_DIR: path.join(dir, 'no-app'), LOG_LEVEL: 'silent', DEMO_ACTIVITY: '0', ...storageEnv(dir), ...env });
  const server = await startServer(config, { clock, log, longpoll });
  return {
    ...server,
    dataDir: dir,
    clock,
    async dispose() {
      await server.stop();
      await dropDatabases(config.couchdbPrefix);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A tiny HTTP client that keeps the session cookie, as a browser would. */
export class Client {
  cookie = '';

  constructor(readonly base: string) {}

  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any; headers: Headers }> {
    const res = await fetch(this.base + url, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(this.cookie ? { cookie: this.cookie } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
    const text = await res.text();
    let json: unknown;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = text;
    }
    return { status: res.status, json, headers: res.headers };
  }

  async login(email: string, password: string) {
    return this.request('POST', '/api/session', { email, password });
  }
}

/** The demo account with this login e-mail's local part in the default territory, e.g. `demo('generaliste')`. */
export function demo(name: DemoLogin, domain = testTerritory().settings.demoEmailDomain): { email: string; password: string } {
  const account = demoAccounts(domain).find((a) => a.email.startsWith(name + '@'))!;
  return { email: account.email, password: account.password };
}
