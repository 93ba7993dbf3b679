/**
 * Benchmark (not a test): first sync of a device, against a plain PouchDB peer, in Chromium.
 * The built app is served by the real server (own process; demo directory of about 1,700 entries and its
 * year of 4,000 requests). A fresh browser profile opens the login page, the credentials are typed, and it logs in as the coordinator (reads everything)
 * and as the nurse with the most requests of the demo year (reads the directory and hers: her
 * first sync goes through the reader index); the time runs from the click on
 * « Se connecter » until every document the user may read is in the local database (RxDB's
 * IndexedDB, counted in the page) and the directory count is on screen. The peer, in the same
 * run and alternating with ours: PouchDB's browser build (IndexedDB adapter, default options)
 * replicating the same documents straight from the same database server through a same-origin
 * proxy (the whole databases for the coordinator; the nurse's documents by `doc_ids`). The floor:
 * the documents our sync stored, written again in a fresh profile by a bare IndexedDB loop, with and
 * without the indexes RxDB's Dexie storage gives them.
 * Writes bench/results/first-sync.json.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from '@playwright/test';
import { bareFloor, readStored, type BareFloor } from './lib/bare-indexeddb';
import type { Role } from '../src/domain/session/user';
import { PASSWORD } from '../server/testing/requests';
import { Client, demo } from '../server/testing/server';
import { builtApp, builtPage, CHROMIUM } from './lib/build';
import { startDbProxy } from './lib/db-proxy';
import { cpuMsOf } from '../server/testing/proc';
import { RemoteServer } from '../server/testing/remote-server';
import { loadPerCore, round, summarize, until } from './lib/stats';
import { breakdown, partsOfBuild, type Breakdown, type CpuProfile, type Pull, type SyncWindow } from './lib/sync-breakdown';

const QUICK = process.env.BENCH_QUICK === '1';
const RUNS = Number(process.env.RUNS ?? (QUICK ? 2 : 5));
const COLLECTIONS = ['members', 'requests', 'messages', 'patients'];

interface Person {
  label: 'coordinator' | 'nurse';
  email: string;
  password: string;
  memberId: string;
  roles: Role[];
  expected: Record<string, number>;
}

/** What the page records (window.__firstSync): times on the page's clock, so no round trip to the bench is counted. */
interface Watched {
  clickAt?: number;
  doneAt?: number;
  /** The directory's count on screen first showed every member (checked every 20 ms). */
  shownAt?: number;
  /** Login answered, first pull request sent, first directory page received, last pull page received (resource timing), directory count shown. */
  marks?: { login: number; firstPull: number; firstMembersPage: number; lastPull: number; shown: number };
  /** The requests to the API after the click (long polls aside): sent, first byte, last byte. */
  requests?: Pull[];
}

/**
 * Runs in the page from its first script (init script): takes the time of the click on « Se
 * connecter » (the event's own time stamp), then every 20 ms checks that the directory shows its
 * count and that RxDB's IndexedDB (one Dexie database per collection,
 * `rxdb-dexie-cpts--<version>--<collection>`, patient data in `rxdb-dexie-cpts-cases--…`) holds at
 * least the expected documents, through connections it keeps open (closed if the app upgrades the
 * database). The peer is timed in its page the same way.
 */
