/**
 * `npm run bench`: builds the app once, runs each part of the benchmark suite in its own process
 * (one after the other, so they do not compete), then writes bench/report.md and bench/report.json.
 * BENCH_QUICK=1: fewer repetitions; BENCH_ONLY=alerts,first-sync: some parts only (the report keeps
 * the other parts' last results, with their dates).
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { builtApp } from './lib/build';
import { loadPerCore } from './lib/stats';
import { writeReport, type PartRun } from './report';

const QUICK = process.env.BENCH_QUICK === '1';
const PARTS: Array<{ name: string; script: string; env?: Record<string, string> }> = [
  { name: 'first-sync', script: 'bench/first-sync.ts' },
  { name: 'alerts', script: 'bench/alerts.ts' },
  // Two instances on a three-node CouchDB cluster: needs the CouchDB release of ../shared/couchdb/ (or COUCHDB_START).
  { name: 'alerts-cluster', script: 'bench/alerts.ts', env: { ALERTS_CLUSTER: '1' } },
  { name: 'page-start', script: 'bench/page-start.ts' },
  { name: 'phone-start', script: 'bench/phone-start.ts', env: QUICK ? { RUNS: '1' } : {} },
  { name: 'map', script: 'bench/map.ts' },
  { name: 'directory-search', script: 'bench/directory-search.ts' },
  { name: 'ux', script: 'bench/ux-journeys.ts', env: QUICK ? { ROUNDS: '1' } : {} },
  { name: 'rpps-import', script: 'bench/rpps-import.ts', env: QUICK ? { LINES: '100000' } : {} },
  { name: 'backup', script: 'bench/backup.ts', env: QUICK ? { ROUNDS: '1' } : {} },
];

function runPart(script: string, env: Record<string, string>): Promise<boolean> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', script], { stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code) => resolve(code === 0));
  });
}

async function main() {
  const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim());
  const parts = PARTS.filter((p) => !only || only.includes(p.name));
  const t = performance.now();
  const dist = await builtApp();
  console.log(`app built in ${Math.round((performance.now() - t) / 1000)} s: ${dist}`);
  const runs: PartRun[] = [];
  try {
    for (const part of parts) {
      console.log(`\n── ${part.name} ──`);
      const loadPerCoreBefore = await loadPerCore();
      const start = performance.now();
      const ok = await runPart(part.script, { BENCH_DIST: dist, ...part.env });
      runs.push({ name: part.name, seconds: (performance.now() - start) / 1000, ok, loadPerCoreBefore, loadPerCoreAfter: await loadPerCore() });
      if (!ok) console.error(`${part.name} failed`);
    }
  } finally {
    rmSync(dist, { recursive: true, force: true });
  }
  writeReport(runs, QUICK);
  console.log(`\nbench/report.md and bench/report.json written in ${Math.round((performance.now() - t) / 1000)} s`);
  if (runs.some((r) => !r.ok)) process.exitCode = 1;
}

await main();
