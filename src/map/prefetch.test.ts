import { describe, expect, it } from 'vitest';
import { prefetchTiles, type PrefetchProgress } from './prefetch';

const urls = Array.from({ length: 40 }, (_, i) => `https://tiles.example/${i}.png`);
const tick = () => new Promise((r) => setTimeout(r, 1));

describe('prefetching tiles', () => {
  it('fetches every tile once, never more than `concurrency` at a time, and reports progress', async () => {
    let inFlight = 0;
    let most = 0;
    const fetched: string[] = [];
    const seen: PrefetchProgress[] = [];
    const result = await prefetchTiles(urls, {
      concurrency: 3,
      onProgress: (p) => seen.push(p),
      fetchTile: async (url) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await tick();
        inFlight--;
        fetched.push(url);
        if (url.endsWith('/7.png')) throw new Error('network');
        return !url.endsWith('/9.png');
      },
    });
    expect(most).toBe(3);
    expect([...fetched].sort()).toEqual([...urls].sort());
    expect(result).toEqual({ total: 40, done: 38, failed: 2, cancelled: false });
    expect(seen[0]).toEqual({ total: 40, done: 0, failed: 0 });
    expect(seen.at(-1)).toEqual({ total: 40, done: 38, failed: 2 });
  });

  it('stops when cancelled, without reporting what was in flight', async () => {
    const controller = new AbortController();
    let started = 0;
    const result = await prefetchTiles(urls, {
      concurrency: 2,
      signal: controller.signal,
      fetchTile: async () => {
        if (++started === 10) controller.abort();
        await tick();
        return true;
      },
    });
    expect(result.cancelled).toBe(true);
    expect(started).toBe(10);
    expect(result.done).toBeLessThan(10);
  });

  it('does nothing for an empty list', async () => {
    expect(await prefetchTiles([])).toEqual({ total: 0, done: 0, failed: 0, cancelled: false });
  });
});
