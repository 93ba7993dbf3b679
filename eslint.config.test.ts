/** The import boundaries of eslint.config.js do fail: snippets placed on each side, linted by ESLint itself. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('.', import.meta.url));
// Real modules, one per side: an import is checked only once it resolves to a file.
const TARGETS = ['src/i18n/fr.ts', 'src/domain/geo.ts', 'server/config.ts', 'e2e/helpers.ts', 'bench/lib/stats.ts'];

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

/** The boundary messages ESLint reports for `code` as if it were the file at `filePath`. */
async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === 'import-x/no-restricted-paths').map((m) => m.message);
}

// The first lint loads the TypeScript parser and the resolver: seconds on a loaded machine.
describe('import boundaries', { timeout: 30_000 }, () => {
  it('uses modules that exist', () => {
    for (const target of TARGETS) expect(existsSync(`${ROOT}${target}`), target).toBe(true);
  });

  it('the domain imports neither the client nor the server', async () => {
    const errors = await boundaryErrors('src/domain/probe.ts', "import { fr } from '../i18n/fr';\nimport type { Config } from '../../server/config';\nexport type Probe = [typeof fr, Config];\n");
    expect(errors).toEqual([expect.stringContaining('The domain never imports the client'), expect.stringContaining('The domain never imports the server')]);
  });

  it('the client never imports the server', async () => {
    const errors = await boundaryErrors('src/requests/probe.ts', "export { loadConfig } from '../../server/config';\n");
    expect(errors).toEqual([expect.stringContaining('The client never imports the server')]);
  });

  it('the server imports the client only through the domain', async () => {
    const code = "import { fr } from '../../src/i18n/fr';\nimport { distanceKm } from '../../src/domain/geo';\nexport const probe = [fr, distanceKm];\n";
    expect(await boundaryErrors('server/requests/probe.ts', code)).toEqual([expect.stringContaining('The server imports the client only through src/domain')]);
  });

  it('the product never imports e2e/ or bench/', async () => {
    const cases = [
      ['src/domain/probe.ts', '../../e2e/helpers'],
      ['src/probe.ts', '../e2e/helpers'],
      ['server/probe.ts', '../bench/lib/stats'],
    ];
    for (const [filePath, from] of cases) {
      expect(await boundaryErrors(filePath, `export * from '${from}';\n`), filePath).toEqual([expect.stringContaining('e2e/ and bench/ are tools')]);
    }
  });

  it('lets each side import the domain, and the server tests that drive the client import it', async () => {
    expect(await boundaryErrors('src/requests/probe.ts', "export { distanceKm } from '../domain/geo';\n")).toEqual([]);
    expect(await boundaryErrors('server/probe.ts', "export { distanceKm } from '../src/domain/geo';\n")).toEqual([]);
    expect(await boundaryErrors('server/testing/offline-device.ts', "export { fr } from '../../src/i18n/fr';\n")).toEqual([]);
  });
});