function watchFirstSync(expected: Record<string, number>): void {
  const state: Watched = {};
  (window as unknown as { __firstSync: Watched }).__firstSync = state;
  const connections = new Map<string, IDBDatabase>();
  const connect = (name: string) =>
    new Promise<IDBDatabase | null>((resolve) => {
      const known = connections.get(name);
      if (known) return resolve(known);
      const open = indexedDB.open(name);
      open.onerror = () => resolve(null);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains('docs')) return void (db.close(), resolve(null));
        db.onversionchange = () => (db.close(), connections.delete(name));
        connections.set(name, db);
        resolve(db);
      };
    });
  const count = (db: IDBDatabase) =>
    new Promise<number>((resolve) => {
      try {
        const req = db.transaction('docs').objectStore('docs').count();
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => resolve(-1);
      } catch {
        resolve(-1);
      }
    });
  const synced = async () => {
    const shown = document.querySelector('[data-testid="directory-count"]')?.textContent?.replace(/\D/g, '');
    if (shown !== String(expected.members)) return false;
    state.shownAt ??= performance.now();
    const names = (await indexedDB.databases()).map((d) => d.name ?? '').filter((n) => n.startsWith('rxdb-dexie-cpts-'));
    for (const [collection, wanted] of Object.entries(expected)) {
      if (wanted === 0) continue;
      const name = names.find((n) => n.endsWith(`--${collection}`));
      const db = name ? await connect(name) : null;
      if (!db || (await count(db)) < wanted) return false;
    }
    return true;
  };
  const check = async () => {
    if (!(await synced())) return void setTimeout(check, 20);
    state.doneAt = performance.now();
    const fetches = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
    const pulls = fetches.filter((e) => e.name.includes('/_changes?') && e.name.includes('feed=normal'));
    state.marks = {
      login: fetches.find((e) => new URL(e.name).pathname === '/api/session')?.responseEnd ?? NaN,
      firstPull: Math.min(...pulls.map((e) => e.startTime)),
      firstMembersPage: Math.min(...pulls.filter((e) => e.name.includes('/members/')).map((e) => e.responseEnd)),
      lastPull: Math.max(...pulls.map((e) => e.responseEnd)),
      shown: state.shownAt!,
    };
    state.requests = fetches
      .filter((e) => e.name.includes('/api/') && !e.name.includes('feed=longpoll') && e.startTime >= state.clickAt!)
      .map((e) => ({ requestStart: e.requestStart, responseStart: e.responseStart, responseEnd: e.responseEnd }));
    for (const db of connections.values()) db.close();
  };
  document.addEventListener(
    'click',
    (event) => {
      if (state.clickAt !== undefined || !(event.target as Element).closest?.('[data-testid="login-submit"]')) return;
      state.clickAt = event.timeStamp;
      performance.setResourceTimingBufferSize(1000);
      void check();
    },
    true,
  );
}

/**
 * Our app: from the login click until the local database holds everything readable and the directory
 * shows its count. With `partOf`, the page's CPU is profiled over that time and the result says where it went.
 */
async function ours<T = undefined>(browser: Browser, url: string, person: Person, server: RemoteServer, { partOf, inspect }: { partOf?: SyncWindow['partOf']; inspect?: (page: Page) => Promise<T> } = {}) {
  const context = await browser.newContext({ baseURL: url, locale: 'fr-FR' });
  try {
    // tsx keeps function names with an `__name` helper that the page does not have.
    await context.addInitScript({ content: `globalThis.__name ??= (f) => f; (${watchFirstSync.toString()})(${JSON.stringify(person.expected)});` });
    const page = await context.newPage();
    await page.goto('/connexion');
    await page.getByTestId('login-email').fill(person.email);
    await page.getByTestId('login-password').fill(person.password);
    // A person takes longer than this to type a password; the app uses that time to fetch its data
    // layer and open the empty local database (the peer's page, likewise, is loaded before its clock).
    await page.waitForTimeout(1500);
    const cdp = partOf && (await context.newCDPSession(page));
    let profileStartMs = NaN;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      // The profile's clock is not the page's: its start lies between these two readings.
      const before = await page.evaluate(() => performance.now());
      await cdp.send('Profiler.start');
      profileStartMs = (before + (await page.evaluate(() => performance.now()))) / 2;
    }
    const cpu0 = (await server.usage()).cpu;
    const db0 = cpuMsOf(server.dbPid);
    await page.getByTestId('login-submit').click();
    const watched = await until(() => page.evaluate(() => (window as unknown as { __firstSync: Watched }).__firstSync).then((w) => (w.doneAt === undefined ? false : w)), 'the first sync', { intervalMs: 200 });
    const cpu1 = (await server.usage()).cpu;
    const clickAt = watched.clickAt!;
    const marks = Object.fromEntries(Object.entries(watched.marks!).map(([k, v]) => [k, v - clickAt]));
    const where =
      cdp && partOf !== undefined
        ? breakdown(((await cdp.send('Profiler.stop')) as { profile: CpuProfile }).profile, {
            profileStartMs,
            from: clickAt,
            to: watched.doneAt!,
            loginEnd: watched.marks!.login,
            pulls: watched.requests!,
            partOf,
          })
        : undefined;
    const inspected = inspect && (await inspect(page));
    return { ms: watched.doneAt! - clickAt, marks, breakdown: where, serverCpuMs: (cpu1.user + cpu1.system - cpu0.user - cpu0.system) / 1000, dbCpuMs: cpuMsOf(server.dbPid) - db0, inspected };
  } finally {
    await context.close();
  }
}

