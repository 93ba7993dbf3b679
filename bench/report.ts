/**
 * Writes bench/report.json (every figure, the machine, the versions, the date) and bench/report.md
 * (for people) from the parts' results in bench/results/. Run by `bench/run.ts`; alone, it rebuilds
 * the report from whatever results are there.
 */
import { PULL_BATCH } from '../src/domain/sync/api';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { round } from './lib/stats';
import type { Part } from './lib/sync-breakdown';
import { CHANGES, FIRST_ROUTE_BEFORE } from './lib/history';

type Json = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const read = (name: string): Json | undefined => (existsSync(`bench/results/${name}.json`) ? JSON.parse(readFileSync(`bench/results/${name}.json`, 'utf8')) : undefined);
const version = (pkg: string) => {
  try {
    return JSON.parse(readFileSync(`node_modules/${pkg}/package.json`, 'utf8')).version as string;
  } catch {
    return undefined;
  }
};
const run = (cmd: string, args: string[]) => {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return undefined;
  }
};

export interface PartRun {
  name: string;
  seconds: number;
  ok: boolean;
  loadPerCoreBefore: number;
  loadPerCoreAfter: number;
}

/** How `bench/alerts.ts` takes the CPU per post, since it takes it over bursts. */
const cpuOverBursts = (posts: number) =>
  `taken over bursts of ${posts} posts one after the other, from the first post until every alerted client has every card (the median burst is given), ` +
  'not over the paced posts of the latency: there, the idle load was most of the time measured and its noise outweighed a post’s cost; ';

/** What each milestone of a start means (bench/phone-start.ts reads them). */
const MILESTONES: Record<string, string> = {
  'document-received': 'the page (index.html) received',
  'app-rendered': 'the app’s code run, its first render done',
  'code-received': 'the last script the landing page asked for received',
  'db-opening': 'the local database asked for',
  'frame-shown': 'the frame (header, tabs) on screen',
  'db-created': 'the database open, its collections not yet',
  'db-opened': 'the collections open (schemas checked)',
  'members-read': 'the directory’s members read from the device',
  'members-shown': 'members on screen',
  'first-tab-loading': 'the first tab’s page and data asked for ahead',
};


/** Sections a part writes; kept from the last report when that part's results are not there. */
/** The first sync's parts (`bench/lib/sync-breakdown.ts`), in the report's words. */
const BREAKDOWN_PARTS: Record<Part, string> = {
  login: 'waiting for the login’s answer (password check)',
  server: 'waiting for the server (a request sent, its first byte not back)',
  transfer: 'transfer (a page’s body arriving)',
  storage: 'waiting with nothing in flight (IndexedDB commits in the storage thread, timers)',
  deviceWrites: 'device writes: Dexie and RxDB’s storage',
  browser: 'the browser’s own work on the thread (cloning values for IndexedDB, its events, style, layout)',
  gc: 'garbage collection',
  indexes: 'indexes: RxDB’s index keys, the directory’s search index',
  validation: 'schema validation',
  encryption: 'encryption (patient data)',
  replication: 'replication (RxDB’s protocol, our pull)',
  otherTabs: 'telling other tabs (RxDB’s broadcast of each change)',
  display: 'display (Solid, our components)',
  other: 'other code (RxDB’s core, RxJS…)',
};

const KEPT_SECTIONS = ['firstSync', 'alertLatency', 'serverCost', 'cpuPerChange', 'nearest', 'directorySearch', 'firstRoute', 'start', 'startOnPhone', 'bulkImport', 'backup', 'ux'];

/**
 * The alert latencies of one server on its embedded database, with the client counts only the
 * region's platform measured (10,000): two instances on a three-node CouchDB cluster.
 */
function withRegion(latency: Json, region: Json): Json {
  const bySize = (f: (s: Json) => unknown) => Object.fromEntries((region.sizes as Json[]).map((s) => [String(s.clients), f(s)]));
  // Only the embedded server's figures of a kept section (an earlier report may already hold a region's).
  const embedded = (figures: Record<string, unknown>) => Object.fromEntries(Object.entries(figures ?? {}).filter(([n]) => !latency.measuredOn || latency.measuredOn[n] !== latency.cluster?.where));
  const p95ms = bySize((s) => s.latencyAllAlertedMs.p95);
  const medianMs = bySize((s) => s.latencyAllAlertedMs.median);
  const own = embedded(latency.p95ms);
  return {
    ...latency,
    p95ms: { ...p95ms, ...own },
    medianMs: { ...medianMs, ...embedded(latency.medianMs) },
    measuredOn: { ...bySize(() => region.where), ...Object.fromEntries(Object.keys(own).map((n) => [n, 'one server, embedded database'])) },
    cluster: { date: region.date, where: region.where, p95ms, medianMs, missedArrivals: bySize((s) => s.missedArrivals), target: 'p95 ≤ 250 ms at 10,000' },
  };
}

