/**
 * A reverse proxy in front of the end-to-end server whose API can be cut, as a network that still
 * serves the app's files but not its server would be. Closed, every `/api/` request fails as a
 * network error, whoever makes it (the page or its service worker), and those in flight are cut.
 * Unlike a Playwright route, it does not depend on how the browser attributes a request that went
 * through a service worker. It can also hold the requests a test names until it lets them go, as a
 * slow network would at that point.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ApiGate {
  /** The origin to open the app at (another port of localhost: the session cookie is shared). */
  url: string;
  open(): void;
  close(): void;
  /** `/api/` requests refused while closed. */
  refused(): number;
  /** From now on, requests whose decoded path and query `matches` wait until `release()`. */
  hold(matches: (url: string) => boolean): void;
  /** Sends the held requests on, and holds nothing more. */
  release(): void;
  /** Requests waiting now. */
  held(): number;
  stop(): Promise<void>;
}

export async function startApiGate(target: string): Promise<ApiGate> {
  const upstream = new URL(target);
  let closed = false;
  let refused = 0;
  const apiAnswers = new Set<http.ServerResponse>();
  let holding: ((url: string) => boolean) | null = null;
  let waiting: (() => void)[] = [];
  const server = http.createServer((req, res) => {
    if (holding?.(decodeURIComponent(req.url ?? ''))) {
      waiting.push(() => server.emit('request', req, res));
      return;
    }
    const api = (req.url ?? '').startsWith('/api/');
    if (api && closed) {
      refused++;
      req.socket.destroy();
      return;
    }
    if (api) {
      apiAnswers.add(res);
      res.on('close', () => apiAnswers.delete(res));
    }
    const forward = http.request({ host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    forward.on('error', () => res.destroy());
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://localhost:${port}`,
    open: () => void (closed = false),
    close() {
      closed = true;
      for (const res of apiAnswers) res.socket?.destroy();
    },
    refused: () => refused,
    hold: (matches) => void (holding = matches),
    release() {
      holding = null;
      const held = waiting;
      waiting = [];
      held.forEach((send) => send());
    },
    held: () => waiting.length,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