/** The peer: PouchDB replicating the same documents from the database server, in a fresh profile. */
async function peer(browser: Browser, proxyUrl: string, specs: Array<{ name: string; docIds?: string[] }>, server: RemoteServer) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(`${proxyUrl}/`);
    await page.waitForFunction(() => 'peer' in window);
    const db0 = cpuMsOf(server.dbPid);
    const result = await page.evaluate((s) => (window as unknown as { peer: { replicate(s: unknown): Promise<{ ms: number; counts: Record<string, number> }> } }).peer.replicate(s), specs);
    return { ...result, dbCpuMs: cpuMsOf(server.dbPid) - db0 };
  } finally {
    await context.close();
  }
}

/** Starts a server for this build, warms it, and measures ours and the peer for each person, alternating. */
async function measure(browser: Browser, dist: string, peerPage: string, runs: number) {
  const server = await RemoteServer.start({ DEMO_ACTIVITY: '1', STATIC_DIR: dist });
  const proxy = await startDbProxy(peerPage, server.dbUrl, server.dbPrefix);
  try {
    // The nurse of the demo year with the most requests (her first sync goes through the reader index).
    const nurseId = await server.call<string>('busiestReader', '60');
    await server.sessions([nurseId]);
    const accounts = [
      ['coordinator', demo('coordination')],
      ['nurse', { email: `${nurseId}@bench.cpts-metz.test`, password: PASSWORD }],
    ] as const;
    const people: Person[] = [];
    for (const [label, account] of accounts) {
      const user = (await new Client(server.url).login(account.email, account.password)).json.user as { memberId: string; roles: Role[] };
      people.push({ label, ...account, memberId: user.memberId, roles: user.roles, expected: await server.readable(user.memberId, user.roles) });
    }
    const specsOf = async (p: Person) =>
      p.label === 'coordinator'
        ? COLLECTIONS.map((name) => ({ name }))
        : [{ name: 'members' }, ...(await Promise.all(COLLECTIONS.slice(1).map(async (name) => ({ name, docIds: await server.readableIds(name, p.memberId, p.roles) }))))];
    type Samples = { ours: number[]; peer: number[]; serverCpuMs: number[]; dbCpuMs: number[]; peerDbCpuMs: number[]; marks: Array<Record<string, number>>; peerCounts?: Record<string, number> };
    const samples: Record<string, Samples> = {};
    for (const p of people) samples[p.label] = { ours: [], peer: [], serverCpuMs: [], dbCpuMs: [], peerDbCpuMs: [], marks: [] };
    // One unmeasured round first: it builds the database's view indexes after the demo load
    // (the first member sync would otherwise wait seconds for its by_reader index) and warms the JIT.
    for (const p of people) {
      await ours(browser, server.url, p, server);
      await peer(browser, proxy.url, await specsOf(p), server);
    }
    const loads: number[] = [];
    let peerFailures = 0;
    for (let run = 0; run < runs; run++) {
      for (const p of people) {
        const r = samples[p.label];
        // Alternate which goes first, so a slow moment of the machine does not always hit the same one.
        for (const which of run % 2 === 0 ? ['ours', 'peer'] : ['peer', 'ours']) {
          if (which === 'ours') {
            const o = await ours(browser, server.url, p, server);
            r.ours.push(o.ms);
            r.marks.push({ ...o.marks, done: o.ms });
            r.serverCpuMs.push(o.serverCpuMs);
            r.dbCpuMs.push(o.dbCpuMs);
          } else {
            // The peer's replication fails now and then on this loaded machine (a dropped connection): once more.
            const q = await peer(browser, proxy.url, await specsOf(p), server).catch((err: Error) => {
              console.warn(`peer failed, retried: ${err.message.split('\n')[0]}`);
              peerFailures++;
              return specsOf(p).then((specs) => peer(browser, proxy.url, specs, server));
            });
            r.peer.push(q.ms);
            r.peerDbCpuMs.push(q.dbCpuMs);
            r.peerCounts = q.counts;
          }
        }
        loads.push(await loadPerCore());
        console.log(`run ${run + 1}/${runs} ${p.label}: ours ${Math.round(r.ours.at(-1)!)} ms (${Object.entries(r.marks.at(-1)!).map(([k, v]) => `${k} ${Math.round(v)}`).join(', ')}), peer ${Math.round(r.peer.at(-1)!)} ms (load/core ${loads.at(-1)})`);
      }
    }
    // The floor: what IndexedDB itself takes to store what our sync stored, with RxDB's indexes and without any.
    const floors: Record<string, BareFloor> = {};
    for (const p of people) {
      const stored = (await ours(browser, server.url, p, server, { inspect: (page) => page.evaluate(readStored) })).inspected!;
      const floor = (floors[p.label] = await bareFloor(browser, server.url, stored, runs));
      console.log(`${p.label}, bare IndexedDB: ${Math.round(summarize(floor.withIndexes, 0).median)} ms with the indexes, ${Math.round(summarize(floor.withoutIndexes, 0).median)} ms without (${floor.storedKb} KB)`);
    }
    // Where the time goes: one more run per person, profiled (the profiler's own cost makes it a little slower).
    const parts: Record<string, { ms: number; parts: Breakdown; busiestModules: Record<string, number>; serverCpuMs: number; dbCpuMs: number }> = {};
    const partOf = partsOfBuild(dist);
    for (const p of people) {
      const o = await ours(browser, server.url, p, server, { partOf });
      const busiest = [...o.breakdown!.modules].sort((a, b) => b[1] - a[1]).slice(0, 12);
      parts[p.label] = {
        ms: round(o.ms, 0),
        parts: Object.fromEntries(Object.entries(o.breakdown!.parts).map(([k, v]) => [k, round(v, 0)])) as Breakdown,
        busiestModules: Object.fromEntries(busiest.map(([k, v]) => [k, round(v, 0)])),
        serverCpuMs: round(o.serverCpuMs, 0),
        dbCpuMs: round(o.dbCpuMs, 0),
      };
      console.log(`${p.label}, profiled: ${parts[p.label].ms} ms: ${JSON.stringify(parts[p.label])}`);
    }
    const result: Record<string, unknown> = { runs, peerFailures, loadPerCore: summarize(loads, 2) };
    for (const p of people) {
      const r = samples[p.label];
      const ourS = summarize(r.ours, 0);
      const peerS = summarize(r.peer, 0);
      result[p.label] = {
        memberId: p.memberId,
        documents: p.expected,
        peerDocuments: r.peerCounts,
        oursMs: ourS,
        peerMs: peerS,
        ratioToPeer: round(ourS.median / peerS.median, 2),
        // Medians of ours, from the click: login answered, first pull request sent, first directory page received, last pull page received, directory count shown, all stored and on screen.
        oursPhasesMs: Object.fromEntries(['login', 'firstPull', 'firstMembersPage', 'lastPull', 'shown', 'done'].map((k) => [k, summarize(r.marks.map((m) => m[k]), 0).median])),
        serverCpuMs: summarize(r.serverCpuMs, 0),
        dbCpuMs: summarize(r.dbCpuMs, 0),
        peerDbCpuMs: summarize(r.peerDbCpuMs, 0),
        breakdown: parts[p.label],
        // The same documents written by a bare IndexedDB loop in pages of a pull, with RxDB's indexes and without any (JSON size of what was stored).
        bareIndexedDbMs: summarize(floors[p.label].withIndexes, 0),
        bareIndexedDbWithoutIndexesMs: summarize(floors[p.label].withoutIndexes, 0),
        bareRatioToPeer: round(summarize(floors[p.label].withIndexes, 0).median / peerS.median, 2),
        storedKb: floors[p.label].storedKb,
      };
      console.log(`${p.label} (${JSON.stringify(p.expected)}): ours median ${ourS.median} ms (p95 ${ourS.p95}), peer median ${peerS.median} ms (p95 ${peerS.p95}), ratio ${round(ourS.median / peerS.median, 2)}`);
    }
    return result;
  } finally {
    await proxy.close();
    await server.stop();
  }
}

async function main() {
  const dist = await builtApp();
  const peerPage = await builtPage('bench/peer-page');
  const browser = await chromium.launch(CHROMIUM);
  try {
    const result: Record<string, unknown> = { date: new Date().toISOString(), chromium: browser.version(), ...(await measure(browser, dist, peerPage, RUNS)) };
    mkdirSync('bench/results', { recursive: true });
    writeFileSync('bench/results/first-sync.json', JSON.stringify(result, null, 2) + '\n');
  } finally {
    await browser.close();
    for (const dir of [peerPage, ...(process.env.BENCH_DIST ? [] : [dist])]) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
