/** The test's side of `server-process.ts`: the real server in a child process that can be killed (SIGKILL) and started again on the same DATA_DIR and port. */
import { fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { ChildRpc } from './child-rpc';

const SCRIPT = fileURLToPath(new URL('./server-process.ts', import.meta.url));

export class KillableServer {
  url = '';
  /** The embedded PouchDB Server's pid. */
  dbPid = 0;

  private constructor(private readonly rpc: ChildRpc) {}

  get pid(): number {
    return this.rpc.child.pid!;
  }

  /** `env` as for `startTestServer`; give a fixed `PORT` so clients find the server again after a restart. */
  static async start(dataDir: string, env: Record<string, string>): Promise<KillableServer> {
    const child = fork(SCRIPT, [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'], env: { ...process.env, TEST_LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' } });
    const server = new KillableServer(new ChildRpc(child));
    const info = await server.call<{ url: string; dbPid: number }>('start', env, dataDir);
    Object.assign(server, info);
    return server;
  }

  call<T>(command: string, ...args: unknown[]): Promise<T> {
    return this.rpc.call<T>(command, ...args);
  }

  /** SIGKILL: no handler runs, nothing is flushed, as in a crash. Resolves once the process is gone. */
  async kill(): Promise<void> {
    const exited = this.rpc.exited();
    this.rpc.child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    await this.call('stop').catch(() => undefined);
    if (this.rpc.child.connected) this.rpc.child.disconnect();
    await this.rpc.exited();
  }
}

/** A free port on loopback, to start the server on the same one after each restart. */
export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** A process gone, or a zombie waiting for init to reap it (its files are closed). Linux `/proc`. */
export function processGone(pid: number): boolean {
  try {
    return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.startsWith('Z') ?? true;
  } catch {
    return true;
  }
}
