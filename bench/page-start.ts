/**
 * Benchmark (not a test): page weight and start, in Chromium, of the built app.
 * - Weight: the JavaScript and CSS of the first route, gzipped: what Chromium asks for to show
 *   `/connexion` and then, signed in, `/annuaire`, until its first members are on screen (the page's
 *   resource timings against the frame they show in); what the first sync loads after that (patient
 *   data, once the directory and the cards are in), apart; from the build manifest, the static
 *   closure of the entry and the signed-in chunk; what loads on demand; and what the route carries:
 *   the ten heaviest modules (npm packages or our own files) from the source maps.
 * - Start, for a member whose device already holds the directory (the whole demo directory): time from
 *   navigation to the directory count on screen, cold (service worker and HTTP cache cleared: the
 *   code comes from the network) and warm offline (service worker, network cut).
 * Writes bench/results/page-start.json.
 */
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { demo } from '../server/testing/server';
import { builtApp, CHROMIUM } from './lib/build';
import { heaviestModules } from './lib/bundle';
import { RemoteServer } from '../server/testing/remote-server';
import { loadPerCore, round, summarize, until } from './lib/stats';
import { DIRECTORY_COUNT } from '../e2e/helpers';
import { SIGNED_IN_CHUNK } from '../vite/first-route';

const RUNS = Number(process.env.RUNS ?? (process.env.BENCH_QUICK === '1' ? 3 : 7));
/** The landing page shows members: its first card. */
const MEMBERS_SHOWN = '[data-testid="member-card"]';

type Manifest = Record<string, { file: string; name?: string; imports?: string[]; css?: string[]; isDynamicEntry?: boolean; src?: string }>;

const gzipKb = (dist: string, file: string) => gzipSync(readFileSync(path.join(dist, file))).length / 1024;

function weigh(dist: string, files: Iterable<string>) {
  let js = 0;
  let css = 0;
  let raw = 0;
  for (const f of files) {
    const kb = gzipKb(dist, f);
    raw += statSync(path.join(dist, f)).size / 1024;
    if (f.endsWith('.css')) css += kb;
    else js += kb;
  }
  return { jsGzipKB: round(js), cssGzipKB: round(css), gzipKB: round(js + css), rawKB: round(raw) };
}

/**
 * The first route's keys in the build manifest: the entry (the login form is in its chunk), and the
 * chunk the build gathers the signed-in route's files into.
 */
const firstRouteKeys = (manifest: Manifest) => ['index.html', ...Object.keys(manifest).filter((key) => manifest[key].name === SIGNED_IN_CHUNK)];

/** The entry's and these dynamic entries' files with everything they import statically. */
function staticClosure(manifest: Manifest, keys: string[]): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    files.add(manifest[key].file);
    manifest[key].css?.forEach((c) => files.add(c));
    manifest[key].imports?.forEach(visit);
  };
  keys.forEach(visit);
  return files;
}

/** Each page loaded when opened: what it adds to the first route, gzipped (its static closure less what is already there). */
function pagesOnDemand(dist: string, manifest: Manifest, firstRoute: ReadonlySet<string>) {
  return Object.entries(manifest)
    .filter(([key, e]) => e.isDynamicEntry && /Page\.tsx$/.test(key))
    .map(([key]) => ({ page: key, ...weigh(dist, [...staticClosure(manifest, [key])].filter((f) => !firstRoute.has(f))) }))
    .sort((a, b) => b.gzipKB - a.gzipKB);
}

/** Milliseconds from navigation to `/annuaire` until the directory count is on screen (a new tab of this device). */
async function countShown(context: BrowserContext, members: number, withoutHttpCache: boolean): Promise<number> {
  const page = await context.newPage();
  try {
    if (withoutHttpCache) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    }
    await page.goto('/annuaire', { waitUntil: 'commit' });
    // performance.now() in the page counts from the navigation's start.
    const shown = await page.waitForFunction(
      (n) => (document.querySelector('[data-testid="directory-count"]')?.textContent?.replace(/\D/g, '') === String(n) ? performance.now() : false),
      members,
      { polling: 'raf', timeout: 60_000 },
    );
    return (await shown.jsonValue()) as number;
  } finally {
    await page.close();
  }
}

