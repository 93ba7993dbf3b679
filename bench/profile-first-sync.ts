/**
 * Where a first sync spends its time (a diagnostic, not part of `npm run bench`): logs in as the
 * coordinator in a fresh Chromium profile with the CPU profiler on, and prints the pull requests'
 * timings (sent, answered, next sent) and the page's self time by function and by script.
 * `npx tsx bench/profile-first-sync.ts` (`BENCH_DIST` to reuse a build, `PERSON=nurse`).
 */
import { chromium } from '@playwright/test';
import { PASSWORD } from '../server/testing/requests';
import { demo } from '../server/testing/server';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { CHROMIUM } from './lib/build';
import { RemoteServer } from '../server/testing/remote-server';
import { until } from './lib/stats';
import { DIRECTORY_COUNT } from '../e2e/helpers';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
  children?: number[];
}

async function main() {
  // Not minified, so the profile names the functions.
  const dist = process.env.BENCH_DIST ?? path.join(tmpdir(), `cpts-profile-dist-${process.pid}`);
  if (!process.env.BENCH_DIST) await build({ configFile: path.resolve('vite.config.ts'), logLevel: 'warn', build: { outDir: dist, emptyOutDir: true, minify: false } });
  const server = await RemoteServer.start({ DEMO_ACTIVITY: '1', STATIC_DIR: dist });
  const browser = await chromium.launch(CHROMIUM);
  try {
    let account = demo('coordination');
    if (process.env.PERSON === 'nurse') {
      const nurseId = await server.call<string>('busiestReader', '60');
      await server.sessions([nurseId]);
      account = { ...account, email: `${nurseId}@bench.cpts-metz.test`, password: PASSWORD };
    }
    const rounds = Number(process.env.ROUNDS ?? 2);
    for (let round = 0; round < rounds; round++) {
      const context = await browser.newContext({ baseURL: server.url, locale: 'fr-FR' });
      const page = await context.newPage();
      await page.goto('/connexion');
      await page.getByTestId('login-email').fill(account.email);
      await page.getByTestId('login-password').fill(account.password);
      const cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
      const t0 = performance.now();
      const log: string[] = [];
      const at = () => Math.round(performance.now() - t0);
      page.on('request', (r) => r.url().includes('/api/') && log.push(`${at()} → ${r.method()} ${r.url().replace(server.url, '').slice(0, 110)}`));
      page.on('requestfinished', (r) => {
        if (!r.url().includes('/api/')) return;
        const t = at();
        void r.sizes().then((s) => log.push(`${t} ← ${r.url().replace(server.url, '').slice(0, 110)} ${Math.round(s.responseBodySize / 1024)} KB`));
      });
      await page.getByTestId('login-submit').click();
      await until(async () => (await page.getByTestId('directory-count').textContent().catch(() => ''))?.replace(/\s/g, '').match(DIRECTORY_COUNT) != null, 'directory');
      // Until the initial pulls are over: no pull request for 300 ms.
      let last = log.length;
      for (;;) {
        await new Promise((r) => setTimeout(r, 300));
        if (log.length === last) break;
        last = log.length;
      }
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] } };
      console.log(`round ${round}: done at ~${at() - 300} ms`);
      if (round < rounds - 1 || process.env.PROFILE === '0') {
        await context.close();
        continue;
      }
      console.log(log.filter((l) => !l.includes('feed=longpoll')).join('\n'));
      // The app's own performance marks, if any (page clock, from the click).
      console.log(await page.evaluate(() => performance.getEntriesByType('mark').map((m) => `${m.name} ${Math.round(m.startTime)}`).join('\n')));
      console.log(await page.evaluate(() => (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((e) => e.name.includes('/api/')).map((e) => `${Math.round(e.startTime)}–${Math.round(e.responseEnd)} ${e.name.slice(e.name.indexOf('/api/'), e.name.indexOf('/api/') + 70)}`).join('\n')));
      const interval = (profile.endTime - profile.startTime) / 1000 / profile.samples.length;
      const byFn = new Map<string, number>();
      const byUrl = new Map<string, number>();
      for (const node of profile.nodes) {
        const ms = (node.hitCount ?? 0) * interval;
        const f = node.callFrame;
        const file = f.url.split('/').pop() || '(native)';
        const key = `${f.functionName || '(anon)'} ${file}:${f.lineNumber}`;
        byFn.set(key, (byFn.get(key) ?? 0) + ms);
        byUrl.set(file, (byUrl.get(file) ?? 0) + ms);
      }
      // Inclusive time: each sample counts once for every function on its stack.
      const parent = new Map<number, number>();
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
      const total = new Map<string, number>();
      for (const sample of profile.samples) {
        const seen = new Set<string>();
        for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
          const f = byId.get(id)!.callFrame;
          if (!f.url) continue;
          seen.add(`${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`);
        }
        for (const key of seen) total.set(key, (total.get(key) ?? 0) + interval);
      }
      const top = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${v.toFixed(0).padStart(6)} ms  ${k}`).join('\n');
      console.log(`\nself time by function (profile ${((profile.endTime - profile.startTime) / 1000).toFixed(0)} ms):\n${top(byFn, 40)}\n\nby script:\n${top(byUrl, 15)}\n\ninclusive time by function:\n${top(total, Number(process.env.TOP ?? 80))}`);
      await context.close();
    }
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
