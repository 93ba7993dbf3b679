/** Downloads a list of tiles a few at a time, reporting progress, until done or cancelled; the service worker keeps what arrives. */

export interface PrefetchProgress {
  total: number;
  /** Tiles received (from the network or already cached). */
  done: number;
  failed: number;
}

export interface PrefetchOptions {
  /** Requests in flight at once: a few, to stay a polite client of the tile server. */
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (progress: PrefetchProgress) => void;
  /** Resolves true when the tile was received. */
  fetchTile?: (url: string, signal?: AbortSignal) => Promise<boolean>;
}

export type PrefetchResult = PrefetchProgress & { cancelled: boolean };

/** CORS mode, as the map's own tiles: the cached copy then serves both, and counts its real size in the quota. */
async function fetchTileCors(url: string, signal?: AbortSignal): Promise<boolean> {
  const res = await fetch(url, { mode: 'cors', credentials: 'omit', signal });
  // The body is read so the service worker's copy is complete before the next request starts.
  await res.arrayBuffer();
  return res.ok;
}

export async function prefetchTiles(urls: readonly string[], options: PrefetchOptions = {}): Promise<PrefetchResult> {
  const { concurrency = 4, signal, onProgress, fetchTile = fetchTileCors } = options;
  const progress: PrefetchProgress = { total: urls.length, done: 0, failed: 0 };
  let next = 0;
  onProgress?.({ ...progress });

  async function worker(): Promise<void> {
    while (next < urls.length && !signal?.aborted) {
      const url = urls[next++];
      let ok = false;
      try {
        ok = await fetchTile(url, signal);
      } catch {
        // A failed tile is counted, not fatal: the rest of the territory is still worth having.
      }
      if (signal?.aborted) return;
      if (ok) progress.done++;
      else progress.failed++;
      onProgress?.({ ...progress });
    }
  }

  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, urls.length)) }, worker));
  return { ...progress, cancelled: Boolean(signal?.aborted) };
}