/** Without `parts` (run alone), the report keeps the parts of the run that wrote the last one. */
export function writeReport(parts?: PartRun[], quick?: boolean): Json {
  const previous = existsSync('bench/report.json') ? JSON.parse(readFileSync('bench/report.json', 'utf8')) : {};
  parts ??= (previous.parts as PartRun[] | undefined) ?? [];
  quick ??= (previous.quick as boolean | undefined) ?? process.env.BENCH_QUICK === '1';
  const firstSync = read('first-sync');
  const alerts = read('alerts');
  const region = read('alerts-cluster');
  const page = read('page-start');
  const phone = read('phone-start');
  const map = read('map');
  const search = read('directory-search');
  const rpps = read('rpps-import');
  const backup = read('backup');
  const ux = read('ux');
  const bySize = (f: (s: Json) => unknown, of = alerts) => Object.fromEntries((of?.sizes ?? []).map((s: Json) => [String(s.clients), f(s)]));
  const regionNet = bySize((s) => s.perPost.serverCpuMsNetOfIdle, region);
  const nearestBy = (f: (s: Json) => unknown) => Object.fromEntries((map?.synthetic ?? []).map((s: Json) => [String(s.members), f(s)]));
  const cpu = os.cpus();
  const report = {
    date: new Date().toISOString(),
    quick,
    machine: {
      cpuModel: cpu[0]?.model,
      cores: cpu.length,
      memoryGiB: round(os.totalmem() / 1024 ** 3),
      os: `${os.type()} ${os.release()}`,
      loadAverage: os.loadavg().map((l) => round(l, 2)),
      note: 'shared with other engineers’ test runs; loadPerCore > 1 means the benchmark competed for the CPU',
    },
    versions: {
      node: process.version,
      chromium: firstSync?.chromium ?? (page?.chromium ? `Chromium ${page.chromium}` : run('/usr/bin/chromium', ['--version'])),
      commit: run('git', ['rev-parse', '--short', 'HEAD']),
      packages: Object.fromEntries(['rxdb', 'dexie', 'solid-js', 'fastify', 'nano', 'pouchdb-server', 'pouchdb-browser', 'vite', '@playwright/test', 'kdbush', 'geokdbush'].map((p) => [p, version(p)])),
    },
    parts,
    firstSync: firstSync && {
      date: firstSync.date,
      runs: firstSync.runs,
      ratioToPeer: firstSync.coordinator?.ratioToPeer,
      target: 'ours ≤ 0.5 × peer',
      coordinator: firstSync.coordinator,
      nurse: firstSync.nurse,
      peerFailures: firstSync.peerFailures,
      loadPerCore: firstSync.loadPerCore,
    },
    alertLatency: alerts && {
      date: alerts.date,
      client: alerts.client,
      alerted: alerts.alerted,
      measure: 'from the POST of the request until every alerted client has received the card (per post, the slowest of the 10)',
      p95ms: bySize((s) => s.latencyAllAlertedMs.p95),
      medianMs: bySize((s) => s.latencyAllAlertedMs.median),
      perClientP95ms: bySize((s) => s.latencyPerClientMs.p95),
      target: 'p95 < 250 ms at 1,600',
    },
    cpuPerChange: region && {
      where: region.where,
      serverCpuMsNetOfIdle: regionNet,
      // The spread over the bursts (over the windows of posts in results written before the bursts): where the idle load dwarfs a post's cost, the net figure is within it.
      serverCpuMsNetOfIdleSpread: bySize((s) => {
        const spread = (s.perPost.bursts ?? s.perPost.windows).serverCpuMsNetOfIdle;
        return [spread.min, spread.max];
      }, region),
      serverCpuMsGross: bySize((s) => s.perPost.serverCpuMs, region),
      dbCpuMsNetOfIdle: bySize((s) => s.perPost.dbCpuMsNetOfIdle, region),
      ratio10000to10: regionNet['10000'] !== undefined && regionNet['10'] ? Math.round((regionNet['10000'] / regionNet['10']) * 100) / 100 : undefined,
      target: 'within 1.2× from 10 to 10,000 clients',
      rssMbPerInstance: bySize((s) => s.memory.serverRssMbPerInstance, region),
      sizes: region.sizes,
    },
    serverCost: alerts && {
      perPostServerCpuMs: bySize((s) => s.perPost.serverCpuMs),
      perPostServerCpuMsNetOfIdle: bySize((s) => s.perPost.serverCpuMsNetOfIdle),
      perPostDbCpuMs: bySize((s) => s.perPost.dbCpuMs),
      perPostDbCpuMsNetOfIdle: bySize((s) => s.perPost.dbCpuMsNetOfIdle),
      idleServerCpuMsPerS: bySize((s) => s.idle.serverCpuMsPerSecond),
      idleDbCpuMsPerS: bySize((s) => s.idle.dbCpuMsPerSecond),
      idlePollsPerS: bySize((s) => s.idle.pollsPerSecond),
      serverRssMb: bySize((s) => s.memory.serverRssMb),
      serverHeapAfterGcMb: bySize((s) => s.memory.serverHeapAfterGcMb),
      dbRssMb: bySize((s) => s.memory.dbRssMb),
      sizes: alerts.sizes,
    },
    nearest: map && {
      date: map.date,
      query: '50 nearest available of one profession within 10 km of a random place, 1,000 queries, in Chromium (src/map/nearest.ts)',
      p95ms: nearestBy((s) => s.queryMs.p95),
      medianMs: nearestBy((s) => s.queryMs.median),
      meanMs: nearestBy((s) => s.queryMs.mean),
      maxMs: nearestBy((s) => s.queryMs.max),
      indexBuildMs: nearestBy((s) => s.indexBuildMs.median),
      map: map.synthetic,
      app: map.app,
    },
    directorySearch: search && { date: search.date, members: search.members, keystrokes: search.keystrokes, medianMs: search.medianMs, p95Ms: search.p95Ms, maxMs: search.maxMs },
    firstRoute: page && { gzipKB: page.firstRoute.gzipKB, jsGzipKB: page.firstRoute.jsGzipKB, cssGzipKB: page.firstRoute.cssGzipKB, target: '≤ 150 KB', ...page.firstRoute },
    start: page && { date: page.date, members: page.members, coldMs: page.coldMs, warmOfflineMs: page.warmOfflineMs, loadPerCore: page.loadPerCore },
    startOnPhone: phone && {
      date: phone.date,
      runs: phone.runs,
      conditions: phone.conditions,
      targets: phone.targets,
      loadPerCore: phone.loadPerCore,
      ...Object.fromEntries(
        ['nurse', 'coordinator'].map((role) => [
          role,
          { firstVisitMs: phone[role].firstVisitMs.median, repeatVisitMs: phone[role].repeatVisitMs.median, repeatVisitOfflineMs: phone[role].repeatVisitOfflineMs.median, details: phone[role] },
        ]),
      ),
    },
    bulkImport: rpps && { date: rpps.date, lines: rpps.lines, fileMb: rpps.fileMb, runs: rpps.runs },
    backup: backup && { date: backup.date, rounds: backup.rounds, backupMs: backup.backupMs, restoreMs: backup.restoreMs, restartMs: backup.restartMs, fileKb: backup.fileKb, backupLine: backup.backupLine, restoreLine: backup.restoreLine },
    ux: ux && {
      date: ux.date,
      rounds: ux.rounds,
      interactions: Object.fromEntries(Object.entries(ux.journeys as Record<string, Json>).map(([k, j]) => [k, j.interactions])),
      goals: Object.fromEntries(Object.entries(ux.journeys as Record<string, Json>).map(([k, j]) => [k, j.goal])),
      journeys: ux.journeys,
    },
    serverChanges: [] as Array<{ what: string; files: string[]; why: string; before: string; after?: string }>,
  };
  // A part not run this time keeps its section of the last report (each section carries its date).
  for (const key of KEPT_SECTIONS) (report as Json)[key] ??= previous[key];
  if (region && report.alertLatency) report.alertLatency = withRegion(report.alertLatency, region);
  report.serverChanges = CHANGES.map(({ after, ...c }) => ({ ...c, after: after?.(report) || undefined }));
  writeFileSync('bench/report.json', JSON.stringify(report, null, 2) + '\n');
  writeFileSync('bench/report.md', markdown(report));
  return report;
}

