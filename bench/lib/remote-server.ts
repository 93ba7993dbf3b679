/** Moved to `server/testing/remote-server.ts` (the soak test uses it too); kept for benchmarks that still import it from here. */
export * from '../../server/testing/remote-server';
