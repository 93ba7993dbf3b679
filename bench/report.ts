/**
 * Writes bench/report.json (every figure, the machine, the versions, the date) and bench/report.md
 * (for people) from the parts' results in bench/results/. Run by `bench/run.ts`; alone, it rebuilds
 * the report from whatever results are there.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { round } from './lib/stats';
import { CHANGES } from './lib/history';
import { markdown } from './lib/report-markdown';

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

/** Sections a part writes; kept from the last report when that part's results are not there. */
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
      chromium: [firstSync?.chromium, page?.chromium].map((v) => v && (String(v).startsWith('Chromium') ? v : `Chromium ${v}`)).find(Boolean) ?? run('/usr/bin/chromium', ['--version']),
      commit: run('git', ['rev-parse', '--short', 'HEAD']),
      packages: Object.fromEntries(['rxdb', 'dexie', 'solid-js', 'fastify', 'nano', 'pouchdb-server', 'pouchdb-browser', 'vite', '@playwright/test', 'kdbush', 'geokdbush'].map((p) => [p, version(p)])),
    },
    parts,
    firstSync: firstSync && {
      date: firstSync.date,
      runs: firstSync.runs,
      ratioToPeer: firstSync.coordinator?.ratioToPeer,
      target: 'ours ≤ 0.3 × peer',
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

if (import.meta.url === `file://${process.argv[1]}`) writeReport();
