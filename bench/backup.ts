/**
 * Benchmark (not a test): the demo year (the demo directory, 4,000 requests) backed up while
 * its server runs, restored into an empty data directory, and the server started on it. Three
 * rounds; times of the commands as a person runs them (`npm run backup` / `restore`, their Node
 * start included). Writes bench/results/backup.json.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { summarize } from './lib/stats';

const ROUNDS = Number(process.env.ROUNDS || 3);

/** Starts the server's entry point on `dataDir`; resolves once it prints its address, with the time that took. */
function startServer(dataDir: string): Promise<{ stop(): Promise<void>; readyMs: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env: { ...process.env, DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (!out.includes('Application disponible')) return;
      const readyMs = performance.now() - started;
      resolve({ readyMs, stop: () => new Promise<void>((done) => (child.once('exit', () => done()), child.kill('SIGTERM'))) });
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code})`)));
  });
}

function timed(args: string[], dataDir: string): { ms: number; line: string } {
  const started = performance.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/backup/cli.ts', ...args], { env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`${args[0]} failed: ${run.stderr}`);
  return { ms: performance.now() - started, line: run.stdout.trim() };
}

async function main() {
  const root = mkdtempSync(path.join(tmpdir(), 'cpts-bench-backup-'));
  const rounds: Array<{ backupMs: number; restoreMs: number; restartMs: number; bytes: number; backupLine: string; restoreLine: string }> = [];
  try {
    const source = path.join(root, 'source');
    const server = await startServer(source);
    console.log(`demo year loaded, server ready in ${Math.round(server.readyMs)} ms`);
    for (let i = 0; i < ROUNDS; i++) {
      const file = path.join(root, `backup-${i}.ndjson.gz`);
      const backup = timed(['backup', '--out', file], source);
      const target = path.join(root, `restored-${i}`);
      mkdirSync(target);
      const restore = timed(['restore', file], target);
      const restarted = await startServer(target);
      await restarted.stop();
      rounds.push({ backupMs: backup.ms, restoreMs: restore.ms, restartMs: restarted.readyMs, bytes: statSync(file).size, backupLine: backup.line, restoreLine: restore.line });
      console.log(`round ${i + 1}: backup ${Math.round(backup.ms)} ms, restore ${Math.round(restore.ms)} ms, restart ${Math.round(restarted.readyMs)} ms\n  ${backup.line}\n  ${restore.line}`);
    }
    await server.stop();
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  const results = {
    date: new Date().toISOString(),
    rounds: rounds.length,
    backupMs: summarize(rounds.map((r) => r.backupMs)),
    restoreMs: summarize(rounds.map((r) => r.restoreMs)),
    restartMs: summarize(rounds.map((r) => r.restartMs)),
    fileKb: Math.round(rounds[0].bytes / 1024),
    backupLine: rounds[0].backupLine,
    restoreLine: rounds[0].restoreLine,
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/backup.json', JSON.stringify(results, null, 2) + '\n');
}

await main();
