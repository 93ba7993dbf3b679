/**
 * An HTTP proxy in front of the database that behaves as a CouchDB cluster node can: the first read
 * of a document after each write answers 404, as if the node asked did not have it yet, although
 * the change feed already lists it. Only the databases named are affected; everything else (the
 * long-polls of the change feed included) passes through untouched.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StaleReadProxy {
  url: string;
  /** Reads answered 404 so far. */
  readonly staleReads: number;
  close(): Promise<void>;
}

/** `/db/doc` → ['db', 'doc'] for a document path (not `_changes`, `_all_docs`, a design document…). */
function documentPath(url: string): [string, string] | undefined {
  const parts = url.split('?')[0].split('/').filter(Boolean).map(decodeURIComponent);
  return parts.length === 2 && !parts[0].startsWith('_') && !parts[1].startsWith('_') ? [parts[0], parts[1]] : undefined;
}

async function bodyOf(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** The ids a write names: in its path, its body (one document or `_bulk_docs`), or its answer. */
function writtenIds(url: string, request: Buffer, answer: Buffer): string[] {
  const ids = new Set<string>();
  const doc = documentPath(url);
  if (doc) ids.add(doc[1]);
  for (const text of [request, answer]) {
    try {
      const json = JSON.parse(text.toString() || 'null') as unknown;
      const docs = Array.isArray(json) ? json : ((json as { docs?: unknown[] })?.docs ?? [json]);
      for (const d of docs as Array<{ _id?: string; id?: string } | null>) if (d && (d._id ?? d.id)) ids.add(String(d._id ?? d.id));
    } catch {
      // Not JSON: nothing to learn.
    }
  }
  return [...ids];
}

export async function startStaleReadProxy(target: string, databases: string[]): Promise<StaleReadProxy> {
  const upstream = new URL(target);
  const affected = (db: string) => databases.some((name) => db === name || db.endsWith(`_${name}`));
  /** `db/doc` written since its last read. */
  const unread = new Set<string>();
  let staleReads = 0;

  const server = http.createServer((req, res) => {
    void (async () => {
      const doc = documentPath(req.url ?? '');
      const key = doc && doc.join('/');
      if (req.method === 'GET' && key && unread.delete(key)) {
        staleReads++;
        res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'not_found', reason: 'missing' }));
        return;
      }
      const [db = '', rest] = (req.url ?? '').split('?')[0].split('/').filter(Boolean);
      // A document written, created by POST, or written in bulk (not a read posted, such as _bulk_get).
      const isWrite = ['PUT', 'POST', 'DELETE'].includes(req.method ?? '') && affected(db) && (doc !== undefined || rest === undefined || rest === '_bulk_docs');
      const body = await bodyOf(req);
      const forwarded = http.request({ host: upstream.hostname, port: upstream.port, path: req.url, method: req.method, headers: { ...req.headers, host: upstream.host } }, (answer) => {
        if (!isWrite) {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          return;
        }
        void bodyOf(answer).then((text) => {
          if ((answer.statusCode ?? 500) < 300) for (const id of writtenIds(req.url ?? '', body, text)) unread.add(`${db}/${id}`);
          res.writeHead(answer.statusCode ?? 502, answer.headers).end(text);
        });
      });
      forwarded.on('error', () => res.destroy());
      forwarded.end(body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const proxied = new URL(target);
  proxied.host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: proxied.href.replace(/\/$/, ''),
    get staleReads() {
      return staleReads;
    },
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
