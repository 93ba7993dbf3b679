/** Test projects: unit tests beside the code (no server), integration tests that start the real server (`*.itest.ts`). */
import { defineConfig } from 'vitest/config';
import { territoryDefine, territoryDir, territoryIdentity } from './vite/territory.ts';

export default defineConfig({
  // The client code reads the territory it was built for; tests run it with the repository's default.
  define: territoryDefine(territoryIdentity(territoryDir(process.cwd(), {}))),
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['*.test.ts', 'src/**/*.test.ts', 'server/**/*.test.ts', 'vite/**/*.test.ts', 'bench/**/*.test.ts'], environment: 'node' } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['server/**/*.itest.ts'],
          // On CouchDB (COUCHDB_URL): the run's database prefix, and its databases deleted at the end.
          globalSetup: ['server/testing/couchdb-run.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