async function main() {
  const dist = await builtApp();
  const manifest = JSON.parse(readFileSync(path.join(dist, '.vite/manifest.json'), 'utf8')) as Manifest;
  const server = await RemoteServer.start({ STATIC_DIR: dist });
  const browser = await chromium.launch(CHROMIUM);
  try {
    const members = (await server.members()).filter((m) => m.status !== 'pending').length;
    /** A signed-in device whose local database holds the directory (the service worker allowed or not). */
    const device = async (serviceWorkers: 'allow' | 'block') => {
      const context = await browser.newContext({ baseURL: server.url, locale: 'fr-FR', serviceWorkers });
      // Every file the page fetches, for the weight of the route (the default buffer keeps 250).
      await context.addInitScript(() => performance.setResourceTimingBufferSize(5000));
      const page = await context.newPage();
      await page.goto('/connexion');
      await page.getByTestId('login-email').fill(demo('generaliste').email);
      await page.getByTestId('login-password').fill(demo('generaliste').password);
      await page.getByTestId('login-submit').click();
      // The page's clock when the landing page first shows members (checked at every frame).
      const shown = await page.waitForFunction((s) => (document.querySelector(s) ? performance.now() : false), MEMBERS_SHOWN, { polling: 'raf', timeout: 120_000 });
      const membersShownAt = (await shown.jsonValue()) as number;
      await page.getByTestId('directory-count').filter({ hasText: DIRECTORY_COUNT }).waitFor({ timeout: 120_000 });
      return { context, page, membersShownAt };
    };

    /** The page's scripts and styles from the build, with when it asked for each (its clock); until none has come for 2 s. */
    const assetsOf = async (page: Page) => {
      const read = () =>
        page.evaluate(() =>
          performance.getEntriesByType('resource').map((e) => ({ path: new URL(e.name).pathname, startMs: e.startTime })),
        );
      let seen = -1;
      let assets: Array<{ file: string; startMs: number }> = [];
      while (assets.length !== seen) {
        seen = assets.length;
        await new Promise((r) => setTimeout(r, 2000));
        assets = (await read()).filter((a) => a.path.startsWith('/assets/') && /\.(js|css)$/.test(a.path)).map((a) => ({ file: a.path.slice(1), startMs: a.startMs }));
      }
      return assets;
    };

    // What the first route fetches: a fresh profile, /connexion, then the directory once signed in:
    // the files asked for until the landing page shows members; then those its first sync loads.
    const online = await device('allow');
    const assets = await assetsOf(online.page);
    const firstRouteFiles = [...new Set(assets.filter((a) => a.startMs <= online.membersShownAt).map((a) => a.file))].sort();
    const afterFiles = [...new Set(assets.map((a) => a.file))].filter((f) => !firstRouteFiles.includes(f)).sort();
    const fetched = new Set([...firstRouteFiles, ...afterFiles]);
    const measured = weigh(dist, firstRouteFiles);
    const afterShown = { ...weigh(dist, afterFiles), files: afterFiles };
    const closure = weigh(dist, staticClosure(manifest, firstRouteKeys(manifest)));
    const all = Object.values(manifest).flatMap((e) => [e.file, ...(e.css ?? [])]);
    const onDemand = [...new Set(all)].filter((f) => !fetched.has(f) && /\.(js|css)$/.test(f));
    const largestOnDemand = onDemand.map((f) => ({ file: f, gzipKB: round(gzipKb(dist, f)) })).sort((a, b) => b.gzipKB - a.gzipKB).slice(0, 6);
    const heaviest = heaviestModules(dist, firstRouteFiles);
    const pages = pagesOnDemand(dist, manifest, fetched);
    console.log(`heaviest modules: ${heaviest.map((m) => `${m.module} ${m.gzipKB} KB`).join(', ')}`);
    console.log(`first route (/connexion then /annuaire, until members show): ${measured.gzipKB} KB gzipped (JS ${measured.jsGzipKB}, CSS ${measured.cssGzipKB}) in ${firstRouteFiles.length} files; static closure ${closure.gzipKB} KB`);
    console.log(`then, during the first sync: ${afterShown.gzipKB} KB in ${afterFiles.length} files (${afterFiles.join(', ')})`);

    // Warm offline: the service worker controls the next load and has precached the shell.
    await online.page.reload();
    // (Activated means installed, and installing is precaching.)
    await until(() => online.page.evaluate(async () => Boolean(navigator.serviceWorker.controller) && (await navigator.serviceWorker.getRegistration())?.active?.state === 'activated').then((ok) => ok || false), 'the service worker');
    await online.page.close();
    // Cold: no service worker and no HTTP cache, so the code comes from the server; the data is local.
    const noCache = await device('block');
    await noCache.page.close();

    const cold: number[] = [];
    const warm: number[] = [];
    const loads: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      cold.push(await countShown(noCache.context, members, true));
      await online.context.setOffline(true);
      warm.push(await countShown(online.context, members, false));
      await online.context.setOffline(false);
      loads.push(await loadPerCore());
      console.log(`run ${run + 1}/${RUNS}: cold ${Math.round(cold.at(-1)!)} ms, warm offline ${Math.round(warm.at(-1)!)} ms (load/core ${loads.at(-1)})`);
    }
    await noCache.context.close();
    await online.context.close();
    const result = {
      date: new Date().toISOString(),
      chromium: browser.version(),
      members,
      firstRoute: { ...measured, files: firstRouteFiles, afterShown, staticClosure: closure, largestOnDemand, heaviest, pagesOnDemand: pages },
      coldMs: summarize(cold, 0),
      warmOfflineMs: summarize(warm, 0),
      loadPerCore: summarize(loads, 2),
    };
    console.log(`directory on screen: cold median ${result.coldMs.median} ms (p95 ${result.coldMs.p95}), warm offline median ${result.warmOfflineMs.median} ms (p95 ${result.warmOfflineMs.p95})`);
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/page-start.json', JSON.stringify(result, null, 2) + '\n');
  } finally {
    await browser.close();
    await server.stop();
    if (!process.env.BENCH_DIST) rmSync(dist, { recursive: true, force: true });
  }
}

await main();
