/**
 * A same-origin front for the peer: serves a built page at `/` and forwards `/db/<name>/*` to the
 * database server's `<prefix><name>/*` with its admin credentials, streaming both ways (what a
 * reverse proxy in front of CouchDB does).
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.css': 'text/css', '.map': 'application/json' };

export async function startDbProxy(pageDir: string, dbUrl: string, prefix: string): Promise<{ url: string; close(): Promise<void> }> {
  const target = new URL(dbUrl);
  const authorization = 'Basic ' + Buffer.from(`${decodeURIComponent(target.username)}:${decodeURIComponent(target.password)}`).toString('base64');
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://proxy');
    if (url.pathname.startsWith('/db/')) {
      const headers = { ...req.headers, host: target.host, authorization };
      const upstream = http.request({ host: target.hostname, port: target.port, method: req.method, path: `/${prefix}${url.pathname.slice(4)}${url.search}`, headers, agent }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      upstream.on('error', () => (res.headersSent ? res.destroy() : res.writeHead(502).end()));
      req.pipe(upstream);
      return;
    }
    const file = path.join(pageDir, url.pathname === '/' ? 'index.html' : path.normalize(url.pathname));
    if (!file.startsWith(pageDir) || !existsSync(file) || !statSync(file).isFile()) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((r) => (agent.destroy(), server.closeAllConnections(), server.close(() => r()))),
  };
}
