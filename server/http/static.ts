/** Serves the built PWA: hashed assets cached for a year, the shell and the service worker always revalidated, SPA routes answered with index.html. */
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync } from 'node:fs';
import path from 'node:path';

const NEVER_CACHED = new Set(['index.html', 'sw.js', 'manifest.webmanifest']);

export function serveApp(app: FastifyInstance, staticDir: string): boolean {
  if (!existsSync(path.join(staticDir, 'index.html'))) {
    app.log.warn({ staticDir }, 'application non construite : lancez « npm run build » (seule l’API est servie)');
    return false;
  }
  app.register(fastifyStatic, {
    root: staticDir,
    wildcard: true,
    index: ['index.html'],
    cacheControl: false,
    setHeaders(res, file) {
      const rel = path.relative(staticDir, file).split(path.sep).join('/');
      if (rel.startsWith('assets/')) res.header('cache-control', 'public, max-age=31536000, immutable');
      else if (NEVER_CACHED.has(rel)) res.header('cache-control', 'no-cache, no-store, must-revalidate');
      else res.header('cache-control', 'no-cache');
    },
  });
  return true;
}
