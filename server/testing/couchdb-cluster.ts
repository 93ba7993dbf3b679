/**
 * A three-node Apache CouchDB cluster of a test's own, for tests that kill nodes: started with the
 * start script of ../shared/couchdb/ that `npm run test:couchdb` and `test:cluster` name in
 * COUCHDB_START (without it such a test is skipped), on free loopback ports, stopped at the end.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { processGone } from './killable-server';
import { until } from './requests';

/** The start script, when the run has one. */
export const clusterScript = process.env.COUCHDB_START || undefined;

const USER = 'admin';
const PASSWORD = 'admin';

export interface Cluster {
  /** The nodes' URLs, credentials included, in node order. */
  urls: string[];
  /** The nodes' process ids (for their CPU time and memory). */
  pids(): number[];
  /** SIGKILL to node `n` (1 to 3), as a machine lost; resolves once it is gone. */
  kill(n: number): Promise<void>;
  stop(): Promise<void>;
}

const portFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const server = createServer()
      .once('error', () => resolve(false))
      .listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/** A base port whose HTTP ports (+0..+2) and Erlang ports (+100..+103) are all free. */
async function freeRange(): Promise<number> {
  for (let base = 16400; base < 16900; base += 5) {
    const ports = [0, 1, 2, 100, 101, 102, 103].map((offset) => base + offset);
    if ((await Promise.all(ports.map(portFree))).every(Boolean)) return base;
  }
  throw new Error('no free ports for a CouchDB cluster between 16400 and 17003');
}

/** `script`: the start script (by default COUCHDB_START's). */
export async function startCluster(dir: string, script = clusterScript): Promise<Cluster> {
  if (!script) throw new Error('COUCHDB_START is not set: run with npm run test:couchdb or test:cluster');
  const run = (...args: string[]) => promisify(execFile)(script, args, { env: { ...process.env, COUCHDB_USER: USER, COUCHDB_PASSWORD: PASSWORD } });
  await run('cluster', dir, String(await freeRange()));
  const env = readFileSync(path.join(dir, 'run', 'env'), 'utf8');
  const urls = /^COUCHDB_URLS=(.*)$/m
    .exec(env)![1]
    .split(',')
    .map((u) => u.replace('http://', `http://${USER}:${PASSWORD}@`));
  const pidOf = (n: number) => Number(readFileSync(path.join(dir, 'run', `node${n}.pid`), 'utf8'));
  return {
    urls,
    pids: () => [1, 2, 3].map(pidOf),
    async kill(n) {
      const pid = pidOf(n);
      process.kill(pid, 'SIGKILL');
      await until(async () => processGone(pid), Boolean, 10_000);
    },
    async stop() {
      await run('stop', dir).catch(() => undefined);
    },
  };
}
