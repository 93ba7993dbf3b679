/**
 * Vite plugin for the selected territory (`TERRITORY` or `TERRITORY_DIR`, as the server reads it):
 * its communes, outlines and merged outline are served in development and emitted into the build at
 * `/territory/…`, so the service worker precaches them and the map works offline; its identity
 * (names, platform contact, time zone) is built into the app as `import.meta.env.VITE_TERRITORY`
 * and written into the page's title.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Plugin } from 'vite';
import { identityOf, type TerritoryIdentity } from '../src/domain/territory/settings';
import { loadTerritorySettings, territoryDirFrom } from '../server/territory/load';

const FILES = {
  'communes.json': 'application/json',
  'communes.geojson': 'application/geo+json',
  'outline.geojson': 'application/geo+json',
} as const;
type FileName = keyof typeof FILES;

const URL_PREFIX = '/territory/';

/** The selected territory's folder, from the repository root. */
export function territoryDir(root: string, env: NodeJS.ProcessEnv = process.env): string {
  return territoryDirFrom(env, root);
}

export function territoryIdentity(dir: string): TerritoryIdentity {
  return identityOf(loadTerritorySettings(dir));
}

/** `define` entries that build the identity into client code (the app and its service worker). */
export function territoryDefine(identity: TerritoryIdentity): Record<string, string> {
  return { 'import.meta.env.VITE_TERRITORY': JSON.stringify(JSON.stringify(identity)) };
}

async function readChecked(dir: string, file: FileName): Promise<Buffer> {
  let source: Buffer;
  try {
    source = await readFile(path.join(dir, file));
  } catch {
    throw new Error(`Territory data: cannot read ${path.join(dir, file)}; set TERRITORY or TERRITORY_DIR to a folder holding ${Object.keys(FILES).join(', ')}.`);
  }
  try {
    JSON.parse(source.toString('utf8'));
  } catch {
    throw new Error(`Territory data: ${path.join(dir, file)} is not valid JSON.`);
  }
  return source;
}

/** What the build emits from a territory folder: each file under `territory/`, checked. */
export async function territoryAssets(dir: string): Promise<Array<{ fileName: string; source: Buffer }>> {
  return Promise.all((Object.keys(FILES) as FileName[]).map(async (file) => ({ fileName: `${URL_PREFIX.slice(1)}${file}`, source: await readChecked(dir, file) })));
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export function territoryData(dir: string, identity: TerritoryIdentity): Plugin {
  return {
    name: 'cpts-territory-data',
    transformIndexHtml(html) {
      return html.replaceAll('%TERRITORY_NAME%', escapeHtml(identity.name)).replaceAll('%TERRITORY_SHORT_NAME%', escapeHtml(identity.shortName));
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
      for (const asset of await territoryAssets(dir)) this.emitFile({ type: 'asset', ...asset });
    },
  };
}
