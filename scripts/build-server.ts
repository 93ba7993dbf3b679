/**
 * Compiles the server into `dist-server/` (one ES module bundle beside its source map; the npm
 * packages stay in node_modules), so `npm start` runs plain JavaScript with no TypeScript loader.
 */
import { build } from 'esbuild';
import { copyFileSync, rmSync } from 'node:fs';

const OUT = 'dist-server';

rmSync(OUT, { recursive: true, force: true });
await build({
  entryPoints: { main: 'server/main.ts' },
  outdir: OUT,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
// Preloaded into the embedded database's process, found beside the bundle as beside its source.
copyFileSync('server/storage/parent-watch.cjs', `${OUT}/parent-watch.cjs`);
