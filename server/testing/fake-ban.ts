/** A local fake of the BAN search endpoint, answering GeoJSON as the real one does, for tests. */
import { createServer, type Server } from 'node:http';

export interface FakeBanAnswer {
  lon: number;
  lat: number;
  score: number;
  citycode: string;
  label: string;
}

export interface FakeBan {
  url: string;
  /** Queries received (the `q` parameter and the bias), newest last. */
  queries: URLSearchParams[];
  /** What to answer for a query; undefined: no feature found. Default: nothing found. */
  answer: (q: string) => FakeBanAnswer | undefined;
  /** When set, the fake answers this HTTP status (e.g. 503) instead. */
  failWith?: number;
  close(): Promise<void>;
}

export async function startFakeBan(): Promise<FakeBan> {
  const fake: FakeBan = { url: '', queries: [], answer: () => undefined, close: async () => {} };
  const server: Server = createServer((req, res) => {
    const params = new URL(req.url ?? '/', 'http://localhost').searchParams;
    fake.queries.push(params);
    if (fake.failWith) {
      res.writeHead(fake.failWith).end();
      return;
    }
    const found = fake.answer(params.get('q') ?? '');
    const features = found
      ? [
          {
            type: 'Feature',
            geometry: { type: 'Point', coordinates: [found.lon, found.lat] },
            properties: { label: found.label, score: found.score, citycode: found.citycode, type: 'housenumber' },
          },
        ]
      : [];
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ type: 'FeatureCollection', version: 'draft', features, query: params.get('q') }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as { port: number }).port}/search/`;
  fake.close = () => new Promise((resolve) => server.close(() => resolve()));
  return fake;
}