const ms = (v: unknown) => (v === undefined || v === null || Number.isNaN(v) ? '—' : `${v} ms`);
const med = (s: Json) => (s ? `${s.median} / ${s.p95} ms` : '—');

function markdown(r: Json): string {
  const sizes = Object.keys(r.alertLatency?.p95ms ?? {});
  const lines: string[] = [];
  const push = (...l: string[]) => lines.push(...l);
  push(
    '# Performance report',
    '',
    `Generated by \`npm run bench\` on ${r.date.slice(0, 16).replace('T', ' ')} UTC${r.quick ? ' (BENCH_QUICK=1: fewer repetitions)' : ''}. ` +
      `Machine: ${r.machine.cpuModel}, ${r.machine.cores} cores, ${r.machine.memoryGiB} GiB, ${r.machine.os}; Node ${r.versions.node}, ${r.versions.chromium ?? 'Chromium'}; commit ${r.versions.commit}. ` +
      'The machine is shared with other engineers’ test runs: each part gives the load per core around it (above 1: it competed for the CPU). ' +
      'Figures are median / 95th percentile over repeated runs unless said otherwise. Every figure is in `bench/report.json`.',
    '',
    '## Summary',
    '',
    '| measure | figure (median / p95) | target |',
    '|---|---|---|',
  );
  if (r.firstSync) {
    for (const who of ['coordinator', 'nurse']) {
      const f = r.firstSync[who];
      const docs = Object.values(f.documents as Record<string, number>).reduce((a, b) => a + b, 0);
      push(`| first sync, ${who} (${docs.toLocaleString('en')} documents) | ours ${med(f.oursMs)}; PouchDB peer ${med(f.peerMs)}; **ratio ${f.ratioToPeer}** | ratio ≤ 0.3 |`);
    }
  }
  for (const s of sizes) {
    const onCluster = r.alertLatency.cluster && r.alertLatency.measuredOn?.[s] === r.alertLatency.cluster.where;
    const missed = onCluster ? r.alertLatency.cluster.missedArrivals?.[s] : 0;
    const figure = r.alertLatency.p95ms[s] === null ? 'none: no post reached all 10 within 15 s' : `${r.alertLatency.medianMs[s]} / **${r.alertLatency.p95ms[s]} ms**`;
    push(`| alert latency, ${s} live clients${onCluster ? ' over two instances on a CouchDB cluster' : ''} (all 10 alerted have it${missed ? `; ${missed} arrivals missed` : ''}) | ${figure} | ${onCluster ? 'p95 ≤ 250 ms at 10,000' : 'p95 < 250 ms at 1,600'} |`);
  }
  if (r.cpuPerChange) push(`| servers’ CPU per change, 10 → 10,000 clients, CouchDB cluster (net of idle load) | ${Object.values(r.cpuPerChange.serverCpuMsNetOfIdle).join(' → ')} ms: **${r.cpuPerChange.ratio10000to10 ?? '—'}×** | within 1.2× |`);
  if (r.serverCost) {
    const sizes = Object.keys(r.serverCost.perPostServerCpuMsNetOfIdle);
    push(`| server CPU per posted request, ${sizes.join(' → ')} clients (net of idle load) | ${sizes.map((s) => r.serverCost.perPostServerCpuMsNetOfIdle[s]).join(' → ')} ms | flat |`);
    push(`| database CPU per posted request, ${sizes.join(' → ')} clients (net of idle load) | ${sizes.map((s) => r.serverCost.perPostDbCpuMsNetOfIdle[s]).join(' → ')} ms | flat |`);
    const top = sizes[sizes.length - 1];
    push(`| server resident memory with ${top} live clients (JS heap after GC) | ${r.serverCost.serverRssMb[top]} MB (${r.serverCost.serverHeapAfterGcMb[top]} MB) | — |`);
  }
  if (r.nearest) for (const [n, p95] of Object.entries(r.nearest.p95ms)) push(`| nearest available, ${Number(n).toLocaleString('en')} members (mean ${r.nearest.meanMs[n]} ms) | ${r.nearest.medianMs[n]} / ${p95} ms | — |`);
  if (r.directorySearch) push(`| directory search, keystroke to results, ${r.directorySearch.members.toLocaleString('en')} members | ${r.directorySearch.medianMs} / ${r.directorySearch.p95Ms} ms | — |`);
  if (r.firstRoute) push(`| first route JS + CSS, gzipped (/connexion then /annuaire, until members show) | **${r.firstRoute.gzipKB} KB** (JS ${r.firstRoute.jsGzipKB}, CSS ${r.firstRoute.cssGzipKB})${r.firstRoute.afterShown ? `; then ${r.firstRoute.afterShown.gzipKB} KB during the first sync` : ''} | ≤ 150 KB |`);
  if (r.startOnPhone) {
    for (const role of ['nurse', 'coordinator']) {
      const p = r.startOnPhone[role];
      push(`| on a slow phone (CPU 4×, slow 4G), ${role}: first visit (login typing excluded) / repeat visit online / offline, medians | **${p.firstVisitMs} / ${p.repeatVisitMs} / ${p.repeatVisitOfflineMs} ms** | ≤ 3,000 / ≤ 1,000 ms |`);
    }
  }
  if (r.start) {
    push(`| directory on screen, cold (network) | ${med(r.start.coldMs)} | — |`);
    push(`| directory on screen, warm offline (service worker) | ${med(r.start.warmOfflineMs)} | — |`);
  }
  if (r.bulkImport) for (const run of r.bulkImport.runs) push(`| RPPS import, ${r.bulkImport.lines.toLocaleString('en')} lines, ${run.run} | ${run.linesPerSecond.toLocaleString('en')} lines/s, peak RSS ${run.peakRssMb} MB (before ${run.rssBeforeMb} MB) | flat memory |`);
  if (r.ux) for (const [name, j] of Object.entries(r.ux.journeys as Record<string, Json>)) push(`| request form, ${name}: interactions; about a person’s time (driven ${j.machineSeconds.median} s) | **${j.interactions}**; ${j.estimatedHumanSeconds} s | ≤ ${j.goal}${name === 'known-patient-nursing' ? ', ≤ 30 s' : ''} |`);
  if (r.backup) push(`| demo year: backup while running; restore into an empty platform (median) | ${r.backup.backupMs.median} ms (${r.backup.fileKb} KB); ${r.backup.restoreMs.median} ms | — |`);
  push('');

  if (r.firstSync) {
    const c = r.firstSync.coordinator;
    const n = r.firstSync.nurse;
    push(
      '## 1. First sync of a device',
      '',
      'A fresh Chromium profile opens `/connexion` of the built app served by the real server (demo directory and its year of requests), ' +
        'the credentials are typed, then 1.5 s pass (a person types longer; the app uses that time to load its data layer, open the empty local database and set up its sync, whose requests wait for the login’s answer), and the clock runs in the page, from the click event on « Se connecter » until a check every 20 ms finds every document the user may read in RxDB’s IndexedDB and the directory count on screen. ' +
        'The peer, in the same run and alternating with ours: PouchDB’s browser build (`pouchdb-browser`, IndexedDB adapter, default replication options) in a fresh profile, ' +
        'replicating the same documents straight from the same PouchDB Server through a same-origin streaming proxy that adds the admin credentials ' +
        '(the whole databases for the coordinator; for the nurse, the directory plus her own documents by `doc_ids`). The peer has no login and no screen to draw.',
      '',
      '| user | documents | ours | peer | ratio (medians) | server CPU | database CPU (ours / peer) |',
      '|---|---|---|---|---|---|---|',
      `| coordinator | ${JSON.stringify(c.documents)} | ${med(c.oursMs)} | ${med(c.peerMs)} | ${c.ratioToPeer} | ${c.serverCpuMs.median} ms | ${c.dbCpuMs.median} / ${c.peerDbCpuMs.median} ms |`,
      `| nurse | ${JSON.stringify(n.documents)} | ${med(n.oursMs)} | ${med(n.peerMs)} | ${n.ratioToPeer} | ${n.serverCpuMs.median} ms | ${n.dbCpuMs.median} / ${n.peerDbCpuMs.median} ms |`,
      '',
      `${r.firstSync.runs} runs each after one unmeasured round (which builds the database’s view indexes after the demo load and warms the JIT); load per core during the runs: median ${r.firstSync.loadPerCore.median}, max ${r.firstSync.loadPerCore.max}. ` +
        `Where our time goes (medians from the click, coordinator / nurse): login answered ${c.oursPhasesMs?.login} / ${n.oursPhasesMs?.login} ms, first pull request ${c.oursPhasesMs?.firstPull} / ${n.oursPhasesMs?.firstPull} ms ` +
        `(pages of ${PULL_BATCH} documents; the server reads a fresh device’s first two at its login, one read at a time per user), first directory page received ${c.oursPhasesMs?.firstMembersPage} / ${n.oursPhasesMs?.firstMembersPage} ms, ` +
        `last pull page received ${c.oursPhasesMs?.lastPull} / ${n.oursPhasesMs?.lastPull} ms, directory count on screen ${c.oursPhasesMs?.shown} / ${n.oursPhasesMs?.shown} ms, everything stored and on screen ${c.oursPhasesMs?.done} / ${n.oursPhasesMs?.done} ms.`,
      '',
    );
  }
  if (r.firstSync?.coordinator?.breakdown && r.firstSync.nurse?.breakdown) {
    const c = r.firstSync.coordinator.breakdown;
    const n = r.firstSync.nurse.breakdown;
    const share = (b: Json, part: string) => `${b.parts[part]} ms (${Math.round((b.parts[part] / b.ms) * 100)} %)`;
    push(
      '### 1 bis. Where the first sync’s time goes',
      '',
      'One more run per person with Chromium’s CPU profiler on the page (a sample every 0.5 ms; the profiler makes the run a little slower). ' +
        'Each sample of the page’s main thread between the click and the last document stored goes to one part, so the parts add up to the whole: ' +
        'while the thread runs, to the code it runs (named through the build’s source maps); while it waits, to what it waits for (`bench/lib/sync-breakdown.ts`).',
      '',
      '| part | coordinator | nurse |',
      '|---|---|---|',
      `| **whole run (profiled)** | ${c.ms} ms | ${n.ms} ms |`,
      ...Object.entries(BREAKDOWN_PARTS).map(([part, label]) => `| ${label} | ${share(c, part)} | ${share(n, part)} |`),
      `| on the server, for comparison: server CPU / database CPU | ${c.serverCpuMs} / ${c.dbCpuMs} ms | ${n.serverCpuMs} / ${n.dbCpuMs} ms |`,
      '',
      `Where the main thread runs most (coordinator): ${Object.entries(c.busiestModules as Record<string, number>).map(([m, ms]) => `${m} ${ms} ms`).join(', ')}.`,
      '',
    );
  }
  if (r.serverCost) {
    push(
      '## 2–3. Alert latency and server cost per change',
      '',
      `The server in its own process; ${r.alertLatency.client}: \`GET /api/sync/requests/_changes?feed=longpoll&since=now…\`, then \`since=<last_seq>\` of each answer. ` +
        'The 10 alerted nurses (made available next to the patient) are always among the clients; the others are members of the directory with their own session. ' +
        'New clients start at random moments over 25 s (the long-poll timeout), as real devices do. A GP posts a request (urgency 48 h, so no second circle during the run) and its patient block ' +
        'through the gateway, one at a time; the latency runs from the POST until the alerted card is received by each nurse’s client. ' +
        'CPU time is the server process’s `process.cpuUsage()` and the PouchDB Server child’s `/proc/<pid>/stat`, ' +
        (r.serverCost.sizes[0]?.perPost?.burst ? cpuOverBursts(r.serverCost.sizes[0].perPost.burst.posts) : 'taken per window of posts (the median window is given: the database compacts in the background now and then); ') +
        '“net” removes the idle load (measured before and after the posts, nothing happening but the clients’ long-poll timeouts and re-polls) over the same time. ' +
        'The server keeps a resolved session in memory while it follows the sessions’ and accounts’ change feeds (read every 2 s), so a re-poll reads no session or account from the database (“session reads” below; while a feed does not answer, an entry is read again after 60–120 s).',
      '',
      '| live clients | latency, all 10 alerted (median / p95) | per alerted client p95 | server CPU per post (net) | database CPU per post (net) | idle polls/s (session reads/s) | idle CPU server / database | server RSS (heap after GC) | database RSS | load/core |',
      '|---|---|---|---|---|---|---|---|---|---|',
    );
    for (const s of r.serverCost.sizes) {
      push(
        `| ${s.clients} | ${s.latencyAllAlertedMs.median} / ${s.latencyAllAlertedMs.p95} ms | ${s.latencyPerClientMs.p95} ms | ${s.perPost.serverCpuMs} (${s.perPost.serverCpuMsNetOfIdle}) ms | ${s.perPost.dbCpuMs} (${s.perPost.dbCpuMsNetOfIdle}) ms | ${s.idle.pollsPerSecond} (${s.idle.sessionReadsPerSecond ?? '—'}) | ${s.idle.serverCpuMsPerSecond} / ${s.idle.dbCpuMsPerSecond} ms/s | ${s.memory.serverRssMb} MB (${s.memory.serverHeapAfterGcMb} MB) | ${s.memory.dbRssMb} MB | ${s.loadPerCore} |`,
      );
    }
    push('', `${r.serverCost.sizes[0]?.posts} posts per client count, after 2 warm-up posts. “Search started / first circle written” (medians after the post, from the request’s own timestamps): ` +
      r.serverCost.sizes.map((s: Json) => `${s.clients} clients ${s.phasesMs.searchStarted.median} / ${s.phasesMs.circleWritten.median} ms, server event-loop delay p99 ${s.serverLoopDelayMs.p99} ms`).join('; ') + '.', '');
  }
  if (r.cpuPerChange) {
    push(
      '## 2–3 bis. The region’s platform: two instances on a CouchDB cluster',
      '',
      `The same measure on ${r.cpuPerChange.where} (copies of the demo’s professionals, unavailable, spread over nine more territories), from \`ALERTS_CLUSTER=1 npx tsx bench/alerts.ts\`: ` +
        'a three-node Apache CouchDB 3.5 cluster on this machine (q=2, n=3), the two instances each preferring another node, the clients and the 10 nurses spread over both; the lease holder dispatches. ' +
        'Server CPU is both instances’ summed, database CPU the three nodes’ summed. Everything shares the machine’s 2 cores. ' +
        (r.cpuPerChange.sizes[0]?.perPost?.burst ? `CPU per post is ${cpuOverBursts(r.cpuPerChange.sizes[0].perPost.burst.posts).replace(/; $/, '. ')}` : '') +
        `**CPU per change from 10 to 10,000 clients: ${r.cpuPerChange.ratio10000to10 ?? '—'}×** (target within 1.2×; net of idle, whose ${r.cpuPerChange.sizes[0]?.perPost?.burst ? 'bursts' : 'windows'} ranged ` +
        Object.entries(r.cpuPerChange.serverCpuMsNetOfIdleSpread as Record<string, number[]>).map(([n, [lo, hi]]) => `${lo} to ${hi} ms at ${n}`).join(', ') + ').',
      '',
      '“Missed”: over all posts, how many of the 10 expected arrivals at connected clients had not come 15 s after the post; a post with one counts in no latency of all 10. ' +
        'The nurses have room in their weekly alert budget for every post of the run, so each post alerts all 10 and a missed arrival is a card that did not reach one in 15 s; ' +
        'the load balancing also brings other members into the alerted sets (“others alerted”, distinct over the run). ' +
        'Load per core in the last column: above 1, the clients, the two servers and the three nodes competed for the 2 cores.',
      '',
      '| live clients | latency, all 10 alerted (median / p95) | missed | others alerted | per alerted client p95 | servers CPU per post (net) | database CPU per post (net) | idle polls/s (session reads/s) | idle CPU servers / database | RSS per instance | database RSS | load/core |',
      '|---|---|---|---|---|---|---|---|---|---|---|---|',
    );
    for (const s of r.cpuPerChange.sizes) {
      push(
        `| ${s.clients} | ${s.latencyAllAlertedMs.n ? `${s.latencyAllAlertedMs.median} / **${s.latencyAllAlertedMs.p95} ms**` : '—'} | ${s.missedArrivals} of ${s.posts * 10} | ${s.unexpectedAlerted} | ${s.latencyPerClientMs.p95} ms | ${s.perPost.serverCpuMs} (${s.perPost.serverCpuMsNetOfIdle}) ms | ${s.perPost.dbCpuMs} (${s.perPost.dbCpuMsNetOfIdle}) ms | ${s.idle.pollsPerSecond} (${s.idle.sessionReadsPerSecond ?? '—'}) | ${s.idle.serverCpuMsPerSecond} / ${s.idle.dbCpuMsPerSecond} ms/s | ${s.memory.serverRssMbPerInstance.join(' + ')} MB | ${s.memory.dbRssMb} MB | ${s.loadPerCore} |`,
      );
    }
    push('');
  }
  if (r.nearest) {
    push('## 4. Nearest available professionals', '', `From \`bench/map.ts\` (${r.nearest.query}; Chromium’s timer is coarsened to 0.1 ms, so the mean over the run is the precise figure).`, '', '| members | index build | query median / p95 / max | mean |', '|---|---|---|---|');
    for (const s of r.nearest.map) push(`| ${s.members.toLocaleString('en')} | ${s.indexBuildMs.median} ms | ${s.queryMs.median} / ${s.queryMs.p95} / ${s.queryMs.max} ms | ${s.queryMs.mean} ms |`);
    if (r.nearest.app) push('', `The real \`/carte\` route with the demo directory (${r.nearest.app.members} entries): clusters on screen ${r.nearest.app.openRouteToClustersMs} ms after the click.`);
    push('');
  }
  if (r.directorySearch) push('## 5. Directory search', '', `From \`bench/directory-search.ts\`: ${r.directorySearch.keystrokes} keystrokes on the directory page with ${r.directorySearch.members.toLocaleString('en')} members in the device’s database, each timed from the input event to the next frame after the list updated: median ${ms(r.directorySearch.medianMs)}, p95 ${ms(r.directorySearch.p95Ms)}, max ${ms(r.directorySearch.maxMs)}.`, '');
  if (r.firstRoute) {
    push(
      '## 6. Page weight and start',
      '',
      `What Chromium asked for (page requests, not the service worker’s precaching) to show \`/connexion\` and then, signed in, \`/annuaire\`, until its first members were on screen (a fresh device): ${r.firstRoute.files.length} files, ` +
        `${r.firstRoute.gzipKB} KB gzipped (JS ${r.firstRoute.jsGzipKB} KB, CSS ${r.firstRoute.cssGzipKB} KB; ${r.firstRoute.rawKB} KB uncompressed). ` +
        (r.firstRoute.afterShown
          ? `Then, during the first sync (the patient data’s code, once the directory and the cards are in): ${r.firstRoute.afterShown.gzipKB} KB in ${r.firstRoute.afterShown.files.length} files (` +
            r.firstRoute.afterShown.files.map((f: string) => `\`${f.replace('assets/', '')}\``).join(', ') +
            `), so ${round(r.firstRoute.gzipKB + r.firstRoute.afterShown.gzipKB)} KB in all by the end of a first visit’s sync. `
          : '') +
        `The build manifest’s static closure of the entry, login, layout and directory: ${r.firstRoute.staticClosure.gzipKB} KB. Largest chunks loaded only on demand: ` +
        r.firstRoute.largestOnDemand.map((c: Json) => `\`${c.file.replace('assets/', '')}\` ${c.gzipKB} KB`).join(', ') + '.',
      '',
      ...(r.firstRoute.heaviest
        ? [
            'What those files carry, from their source maps (`bench/lib/bundle.ts`: each byte credited to its npm package or our own file, gzipped share estimated in proportion):',
            '',
            '| module | gzipped (est.) | uncompressed |',
            '|---|---|---|',
            ...r.firstRoute.heaviest.map((m: Json) => `| \`${m.module}\` | ${m.gzipKB} KB | ${m.rawKB} KB |`),
            '',
            FIRST_ROUTE_BEFORE,
            '',
          ]
        : []),
      ...(r.firstRoute.pagesOnDemand
        ? [
            'The other pages load when opened; what each adds to the first route, gzipped (its static closure in the build manifest, less the files already fetched):',
            '',
            '| page | adds |',
            '|---|---|',
            ...r.firstRoute.pagesOnDemand.map((p: Json) => `| \`${p.page}\` | ${p.gzipKB} KB |`),
            '',
          ]
        : []),
      `Start of a member whose device holds the directory (${r.start.members} entries), from navigation to the directory count on screen, in a new tab: cold (no service worker, HTTP cache disabled: the code comes from the server) ${med(r.start.coldMs)}; ` +
        `warm offline (service worker, network cut) ${med(r.start.warmOfflineMs)}; ${r.start.coldMs.n} runs each, load per core median ${r.start.loadPerCore.median}.`,
      '',
    );
  }
  if (r.startOnPhone) {
    const p = r.startOnPhone;
    const row = (label: string, f: (d: Json) => Json) => `| ${label} | ${['nurse', 'coordinator'].map((role) => med(f(p[role].details))).join(' | ')} |`;
    push(
      '## 6 bis. Start on a slow phone',
      '',
      `From \`bench/phone-start.ts\`: the built app in Chromium, CPU slowed ${p.conditions.cpuSlowdown}× (DevTools protocol), ${p.conditions.network}, a ${p.conditions.viewport.width} × ${p.conditions.viewport.height} touch viewport; the server holds the demo directory and its year of requests. ` +
        'First visit: a fresh profile opens `/connexion`; the time until the form can be used, then the credentials are typed at a phone’s pace (200 ms a character, during which the app loads its data layer as it does while a person types), plus (the typing excluded) the time from the click on « Se connecter » until the landing page shows members, plus the first tap: from the tap on the requests tab (« Demandes »; « File » for the coordinator) until the list of requests is on screen. ' +
        '«Everything synced»: the directory’s full count on screen and the first sync’s progress gone, the cards too (until 2026-12-05 at a76c36a, the directory’s count alone: a repeat visit could then still finish the cards’ first sync). ' +
        'Repeat visit, the app installed and its first sync done: a new tab opens `/`; the time until members show, plus the same first tap; online (slow 4G) and offline. ' +
        `Times are the page’s own clock, so the script’s steps in between count for nothing; the service worker’s own requests are not throttled. ${p.runs} runs per role; load per core median ${p.loadPerCore.median}.`,
      '',
      '| median / p95 | nurse | coordinator |',
      '|---|---|---|',
      row('**first visit** (target ≤ 3,000 ms)', (d) => d.firstVisitMs),
      row('— form usable after navigation', (d) => d.firstVisit.formReadyMs),
      row('— click « Se connecter » to members shown', (d) => d.firstVisit.loginToHomeMs),
      row('— first tap to the list of requests', (d) => d.firstVisit.firstTapMs),
      row('— everything synced, after the click', (d) => d.firstVisit.syncedAfterClickMs),
      row('**repeat visit, online** (target ≤ 1,000 ms)', (d) => d.repeatVisitMs),
      row('— members shown / first tap', (d) => ({ median: `${d.repeatVisit.online.homeMs.median} + ${d.repeatVisit.online.firstTapMs.median}`, p95: `${d.repeatVisit.online.homeMs.p95} + ${d.repeatVisit.online.firstTapMs.p95}` })),
      row('**repeat visit, offline**', (d) => d.repeatVisitOfflineMs),
      row('— members shown / first tap', (d) => ({ median: `${d.repeatVisit.offline.homeMs.median} + ${d.repeatVisit.offline.firstTapMs.median}`, p95: `${d.repeatVisit.offline.homeMs.p95} + ${d.repeatVisit.offline.firstTapMs.p95}` })),
      '',
    );
    const milestones = (role: string, mode: string): Record<string, number> | undefined => p[role].details.repeatVisit[mode].milestonesMs;
    if (milestones('nurse', 'online')) {
      const columns = ['nurse', 'coordinator'].flatMap((role) => ['online', 'offline'].map((mode) => [role, mode] as const));
      const names = Object.keys(milestones('nurse', 'offline') ?? {});
      push(
        'Where a repeat visit’s time goes: milestones in ms from the navigation, each the median over the runs (the document and the last script received from the resource timings; the others are the app’s own `cpts:*` performance marks).',
        '',
        `| milestone | ${columns.map(([role, mode]) => `${role}, ${mode}`).join(' | ')} |`,
        `|---|${columns.map(() => '---').join('|')}|`,
        ...names.map((name) => `| ${MILESTONES[name] ?? name} | ${columns.map(([role, mode]) => milestones(role, mode)?.[name] ?? '—').join(' | ')} |`),
        '',
      );
    }
  }
  if (r.bulkImport) {
    push('## 7. Bulk import', '', `From \`bench/rpps-import.ts\`: a synthetic ${r.bulkImport.lines.toLocaleString('en')}-line RPPS extract (${r.bulkImport.fileMb} MB, 5 % in the territory) into a temporary embedded database, twice.`, '', '| run | time | lines/s | RSS before → peak | JS heap peak | database peak RSS |', '|---|---|---|---|---|---|');
    for (const run of r.bulkImport.runs) push(`| ${run.run} (${run.summary}) | ${run.seconds} s | ${run.linesPerSecond.toLocaleString('en')} | ${run.rssBeforeMb} → ${run.peakRssMb} MB | ${run.peakHeapMb} MB | ${run.databasePeakRssMb} MB |`);
    push('');
  }
  if (r.backup) {
    const b = r.backup;
    push(
      '## 8. Backup and restore',
      '',
      `From \`bench/backup.ts\`: the demo year backed up while its server runs (\`npm run backup\`), restored into an empty data directory (\`npm run restore\`), and the server started on it; ${b.rounds} rounds, each command timed as a whole process.`,
      '',
      '| step | median | min–max |',
      '|---|---|---|',
      `| backup (file ${b.fileKb} KB) | ${b.backupMs.median} ms | ${b.backupMs.min}–${b.backupMs.max} ms |`,
      `| restore into an empty platform | ${b.restoreMs.median} ms | ${b.restoreMs.min}–${b.restoreMs.max} ms |`,
      `| server start on the restored data, to its address printed | ${b.restartMs.median} ms | ${b.restartMs.min}–${b.restartMs.max} ms |`,
      '',
      `The commands said: « ${b.backupLine} » and « ${b.restoreLine} »`,
      '',
    );
  }
  if (r.ux) {
    push(
      '## 9. Posting a request in consultation',
      '',
      `From \`bench/ux-journeys.ts\` (the journeys of \`e2e/journeys.ts\`, also checked in the e2e suite): the demo GP on a 390 × 844 page, ${r.ux.rounds} rounds in fresh browser contexts. Counted from the open form to « Envoyer » (opening the form is one more tap); a field typed in counts once; the camera counts once (its shutter is the camera app’s). The driven time is the script’s, without a person’s hesitation; a person’s time is estimated with keystroke-level operators (1.2 s to decide a step, 1.0 s to reach and tap, 0.3 s per character, 3 s in the camera app), not measured.`,
      '',
      '| journey | interactions (goal) | steps | driven | a person, estimated |',
      '|---|---|---|---|---|',
    );
    for (const [name, j] of Object.entries(r.ux.journeys as Record<string, Json>)) push(`| ${name} — ${j.title} | **${j.interactions}** (≤ ${j.goal}) | ${(j.steps as string[]).join(', ')} | ${j.machineSeconds.median} s | ${j.estimatedHumanSeconds} s |`);
    push('');
  }
  push('## Changes to the server and the app from these measurements', '');
  for (const c of r.serverChanges as Json[]) {
    push(`- **${c.what}** (${c.files.map((f: string) => `\`${f}\``).join(', ')}). ${c.why}`, `  Before: ${c.before}.` + (c.after ? ` After (this run): ${c.after}.` : ''));
  }
  push('');
  if (r.parts.length) {
    push('## Parts of this run', '', '| part | time | result | load/core before → after |', '|---|---|---|---|');
    for (const p of r.parts) push(`| ${p.name} | ${Math.round(p.seconds)} s | ${p.ok ? 'ok' : '**failed** (figures above are from an earlier run, see its date in report.json)'} | ${p.loadPerCoreBefore} → ${p.loadPerCoreAfter} |`);
    push('');
  }
  push('Reproduce: `npm run bench` (about 15 minutes on this machine; `BENCH_QUICK=1` for a reduced run, `BENCH_ONLY=alerts,first-sync` for some parts). Each part also runs alone, e.g. `npx tsx bench/alerts.ts`.', '');
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) writeReport();
