/** The HTTP listener, open before storage: it answers 503 until the application is handed to it, and again while it stops. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { unavailable } from './errors';

type Handler = (request: IncomingMessage, response: ServerResponse) => void;

export interface Listener {
  readonly url: string;
  readonly server: Server;
  /** For `Fastify({ serverFactory })`: the application gets this listener's server and answers once `serve` is called. */
  factory(handler: Handler): Server;
  /** Hands every request to the application (call once it is ready). */
  serve(): void;
  /** Back to 503 for everything, while the server stops. */
  pause(): void;
  close(): Promise<void>;
}

const STARTING = 'Le serveur démarre ou s’arrête ; réessayez dans un instant.';

/** What anyone gets while there is no application: health says storage is not ready, the rest says to come back. */
function notReady(request: IncomingMessage, response: ServerResponse): void {
  const url = request.url ?? '/';
  const api = url === '/api' || url.startsWith('/api/');
  const body =
    url.split('?')[0] === '/api/health'
      ? JSON.stringify({ status: 'indisponible', error: 'Le stockage n’est pas prêt.' })
      : api
        ? JSON.stringify({ error: unavailable().message })
        : STARTING;
  response.writeHead(503, {
    'content-type': api ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
    'cache-control': 'no-store',
    'retry-after': '2',
  });
  response.end(body);
}

export async function openListener(port: number, host: string): Promise<Listener> {
  let application: Handler | undefined;
  let current: Handler = notReady;
  const server = createServer((request, response) => current(request, response));
  // As Fastify sets its own server: devices' long-polls keep their connection between two polls,
  // and a request may last as long as it needs (an RPPS extract takes minutes to upload).
  server.keepAliveTimeout = 72_000;
  server.requestTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://localhost:${address.port}`,
    server,
    factory(handler) {
      application = handler;
      return server;
    },
    serve() {
      if (!application) throw new Error('no application to serve');
      current = application;
    },
    pause() {
      current = notReady;
    },
    async close() {
      current = notReady;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    },
  };
}
