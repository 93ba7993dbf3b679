/** The client's side of `remote-server-process.ts` (benchmarks, soak test): forks the server in its own process and calls it over IPC. */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { ChildRpc } from './child-rpc';
import type { Role } from '../../src/domain/session/user';

export interface DirectoryEntry {
  id: string;
  profession?: string;
  specialty?: string;
  kind: string;
  status: string;
  location: { lat: number; lon: number };
  commune?: string;
  communeInsee?: string;
}

export interface Usage {
  cpu: { user: number; system: number };
  memory: NodeJS.MemoryUsage;
  waiting: Record<string, number>;
  /** Session lookups that missed the cache so far (each reads the session and the account). */
  accountReads: number;
  loopDelayMs: { p50: number; p99: number; max: number };
  dbPid?: number;
}

export class RemoteServer {
  url = '';
  dbUrl = '';
  /** Put before the name of each of its databases on the database server (COUCHDB_PREFIX). */
  dbPrefix = '';
  /** The embedded database's pid (none on CouchDB). */
  dbPid?: number;
  pid = 0;

  private constructor(private readonly rpc: ChildRpc) {}

  /** `env` as for `startTestServer` (e.g. `DEMO_ACTIVITY: '1'`, `STATIC_DIR`). */
  static async start(env: Record<string, string> = {}): Promise<RemoteServer> {
    const child = fork(fileURLToPath(new URL('./remote-server-process.ts', import.meta.url)), [], {
      execArgv: ['--import', 'tsx', '--expose-gc'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const server = new RemoteServer(new ChildRpc(child));
    const info = await server.call<{ url: string; dbUrl: string; dbPrefix: string; dbPid?: number; pid: number }>('start', env);
    Object.assign(server, info);
    return server;
  }

  /** False once the server's process has exited (a crash during a run shows here). */
  get alive(): boolean {
    return this.rpc.alive;
  }

  call<T>(command: string, ...args: unknown[]): Promise<T> {
    return this.rpc.call<T>(command, ...args);
  }

  members() {
    return this.call<DirectoryEntry[]>('members');
  }
  /** Every document of a database but design documents, as stored. */
  docs<T = Record<string, unknown> & { _id: string; _rev: string }>(db: string) {
    return this.call<T[]>('docs', db);
  }
  setAvailability(entries: Array<{ id: string; availableUntil?: string; homeVisitRadiusKm?: number }>) {
    return this.call<Record<string, string>>('setAvailability', entries);
  }
  sessions(memberIds: string[], roles: Role[] = ['member']) {
    return this.call<string[]>('sessions', memberIds, roles);
  }
  makeAvailable(ids: string[], km: number, weeklyAlertBudget?: number) {
    return this.call<boolean>('makeAvailable', ids, km, weeklyAlertBudget);
  }
  readable(memberId: string, roles: Role[]) {
    return this.call<Record<string, number>>('readable', memberId, roles);
  }
  readableIds(collection: string, memberId: string, roles: Role[]) {
    return this.call<string[]>('readableIds', collection, memberId, roles);
  }
  usage(collectGarbage = false) {
    return this.call<Usage>('usage', collectGarbage);
  }

  async stop(): Promise<void> {
    await this.call('stop').catch(() => undefined);
    this.rpc.child.disconnect();
    await this.rpc.exited();
  }
}
