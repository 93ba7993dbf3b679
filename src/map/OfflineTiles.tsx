/** « Préparer la carte hors ligne »: fetches the territory's tiles (zooms 10 to 15) a few at a time, with progress and cancel. */
import { createSignal, Match, onCleanup, Show, Switch } from 'solid-js';
import * as fr from '../i18n/fr';
import { prefetchTiles, type PrefetchProgress, type PrefetchResult } from './prefetch';
import { PREFETCH_ZOOMS, prefetchAllowed, tilesForBounds, tileUrl } from './tiles';

/** A Plan IGN tile weighs 10 to 30 KB; the estimate shown before starting. */
const AVERAGE_TILE_KB = 20;

export function OfflineTiles(props: { template: string; bounds: [number, number, number, number] }) {
  const tiles = () => tilesForBounds(props.bounds, PREFETCH_ZOOMS.min, PREFETCH_ZOOMS.max);
  const [progress, setProgress] = createSignal<PrefetchProgress | null>(null);
  const [result, setResult] = createSignal<PrefetchResult | null>(null);
  const [refusal, setRefusal] = createSignal('');
  let controller: AbortController | undefined;
  onCleanup(() => controller?.abort());

  async function start() {
    setResult(null);
    // The service worker is what keeps the tiles: without it they would be downloaded for nothing.
    if (!navigator.serviceWorker?.controller) return setRefusal(fr.map.tilesNoWorker);
    if (!navigator.onLine) return setRefusal(fr.map.tilesOffline);
    setRefusal('');
    // Asks the browser not to evict the tiles under storage pressure; refusing it changes nothing else.
    void navigator.storage?.persist?.().catch(() => false);
    controller = new AbortController();
    const urls = tiles().map((t) => tileUrl(props.template, t));
    const outcome = await prefetchTiles(urls, { concurrency: 4, signal: controller.signal, onProgress: setProgress });
    controller = undefined;
    setProgress(null);
    setResult(outcome);
  }

  return (
    <section class="panel offline-tiles" aria-labelledby="offline-tiles-title" data-testid="offline-tiles">
      <h2 id="offline-tiles-title" class="panel__title">
        {fr.map.tiles}
      </h2>
      <Switch>
        <Match when={!props.template}>
          <p class="muted">{fr.map.tilesNone}</p>
        </Match>
        <Match when={!prefetchAllowed(props.template)}>
          <p class="muted" data-testid="offline-tiles-forbidden">
            {fr.map.tilesForbidden}
          </p>
        </Match>
        <Match when={true}>
          <p class="muted">{fr.map.tilesIntro(tiles().length, Math.round((tiles().length * AVERAGE_TILE_KB) / 1024))}</p>
          <Show
            when={progress()}
            fallback={
              <button type="button" class="button button--secondary" data-testid="offline-tiles-start" onClick={() => void start()}>
                {fr.map.tilesStart}
              </button>
            }
          >
            {(p) => (
              <div class="offline-tiles__progress">
                <progress max={p().total} value={p().done + p().failed} data-testid="offline-tiles-progress" />
                <span aria-live="polite">{fr.map.tilesProgress(p().done + p().failed, p().total)}</span>
                <button type="button" class="button button--secondary" data-testid="offline-tiles-cancel" onClick={() => controller?.abort()}>
                  {fr.map.tilesCancel}
                </button>
              </div>
            )}
          </Show>
          <p role="status" data-testid="offline-tiles-status">
            {refusal() || (result() ? (result()!.cancelled ? fr.map.tilesCancelled : fr.map.tilesDone(result()!.done, result()!.failed)) : '')}
          </p>
        </Match>
      </Switch>
    </section>
  );
}
