/**
 * Benchmark (not a test) of the map, in Chromium on this machine. Two parts:
 * - the map code of `src/map/` on a page fed with synthetic members (1,600, 10,000 and 100,000):
 *   spatial index build, nearest-available queries, time to draw the map with every member
 *   clustered, and the frames and long tasks while panning at three zooms;
 * - the real `/carte` route of the built app against the real server and its demo directory.
 * Needs a build (`npm run bench:map` makes one; `BENCH_DIST` names another). Writes bench/results/map.json.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build } from 'vite';
import { demo, startTestServer } from '../server/testing/server';
import { territoryDir } from '../vite/territory';
import { DIRECTORY_COUNT } from '../e2e/helpers';

const SIZES = [1_600, 10_000, 100_000];
const QUERIES = 1_000;
const PAN_ZOOMS = [11, 13, 15];
const ORIGIN = 'http://bench.local';

type BenchApi = {
  setup(communes: unknown, n: number, seed: number): number;
  indexBuild(runs: number): number[];
  queries(count: number, seed: number): { times: number[]; found: number; meanMs: number };
  render(outlines: unknown): Promise<{ totalMs: number; clusterLoadMs: number; markers: number }>;
  setView(zoom: number): Promise<number>;
  handlerTimes(): Record<string, number[]>;
  startWatching(): number;
  stopWatching(since: number): { frames: number[]; longTasks: number[] };
  longTasksSince(since: number): number[];
};
declare const bench: BenchApi;

const round = (n: number) => Number(n.toFixed(2));
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] : 0;
};

/** Drags the map by (dx, dy) the way a hand does, then lets the inertia and the redraw finish. */
async function drag(page: Page, dx: number, dy: number): Promise<void> {
  const box = (await page.locator('.leaflet-container').boundingBox())!;
  const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx, y + dy, { steps: 20 });
  await page.mouse.up();
  await page.waitForTimeout(400);
}

async function panAround(page: Page): Promise<void> {
  for (const [dx, dy] of [[300, 0], [0, 250], [-300, 0], [0, -250], [250, 200], [-250, -200]]) await drag(page, dx, dy);
}

async function syntheticRun(browser: Browser, dir: string, n: number, communes: unknown, outlines: unknown) {
  const page = await browser.newPage({ viewport: { width: 1100, height: 800 } });
  await page.route(`${ORIGIN}/**`, (route) => {
    const file = path.join(dir, new URL(route.request().url()).pathname);
    route.fulfill({ path: file.endsWith('/') ? path.join(file, 'index.html') : file }).catch(() => route.abort());
  });
  await page.goto(`${ORIGIN}/index.html`);
  await page.waitForFunction(() => 'bench' in window);
  const count = await page.evaluate(([c, size]) => bench.setup(c, size as number, 7), [communes, n] as const);
  const builds = await page.evaluate(() => bench.indexBuild(10));
  const { times, found, meanMs } = await page.evaluate((q) => bench.queries(q, 11), QUERIES);
  const render = await page.evaluate((o) => bench.render(o), outlines);
  const pans: Record<string, { markers: number; redrawMaxMs: number; longestTaskMs: number; longTasks: number; frameP95Ms: number; frameMaxMs: number }> = {};
  for (const zoom of PAN_ZOOMS) {
    const markers = await page.evaluate((z) => bench.setView(z), zoom);
    await page.waitForTimeout(300);
    await page.evaluate(() => bench.handlerTimes());
    const since = await page.evaluate(() => bench.startWatching());
    await panAround(page);
    const { frames, longTasks } = await page.evaluate((s) => bench.stopWatching(s), since);
    const handlers = await page.evaluate(() => bench.handlerTimes());
    pans[`zoom${zoom}`] = {
      markers,
      // The clusters' own redraw at the end of each pan (the map's `moveend`), JavaScript only.
      redrawMaxMs: round(Math.max(0, ...(handlers.moveend ?? []))),
      longestTaskMs: round(Math.max(0, ...longTasks)),
      longTasks: longTasks.length,
      frameP95Ms: round(percentile(frames, 95)),
      frameMaxMs: round(Math.max(0, ...frames)),
    };
  }
  await page.close();
  return {
    members: count,
    indexBuildMs: { median: round(percentile(builds, 50)), max: round(Math.max(...builds)) },
    queryMs: { mean: Number(meanMs.toFixed(3)), median: round(percentile(times, 50)), p95: round(percentile(times, 95)), max: round(Math.max(...times)), averageFound: round(found / QUERIES) },
    renderMs: round(render.totalMs),
    clusterLoadMs: round(render.clusterLoadMs),
    markersAtFirstView: render.markers,
    panning: pans,
  };
}

