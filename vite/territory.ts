/**
 * Vite plugin for the territory data (commune list and outlines): served in development and emitted
 * into the build at `/territory/…`, so the service worker precaches them and the map works offline.
 * The files are read from the shared data folder, never copied into the repository.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'vite';

const FILES = {
  'communes.json': 'application/json',
  'communes.geojson': 'application/geo+json',
} as const;
type FileName = keyof typeof FILES;

const URL_PREFIX = '/territory/';

/** `TERRITORY_DIR` when set, otherwise `../shared/data/territory` beside the repository. */
export function territoryDir(root: string, env: NodeJS.ProcessEnv = process.env): string {
  return env.TERRITORY_DIR ? path.resolve(env.TERRITORY_DIR) : path.resolve(root, '../shared/data/territory');
}

async function readChecked(dir: string, file: FileName): Promise<Buffer> {
  let source: Buffer;
  try {
    source = await readFile(path.join(dir, file));
  } catch {
    throw new Error(`Territory data: cannot read ${path.join(dir, file)}; set TERRITORY_DIR to the folder holding ${Object.keys(FILES).join(' and ')}.`);
  }
  try {
    JSON.parse(source.toString('utf8'));
  } catch {
    throw new Error(`Territory data: ${path.join(dir, file)} is not valid JSON.`);
  }
  return source;
}

export function territoryData(): Plugin {
  let dir = '';
  return {
    name: 'cpts-territory-data',
    configResolved(config) {
      dir = territoryDir(config.root);
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const pathname = (req.url ?? '').split('?')[0];
        const file = pathname.startsWith(URL_PREFIX) ? (pathname.slice(URL_PREFIX.length) as FileName) : undefined;
        if (!file || !(file in FILES)) return next();
        readChecked(dir, file).then((source) => {
          res.setHeader('content-type', FILES[file]);
          res.end(source);
        }, next);
      });
    },
    async generateBundle() {
      for (const file of Object.keys(FILES) as FileName[]) {
        this.emitFile({ type: 'asset', fileName: `${URL_PREFIX.slice(1)}${file}`, source: await readChecked(dir, file) });
      }
    },
  };
}
