import { describe, expect, it } from 'vitest';
import { breakdown, partOfSource, type CallFrame, type CpuProfile } from './sync-breakdown';

const frame = (functionName: string, url = ''): CallFrame => ({ functionName, url, lineNumber: 0, columnNumber: 0 });

describe('where a first sync goes', () => {
  it('names the part a source belongs to', () => {
    expect(partOfSource('../node_modules/dexie/dist/dexie.mjs')).toBe('deviceWrites');
    expect(partOfSource('../node_modules/rxdb/dist/esm/plugins/storage-dexie/rx-storage-instance-dexie.js')).toBe('deviceWrites');
    expect(partOfSource('../node_modules/rxdb/dist/esm/custom-index.js')).toBe('indexes');
    expect(partOfSource('../src/members/search.ts')).toBe('indexes');
    expect(partOfSource('../node_modules/rxdb/dist/esm/plugins/encryption-crypto-js/index.js')).toBe('encryption');
    expect(partOfSource('../node_modules/@cfworker/json-schema/dist/esm/validate.js')).toBe('validation');
    expect(partOfSource('../node_modules/rxdb/dist/esm/replication-protocol/downstream.js')).toBe('replication');
    expect(partOfSource('../node_modules/rxdb/dist/esm/plugins/replication-couchdb/index.js')).toBe('replication');
    expect(partOfSource('../src/members/DirectoryPage.tsx')).toBe('display');
    expect(partOfSource('../node_modules/broadcast-channel/dist/esbrowser/broadcast-channel.js')).toBe('otherTabs');
    expect(partOfSource('../node_modules/rxjs/dist/esm5/internal/Subject.js')).toBe('other');
  });

  it('gives each sample to what the main thread runs, or to what it waits for, and the parts add up to the window', () => {
    // root → idle | garbage collector | dexie's put → native IndexedDB call | replication
    const profile: CpuProfile = {
      nodes: [
        { id: 1, callFrame: frame('(root)'), children: [2, 3, 4, 6] },
        { id: 2, callFrame: frame('(idle)') },
        { id: 3, callFrame: frame('(garbage collector)') },
        { id: 4, callFrame: frame('put', 'http://app/dexie.js'), children: [5] },
        { id: 5, callFrame: frame('put') },
        { id: 6, callFrame: frame('pull', 'http://app/rxdb.js') },
      ],
      startTime: 0,
      endTime: 100_000,
      // 10 samples, 10 ms apart, from t = 0 (page clock 1,000 ms).
      samples: [2, 2, 2, 6, 5, 4, 2, 3, 2, 2],
      timeDeltas: [0, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000, 10_000],
    };
    const { parts, modules } = breakdown(profile, {
      profileStartMs: 1000,
      // The window starts half-way through the first sample and ends with the ninth.
      from: 1005,
      to: 1090,
      loginEnd: 1010,
      // Sample 1 waits for nothing, 2 for the server's first byte, 6 for a body, 8 for nothing.
      pulls: [
        { requestStart: 1022, responseStart: 1030, responseEnd: 1031 },
        { requestStart: 1055, responseStart: 1060, responseEnd: 1075 },
      ],
      partOf: (f) => (f.url.endsWith('dexie.js') ? { part: 'deviceWrites', module: 'dexie' } : f.url.endsWith('rxdb.js') ? { part: 'replication', module: 'rxdb' } : undefined),
    });
    expect(parts).toMatchObject({ login: 5, server: 10, replication: 10, deviceWrites: 20, transfer: 10, gc: 10, storage: 20, other: 0 });
    expect(Object.values(parts).reduce((a, b) => a + b, 0)).toBe(85);
    expect(Object.fromEntries(modules)).toEqual({ rxdb: 10, dexie: 20, '(garbage collector)': 10 });
  });
});
