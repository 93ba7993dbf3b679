import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { storageEnv } from '../testing/database';
import { Client, startTestServer } from '../testing/server';

const dataDir = mkdtempSync(path.join(tmpdir(), 'cpts-admin-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** `npm run admin -- …` on the platform of `dataDir` (its embedded database, or its databases on the tests' CouchDB), the server being stopped. */
function admin(args: string[], input?: string) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/admin/cli.ts', ...args], {
    encoding: 'utf8',
    input,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir, DEMO: '0', PUBLIC_URL: 'https://cpts.example.fr', ...storageEnv(dataDir) },
  });
}

describe('the first administrator', () => {
  it('is created on an empty platform with a one-time link, then with a password given on standard input, and never twice', async () => {
    const first = admin(['create', '--email', 'Helene.Marchal@cpts.example.fr', '--name', 'Hélène Marchal']);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    const token = /https:\/\/cpts\.example\.fr\/reinitialisation\?token=([A-Za-z0-9_-]{43})\n/.exec(first.stdout)?.[1];
    expect(token).toBeDefined();

    const again = admin(['create', '--email', 'helene.marchal@cpts.example.fr', '--name', 'Autre Personne']);
    expect(again.status).toBe(2);
    expect(again.stderr).toBe('Création refusée : un compte existe déjà pour helene.marchal@cpts.example.fr : rien n’a été créé.\n');

    const weak = admin(['create', '--email', 'second@cpts.example.fr', '--name', 'Paul Second', '--password-stdin'], 'court\n');
    expect(weak.status).toBe(2);
    expect(weak.stderr).toMatch(/^Création refusée : mot de passe : /);
    const second = admin(['create', '--email', 'second@cpts.example.fr', '--name', 'Paul Second', '--password-stdin'], 'Un-mot-de-passe-solide-2026\n');
    expect(second.status).toBe(0);
    expect(second.stdout).not.toContain('reinitialisation');

    const server = await startTestServer({ DEMO: '0' }, dataDir);
    try {
      const client = new Client(server.url);
      expect((await client.login('helene.marchal@cpts.example.fr', 'Mon-nouveau-mot-de-passe-2026')).status).toBe(401);
      expect((await client.request('POST', '/api/password/reset', { token, password: 'Mon-nouveau-mot-de-passe-2026' })).status).toBe(200);
      // The link works once.
      expect((await client.request('POST', '/api/password/reset', { token, password: 'Encore-un-autre-2026-!' })).status).toBe(400);
      const login = await client.login('helene.marchal@cpts.example.fr', 'Mon-nouveau-mot-de-passe-2026');
      expect(login.status).toBe(200);
      expect(login.json.user.roles).toEqual(['member', 'coordinator', 'admin']);
      const entry = await server.parts.storage.couch.use('members').get(login.json.user.memberId);
      expect(entry).toMatchObject({ profession: 'coordination', displayName: 'Hélène Marchal', phones: { landline: '03 87 00 00 00' } });
      expect((await new Client(server.url).login('second@cpts.example.fr', 'Un-mot-de-passe-solide-2026')).status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});
