/** The repository's default territory, loaded once for the tests that need real communes and outlines. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultTerritory, loadTerritory, type Territory } from '../territory/load';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const TEST_TERRITORY_DIR = path.join(ROOT, 'territories', defaultTerritory(ROOT));

let loaded: Territory | undefined;

export function testTerritory(): Territory {
  loaded ??= loadTerritory(TEST_TERRITORY_DIR);
  return loaded;
}
