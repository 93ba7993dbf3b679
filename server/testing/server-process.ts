/**
 * A test server in a process of its own (forked by `killable-server.ts`), so that a test can kill
 * it with SIGKILL, as a crash would, and start another on the same DATA_DIR. Driven over IPC.
 */
import type { Role } from '../../src/domain/session/user';
import { clientFor, makeAvailable } from './requests';
import type { Clock } from '../clock';
import { startRealTimeTestServer, type TestServer } from './server';
import { serveCommands } from './child-rpc';

let server: TestServer<Clock> | undefined;

const running = () => {
  if (!server) throw new Error('server not started');
  return server;
};

type Doc = Record<string, unknown> & { _id: string };

const commands: Record<string, (...args: never[]) => Promise<unknown>> = {
  async start(env: Record<string, string>, dataDir: string) {
    server = await startRealTimeTestServer(env, dataDir);
    return { url: server.url, dbPid: server.parts.storage.embedded?.pid() };
  },

  /** A session cookie for this directory entry (an active account is created for it when needed). */
  async session(memberId: string, roles: Role[] = ['member']) {
    return (await clientFor(running(), memberId, roles)).cookie;
  },

  async makeAvailable(ids: string[], km: number) {
    await makeAvailable(running(), ids, km);
    return true;
  },

  /** Merges `fields` into a stored document. */
  async patch(db: string, id: string, fields: Record<string, unknown>) {
    const store = running().parts.storage.couch.use<Doc>(db);
    await store.insert({ ...(await store.get(id)), ...fields });
    return true;
  },

  /** Documents of a database (design documents left out), with their conflicts and attachment stubs. */
  async docs(db: string, keys?: string[]) {
    const store = running().parts.storage.couch.use<Doc>(db);
    const res = keys ? await store.fetch({ keys }, { conflicts: true } as never) : await store.list({ include_docs: true, conflicts: true });
    return res.rows.flatMap((r) => ('doc' in r && r.doc && !r.id.startsWith('_design/') ? [r.doc] : []));
  },

  async info(db: string) {
    return running().parts.storage.couch.use(db).info();
  },

  async stop() {
    await server?.stop();
    server = undefined;
    return true;
  },
};

serveCommands(commands);
// The test runner gone: stop cleanly rather than leave a server behind.
process.on('disconnect', () => void (server?.stop() ?? Promise.resolve()).finally(() => process.exit(0)));
