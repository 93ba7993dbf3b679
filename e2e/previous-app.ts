/**
 * The app as the previous release built it, for the upgrade test: the commit before the last change
 * of a replicated schema, taken from git and built with this checkout's packages. A schema change
 * moves `PREVIOUS_APP_COMMIT` to the last commit before it (and ships its migration).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';

/** The last commit whose schemas were all at the versions before the current ones (members 1, requests 1, messages 1). */
export const PREVIOUS_APP_COMMIT = '5b50c4a8f1087aac7201cfc9b6fd097223ae8e03';

/** Builds it once into `dir/dist` and returns that folder. */
export function buildPreviousApp(dir: string): string {
  const dist = path.join(dir, 'dist');
  if (existsSync(path.join(dist, 'index.html'))) return dist;
  const root = process.cwd();
  try {
    execFileSync('git', ['cat-file', '-e', `${PREVIOUS_APP_COMMIT}^{commit}`], { cwd: root, stdio: 'ignore' });
  } catch {
    throw new Error(`The upgrade test needs commit ${PREVIOUS_APP_COMMIT} in this clone's history (a shallow clone lacks it: git fetch --unshallow).`);
  }
  const source = path.join(dir, 'source');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(source, { recursive: true });
  execFileSync('sh', ['-c', `git archive ${PREVIOUS_APP_COMMIT} | tar -x -C "${source}"`], { cwd: root });
  symlinkSync(path.join(root, 'node_modules'), path.join(source, 'node_modules'));
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', '--configLoader', 'runner', '--outDir', dist], {
    cwd: source,
    stdio: 'inherit',
    env: { ...process.env, TERRITORY: '', TERRITORY_DIR: '' },
  });
  return dist;
}
