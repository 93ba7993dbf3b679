/** Vitest's global set-up of the integration tests: on CouchDB, one prefix for the run's databases, and none of them left at its end. */
import { dropDatabases, onCouchDb, runPrefix } from './database';

export default function setup(): (() => Promise<void>) | undefined {
  if (!onCouchDb) return undefined;
  // Drawn here, in the runner's process, so that every test file and every server it forks shares it.
  const run = runPrefix();
  return () => dropDatabases(run);
}
