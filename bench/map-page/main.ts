/**
 * The page of the map benchmark (`bench/map.ts`): the app's own map code (`src/map/`) fed with
 * synthetic members, so 100,000 of them are measured without syncing 100,000 documents.
 */
import '../../src/styles.css';
import { buildNearestIndex, nearest, type NearestIndex } from '../../src/map/nearest';
import type { Commune } from '../../src/domain/territory/communes';
import type { CommuneFeature } from '../../src/map/outline';
import type { MapPoint, MapState } from '../../src/map/points';
import { createTerritoryMap, type TerritoryMap } from '../../src/map/territory-map';

const PROFESSIONS = ['10', '10', '21', '40', '50', '60', '60', '60', '70', '70', '91', '80'];

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Members placed around commune centres in proportion to population, 30 % available, 10 % on call. */
function synthetic(communes: Commune[], n: number, seed: number): MapPoint[] {
  const rnd = random(seed);
  const total = communes.reduce((s, c) => s + c.population, 0);
  const points: MapPoint[] = [];
  for (const c of communes) {
    const count = Math.round((c.population / total) * n);
    for (let i = 0; i < count && points.length < n; i++) {
      const r = rnd();
      const state: MapState = r < 0.3 ? 'available' : r < 0.4 ? 'on-call' : 'unavailable';
      const spread = 0.004 + 0.02 * Math.sqrt(c.population / 120_000);
      points.push({
        id: `m-${points.length}`,
        lat: c.centroid[1] + (rnd() + rnd() - 1) * spread,
        lon: c.centroid[0] + (rnd() + rnd() - 1) * spread * 1.5,
        profession: PROFESSIONS[Math.floor(rnd() * PROFESSIONS.length)],
        specialty: '',
        structure: rnd() < 0.05,
        state,
      });
    }
  }
  while (points.length < n) points.push({ ...points[points.length % 1000], id: `m-${points.length}` });
  return points;
}

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

const longTasks: Array<{ start: number; duration: number }> = [];
new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push({ start: e.startTime, duration: e.duration }))).observe({ type: 'longtask', buffered: true });

let points: MapPoint[] = [];
let index: NearestIndex<MapPoint> | undefined;
let map: TerritoryMap | undefined;
let frames: number[] = [];
let watching = false;
let handlerTimes: Record<string, number[]> = {};

const bench = {
  setup(communes: Commune[], n: number, seed: number): number {
    points = synthetic(communes, n, seed);
    return points.length;
  },
  /** Milliseconds of each of `runs` index builds. */
  indexBuild(runs: number): number[] {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      index = buildNearestIndex(points);
      times.push(performance.now() - t);
    }
    return times;
  },
  /** Milliseconds of each query: the 50 nearest available, of one profession, within 10 km of a random place. */
  queries(count: number, seed: number): { times: number[]; found: number; meanMs: number } {
    const rnd = random(seed);
    const times: number[] = [];
    let found = 0;
    // performance.now() is coarsened to 0.1 ms here: the mean over the whole run is the precise figure.
    const start = performance.now();
    for (let i = 0; i < count; i++) {
      const from = { lat: 48.95 + rnd() * 0.28, lon: 5.95 + rnd() * 0.3 };
      const profession = PROFESSIONS[Math.floor(rnd() * PROFESSIONS.length)];
      const t = performance.now();
      found += nearest(index!, from, { radiusKm: 10, limit: 50, accept: (p) => p.profession === profession && p.state !== 'unavailable' }).length;
      times.push(performance.now() - t);
    }
    return { times, found, meanMs: (performance.now() - start) / count };
  },
  /** From nothing to the map drawn (outlines, outer limit, every member clustered) on screen. */
  async render(outlines: CommuneFeature[]): Promise<{ totalMs: number; clusterLoadMs: number; markers: number }> {
    const t = performance.now();
    map = createTerritoryMap(document.getElementById('map')!, {
      outlines,
      tileUrl: '',
      attribution: '',
      labels: { patient: 'Patient', mapLabel: 'Carte' },
      onSelect: () => undefined,
      onHover: () => undefined,
      onStack: () => undefined,
      onPatientMove: () => undefined,
      describe: (p) => p.id,
      describeCluster: (n) => `${n}`,
    });
    // Times every event the map fires (its handlers run inside), e.g. `moveend`, the clusters' redraw.
    const leaflet = map.map;
    const fire = leaflet.fire.bind(leaflet) as (...args: unknown[]) => unknown;
    leaflet.fire = ((type: string, ...rest: unknown[]) => {
      const t0 = performance.now();
      fire(type, ...rest);
      (handlerTimes[type] ??= []).push(performance.now() - t0);
      return leaflet;
    }) as typeof leaflet.fire;
    const c = performance.now();
    map.clusters.setPoints(points);
    const clusterLoadMs = performance.now() - c;
    await map.clusters.settled();
    await nextFrame();
    return { totalMs: performance.now() - t, clusterLoadMs, markers: document.querySelectorAll('.leaflet-marker-icon').length };
  },
  async setView(zoom: number): Promise<number> {
    map!.map.setView([49.1, 6.17], zoom, { animate: false });
    await map!.clusters.settled();
    return document.querySelectorAll('.leaflet-marker-icon').length;
  },
  /** Milliseconds spent in each map event handler run (moveend: the clusters' redraw), since the last call. */
  handlerTimes(): Record<string, number[]> {
    const out = handlerTimes;
    handlerTimes = {};
    return out;
  },
  /** Starts recording frame intervals; `stopWatching` returns them and the long tasks meanwhile. */
  startWatching(): number {
    frames = [];
    watching = true;
    let last = performance.now();
    const tick = (now: number) => {
      frames.push(now - last);
      last = now;
      if (watching) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
    return performance.now();
  },
  stopWatching(since: number): { frames: number[]; longTasks: number[] } {
    watching = false;
    return { frames, longTasks: longTasks.filter((l) => l.start >= since).map((l) => l.duration) };
  },
  longTasksSince(since: number): number[] {
    return longTasks.filter((l) => l.start >= since).map((l) => l.duration);
  },
};

(window as unknown as { bench: typeof bench }).bench = bench;
