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
