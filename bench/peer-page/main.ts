/**
 * The peer of the first-sync benchmark (`bench/first-sync.ts`): a plain PouchDB app in the browser
 * (PouchDB's browser build, its IndexedDB adapter, default replication options) pulling databases
 * straight from the database server, through a same-origin proxy at `/db/` that adds the
 * credentials, as a CouchDB app behind a reverse proxy would.
 */
import PouchDB from 'pouchdb-browser';

interface Spec {
  name: string;
  /** Only these documents (a filtered replication), otherwise the whole database. */
  docIds?: string[];
}

const peer = {
  /** Replicates each database into a fresh local one, all at once; milliseconds and local counts. */
  async replicate(specs: Spec[]): Promise<{ ms: number; counts: Record<string, number> }> {
    const start = performance.now();
    const locals = await Promise.all(
      specs.map(async (spec) => {
        const local = new PouchDB(`peer-${spec.name}`);
        const remote = new PouchDB(new URL(`/db/${spec.name}`, location.href).href, { skip_setup: true });
        try {
          await local.replicate.from(remote, spec.docIds ? { doc_ids: spec.docIds } : {});
        } catch (err) {
          const e = err as { status?: number; name?: string; message?: string; reason?: string };
          throw new Error(`replication of ${spec.name}: ${e.status ?? ''} ${e.name ?? ''} ${e.message ?? ''} ${e.reason ?? ''}`, { cause: err });
        }
        return [spec.name, local] as const;
      }),
    );
    const ms = performance.now() - start;
    const counts: Record<string, number> = {};
    for (const [name, local] of locals) counts[name] = (await local.info()).doc_count;
    return { ms, counts };
  },
};

(window as unknown as { peer: typeof peer }).peer = peer;
