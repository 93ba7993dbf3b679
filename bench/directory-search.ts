/**
 * Benchmark (not a test): keystroke-to-results time of the directory search in Chromium, with
 * 10,000 members in the device’s database. Needs a build (`npm run build`, or `BENCH_DIST`: the
 * folder `npm run bench` built). Prints the figures
 * and writes them to bench/results/directory-search.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { generateDirectory } from '../server/demo/directory';
import { startTestServer, demo } from '../server/testing/server';

const TARGET = Number(process.env.MEMBERS || 10_000);
// The last ones take the typo-forgiving path (a word found nowhere as typed).
const QUERIES = ['infirmiere', 'metz', 'dermatologie', 'helene marchal', 'ars sur moselle', 'kine', 'dermatologue', 'infirmeire', 'hlene marchal'];

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

async function main() {
  const server = await startTestServer({ STATIC_DIR: path.resolve(process.env.BENCH_DIST || 'dist') });
  try {
    // Extra synthetic professionals up to TARGET entries, with ids and RPPS numbers apart from the demo's.
    const territory = server.parts.territory;
    const extra = TARGET - server.demoLoaded;
    const scale = extra / 1597;
    const offer = Object.fromEntries(Object.entries(territory.offer.professionals).map(([k, n]) => [k, Math.round(n * scale)]));
    const more = generateDirectory({ ...territory, offer: { ...territory.offer, professionals: offer } }, 9, new Date())
      .filter((m) => m.kind === 'professional')
      .slice(0, extra)
      .map(({ id, identifiers, ...m }) => ({ ...m, _id: id.replace(/^m-1/, 'm-9'), identifiers: { rpps: identifiers!.rpps!.replace(/^1/, '9') } }));
    const db = server.parts.storage.couch.use('members');
    for (let i = 0; i < more.length; i += 1000) await db.bulk({ docs: more.slice(i, i + 1000) });
    const total = server.demoLoaded + more.length;

    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    const page = await browser.newPage({ baseURL: server.url });
    const t0 = Date.now();
    await page.goto('/connexion');
    await page.getByTestId('login-email').fill(demo('generaliste').email);
    await page.getByTestId('login-password').fill(demo('generaliste').password);
    await page.getByTestId('login-submit').click();
    const count = total.toLocaleString('fr-FR');
    await page.getByTestId('directory-count').filter({ hasText: count }).waitFor({ timeout: 120_000 });
    const firstSyncMs = Date.now() - t0;

    // Each keystroke: set the value, fire `input`, and wait for the next frame after the DOM update.
    const samples: number[] = await page.evaluate(async (queries) => {
      const input = document.querySelector<HTMLInputElement>('[data-testid="directory-search"]')!;
      const times: number[] = [];
      for (let round = 0; round < 5; round++) {
        for (const q of queries) {
          for (let i = 1; i <= q.length; i++) {
            const start = performance.now();
            input.value = q.slice(0, i);
            input.dispatchEvent(new Event('input', { bubbles: true }));
            await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
            times.push(performance.now() - start);
          }
          input.value = '';
          input.dispatchEvent(new Event('input', { bubbles: true }));
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        }
      }
      return times;
    }, QUERIES);
    const chromiumVersion = browser.version();
    await browser.close();

    const sorted = [...samples].sort((a, b) => a - b);
    const result = {
      date: new Date().toISOString(),
      members: total,
      keystrokes: samples.length,
      medianMs: Number(percentile(sorted, 50).toFixed(1)),
      p95Ms: Number(percentile(sorted, 95).toFixed(1)),
      maxMs: Number(sorted[sorted.length - 1].toFixed(1)),
      firstSyncMs,
      chromium: chromiumVersion,
    };
    console.log(`directory search, ${total} members, ${samples.length} keystrokes: median ${result.medianMs} ms, p95 ${result.p95Ms} ms, max ${result.maxMs} ms (first sync to screen ${firstSyncMs} ms)`);
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/directory-search.json', JSON.stringify(result, null, 2) + '\n');
  } finally {
    await server.dispose();
  }
}

await main();