/** The real route: log in, let the demo directory sync, open « Carte », then pan. */
async function appRun(browser: Browser) {
  const server = await startTestServer({ STATIC_DIR: path.resolve(process.env.BENCH_DIST || 'dist') });
  try {
    const page = await browser.newPage({ baseURL: server.url, viewport: { width: 1280, height: 900 } });
    await page.context().route(/^https:\/\/data\.geopf\.fr\//, (r) => r.abort());
    await page.addInitScript(() => {
      const w = window as unknown as { longTasks: Array<[number, number]> };
      w.longTasks = [];
      new PerformanceObserver((l) => l.getEntries().forEach((e) => w.longTasks.push([e.startTime, e.duration]))).observe({ type: 'longtask', buffered: true });
    });
    await page.goto('/connexion');
    await page.getByTestId('login-email').fill(demo('generaliste').email);
    await page.getByTestId('login-password').fill(demo('generaliste').password);
    await page.getByTestId('login-submit').click();
    await page.getByTestId('directory-count').filter({ hasText: DIRECTORY_COUNT }).waitFor({ timeout: 120_000 });
    const t0 = Date.now();
    await page.getByRole('link', { name: 'Carte', exact: true }).click();
    await page.locator('.cluster').first().waitFor();
    const openMs = Date.now() - t0;
    const since = await page.evaluate(() => performance.now());
    await panAround(page);
    const tasks = await page.evaluate((s) => (window as unknown as { longTasks: Array<[number, number]> }).longTasks.filter(([t]) => t >= s).map(([, d]) => d), since);
    const members = Number((await page.getByTestId('map-count').innerText()).replace(/\D/g, ''));
    await page.close();
    return { members, openRouteToClustersMs: openMs, panning: { longestTaskMs: round(Math.max(0, ...tasks)), longTasks: tasks.length } };
  } finally {
    await server.dispose();
  }
}

async function main() {
  const dir = path.join(tmpdir(), 'cpts-bench-map');
  rmSync(dir, { recursive: true, force: true });
  await build({ configFile: false, root: path.resolve('bench/map-page'), base: './', logLevel: 'warn', build: { outDir: dir, emptyOutDir: true, target: 'es2022' } });
  const territory = territoryDir(process.cwd());
  const communes = JSON.parse(readFileSync(path.join(territory, 'communes.json'), 'utf8')).communes;
  const outlines = JSON.parse(readFileSync(path.join(territory, 'communes.geojson'), 'utf8')).features;

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const synthetic = [];
    for (const n of SIZES) {
      const r = await syntheticRun(browser, dir, n, communes, outlines);
      synthetic.push(r);
      const pans = Object.entries(r.panning).map(([z, p]) => `${z}: ${p.markers} markers, redraw ≤ ${p.redrawMaxMs} ms, longest task ${p.longestTaskMs} ms, frames p95 ${p.frameP95Ms} ms / max ${p.frameMaxMs} ms`);
      console.log(
        `${r.members} members: index ${r.indexBuildMs.median} ms; query mean ${r.queryMs.mean} ms, median ${r.queryMs.median} ms, p95 ${r.queryMs.p95} ms, max ${r.queryMs.max} ms; ` +
          `map drawn in ${r.renderMs} ms (clustering ${r.clusterLoadMs} ms, ${r.markersAtFirstView} markers)\n  ${pans.join('\n  ')}`,
      );
    }
    const app = await appRun(browser);
    console.log(`app /carte with the demo directory (${app.members} entries): clusters on screen ${app.openRouteToClustersMs} ms after the click; panning: longest task ${app.panning.longestTaskMs} ms (${app.panning.longTasks} over 50 ms)`);
    const result = { date: new Date().toISOString(), chromium: browser.version(), cpus: 2, synthetic, app };
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/map.json', JSON.stringify(result, null, 2) + '\n');
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
