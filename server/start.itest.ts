import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from './config';
import { startServer, StartError } from './server';
import { startTestDatabase, storageEnv, type TestDatabase } from './testing/database';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cpts-start-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A built app for the server to serve (the tests of this suite run before the build). */
function builtApp(): string {
  const dir = tempDir();
  writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>CPTS</title>');
  return dir;
}

/** Runs the server's entry point until it says where it listens (or exits), then stops it; returns what it printed. */
function runMain(env: Record<string, string>): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: tempDir(), PORT: '0', DEMO_ACTIVITY: '0', STATIC_DIR: builtApp(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('Application disponible sur')) child.kill('SIGTERM');
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ stdout, stderr, code });
    });
  });
}

describe('starting the server', () => {
  it('prints the demo accounts and the address, and nothing else, on a clean demo start', async () => {
    const dataDir = tempDir();
    const { stdout, stderr } = await runMain({ DATA_DIR: dataDir, ...storageEnv(dataDir) });
    expect(stderr).toBe('');
    const lines = stdout.split('\n').filter(Boolean);
    expect(lines[0]).toBe('Mode démonstration — comptes :');
    expect(lines.slice(1, 8).every((l) => /^ {2}\S.* {2,}\S+@cpts-metz\.test +\S+-2026$/.test(l))).toBe(true);
    expect(lines[8]).toMatch(/^Application disponible sur http:\/\/localhost:\d+$/);
    expect(lines, stdout).toHaveLength(9);
  });

  it('refuses an unsafe production configuration with a message that says what to set, and no stack', async () => {
    const { stdout, stderr, code } = await runMain({ NODE_ENV: 'production', SESSION_SECRET: 'Zq8v3LrT0pWb6NcYh2KdFs9Xa1GmUe7J' });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim()).toMatch(/^Configuration invalide \/ invalid configuration — COUCHDB_URL est obligatoire en production .* COUCHDB_URL is required in production/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('refuses a wrong LOG_LEVEL with the configuration’s message, before any logger is built from it', async () => {
    const { stdout, stderr, code } = await runMain({ LOG_LEVEL: 'bavard' });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim()).toBe('Configuration invalide / invalid configuration — LOG_LEVEL doit être l’un de fatal, error, warn, info, debug, trace, silent');
  });
});

describe('a production server on a database', () => {
  let database: TestDatabase;
  const production = (dataDir: string) =>
    loadConfig({ NODE_ENV: 'production', ...database.env, SESSION_SECRET: 'Zq8v3LrT0pWb6NcYh2KdFs9Xa1GmUe7J', DATA_DIR: dataDir, PORT: '0', LOG_LEVEL: 'silent', STATIC_DIR: tempDir() });

  beforeAll(async () => {
    database = await startTestDatabase(tempDir());
  });
  afterAll(async () => database?.stop());

  it('starts on an empty database without demo data, and refuses a database that holds the demo’s public accounts', async () => {
    const server = await startServer(production(tempDir()));
    expect(server.demoLoaded).toBe(0);
    await server.stop();

    const demo = await startServer(loadConfig({ ...database.env, DATA_DIR: tempDir(), PORT: '0', LOG_LEVEL: 'silent', DEMO_ACTIVITY: '0', STATIC_DIR: tempDir() }));
    expect(demo.demoLoaded).toBeGreaterThan(1000);
    await demo.stop();

    await expect(startServer(production(tempDir()))).rejects.toThrow(StartError);
    await expect(startServer(production(tempDir()))).rejects.toThrow(/données de démonstration .* demo data/);
  });
});
