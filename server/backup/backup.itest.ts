import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import type { CareRequest } from '../../src/domain/requests/schema';
import { clientFor, makeAvailable, message, newRequest, patientFor, post, storedRequest, until } from '../testing/requests';
import { storageEnv } from '../testing/database';
import { Client, demo, startTestServer, type TestServer } from '../testing/server';
import { ALL_DATABASES } from './backup';
import type { BackupLine } from './format';

const root = mkdtempSync(path.join(tmpdir(), 'cpts-backup-'));
const before = path.join(root, 'before');
const after = path.join(root, 'after');
const file = path.join(root, 'platform.ndjson.gz');
afterAll(() => rmSync(root, { recursive: true, force: true }));

function command(script: string, args: string[], dataDir: string) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/backup/cli.ts', script, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATA_DIR: dataDir, ...storageEnv(dataDir) },
  });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run.stdout;
}

/** What the backup file holds: each database's ids and revisions. */
async function backedUp(): Promise<Map<string, Map<string, string>>> {
  const out = new Map<string, Map<string, string>>(ALL_DATABASES.map((db) => [db, new Map()]));
  for await (const text of createInterface({ input: createReadStream(file).pipe(createGunzip()) })) {
    const line = JSON.parse(text) as BackupLine;
    if (line.kind === 'doc') out.get(line.db)!.set(line.doc._id, line.doc._rev);
  }
  return out;
}

async function stored(server: TestServer, db: string): Promise<Map<string, string>> {
  const res = await server.parts.storage.couch.use(db).list();
  return new Map(res.rows.filter((r) => !r.id.startsWith('_design/')).map((r) => [r.id, r.value.rev]));
}

const outbox = (dataDir: string) => (existsSync(path.join(dataDir, 'outbox.jsonl')) ? readFileSync(path.join(dataDir, 'outbox.jsonl'), 'utf8') : '');
const photo = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.from('photo du pansement, octets à retrouver après restauration')]);

async function putPhoto(client: Client, uploadId: string, requestId: string) {
  const res = await fetch(`${client.base}/api/uploads/${uploadId}?requestId=${requestId}`, { method: 'PUT', headers: { 'content-type': 'image/jpeg', cookie: client.cookie }, body: photo });
  expect(res.status).toBe(201);
}

describe('backup and restore', () => {
  it('carries a running platform over to an empty one: documents, revisions, a photo, logins, and the dispatcher going on without re-alerting', async () => {
    const server = await startTestServer({}, before);
    const gp = new Client(server.url);
    const gpId = (await gp.login(demo('generaliste').email, demo('generaliste').password)).json.user.memberId;
    const nurses = (await server.parts.storage.couch.use('members').list({ include_docs: true })).rows
      .map((r) => r.doc as unknown as { _id: string; profession?: string })
      .filter((m) => m.profession === '60')
      .slice(0, 3)
      .map((m) => m._id);
    await makeAvailable(server, nurses, 0);
    // The first nurse takes alerts by SMS too: a copy sent after the restore would show in the outbox.
    const members = server.parts.storage.couch.use<Record<string, unknown>>('members');
    const first = await members.get(nurses[0]);
    await members.insert({ ...first, smsAlerts: true, phones: { mobile: '06 11 22 33 44' } });

    const request: CareRequest = newRequest(gpId);
    await post(gp, 'requests', [request]);
    await post(gp, 'patients', [patientFor(request)]);
    const searching = await until(() => storedRequest(server, request.id), (r) => (r.dispatch?.alerted ?? []).includes(nurses[0]));
    await putPhoto(gp, 'photo-backup-0001', request.id);
    await post(gp, 'messages', [message(request, gpId, 'message', 'Pansement à refaire ce soir, photo jointe.')]);
    await until(async () => outbox(before), (text) => text.includes(`/${nurses[0]}"`));
    // Every alert decided so far went out (its mark is complete): a copy after the restore would be a re-alert.
    const marks = server.parts.storage.couch.use<{ sentAt?: string }>('alerts');
    await until(async () => (await marks.list({ include_docs: true })).rows, (rows) => rows.length > 0 && rows.every((r) => Boolean(r.doc?.sentAt)));

    const printed = command('backup', ['--out', file], before);
    expect(printed).toMatch(/^Sauvegarde écrite dans .* : [\d\s\u202f]+ documents \(members .*\), 1 fichiers joints, \d+ à reprendre par le serveur, [\d\s\u202f]+ Ko, en [\d.]+ s\.\n$/);
    await server.stop();

    const restored = command('restore', [file], after);
    expect(restored).toMatch(/^Restauration terminée : [\d\s\u202f]+ documents, 1 fichiers joints, \d+ remis au serveur, en [\d.]+ s\. Démarrez le serveur\.\n$/);
    const again = await startTestServer({}, after);
    try {
      expect(again.demoLoaded).toBe(0);
      const saved = await backedUp();
      for (const db of ALL_DATABASES.filter((d) => d !== 'server')) expect(await stored(again, db), db).toEqual(saved.get(db));
      expect((await storedRequest(again, request.id)).dispatch).toEqual(searching.dispatch);
      // The server's own files came back too: Web Push keeps its keys, sessions their secret.
      expect(readFileSync(path.join(after, 'vapid.json'), 'utf8')).toBe(readFileSync(path.join(before, 'vapid.json'), 'utf8'));

      const gpAgain = new Client(again.url);
      expect((await gpAgain.login(demo('generaliste').email, demo('generaliste').password)).status).toBe(200);
      const download = await fetch(`${again.url}/api/uploads/photo-backup-0001`, { headers: { cookie: gpAgain.cookie } });
      expect(Buffer.from(await download.arrayBuffer()).equals(photo)).toBe(true);

      // The dispatcher goes on from where it was: an acceptance is handled, nobody is alerted again.
      const nurse = await clientFor(again, nurses[1]);
      await post(nurse, 'messages', [message(request, nurses[1], 'accept')]);
      const assigned = await until(() => storedRequest(again, request.id), (r) => r.status === 'assigned');
      expect(assigned.assigneeId).toBe(nurses[1]);
      expect(assigned.dispatch!.steps).toEqual(searching.dispatch!.steps);
      expect(outbox(after)).not.toContain(nurses[0]);
    } finally {
      await again.stop();
    }
    // Two servers started, a whole platform written out and read back: about 40 s on a quiet machine,
    // past the suite's 60 s when both cores are busy with another suite.
  }, 180_000);
});
