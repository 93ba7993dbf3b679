/**
 * The builds the browser benchmarks need, apart from `dist/` (which other jobs may be rebuilding):
 * the app with the project's own Vite configuration (plus a manifest, for the page weight), and
 * small pages of the benchmarks' own.
 */
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';

/** The built app: `BENCH_DIST` when the runner already built it, otherwise a fresh build. */
export async function builtApp(): Promise<string> {
  const given = process.env.BENCH_DIST;
  if (given && existsSync(path.join(given, 'index.html'))) return path.resolve(given);
  const outDir = path.join(tmpdir(), `cpts-bench-dist-${process.pid}`);
  await build({ configFile: path.resolve('vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true, manifest: true } });
  return outDir;
}

/**
 * A variant of the app whose replication pulls `batchSize` documents per request instead of the
 * app's 200 (a what-if for the first sync; `src/` is left as it is, the build rewrites one line).
 */
export async function builtAppWithPullBatch(batchSize: number): Promise<string> {
  const outDir = path.join(tmpdir(), `cpts-bench-dist-pull${batchSize}-${process.pid}`);
  let rewritten = false;
  const rewrite = {
    name: 'bench-pull-batch',
    enforce: 'pre' as const,
    transform(code: string, id: string) {
      if (!id.endsWith('src/data/replication.ts')) return null;
      const line = /pull: \{ batchSize: [A-Z_0-9]+ \}/;
      rewritten = line.test(code);
      return code.replace(line, `pull: { batchSize: ${batchSize} }`);
    },
  };
  await build({ configFile: path.resolve('vite.config.ts'), logLevel: 'warn', plugins: [rewrite], build: { outDir, emptyOutDir: true } });
  if (!rewritten) throw new Error('src/data/replication.ts no longer has `pull: { batchSize: N }`: the what-if build cannot set it');
  return outDir;
}

/** A page of the benchmarks (its folder holds index.html and main.ts), built to a temporary folder. */
export async function builtPage(folder: string): Promise<string> {
  const outDir = path.join(tmpdir(), `cpts-bench-${path.basename(folder)}-${process.pid}`);
  await build({
    configFile: false,
    root: path.resolve(folder),
    base: './',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2022' },
  });
  return outDir;
}

export const CHROMIUM = {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
};
