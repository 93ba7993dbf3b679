/**
 * `npm run backup -- --out FILE` (while the server runs) and `npm run restore -- FILE` (into an
 * empty platform, the server stopped), on the platform the configuration points at. Counts and
 * time on standard output; progress and errors on standard error.
 */
import { parseArgs } from 'node:util';
import { commandConfig, fail } from '../command';
import type { Config } from '../config';
import type { Logger } from '../log';
import { runningEmbeddedUrl } from '../storage/embedded';
import { openStorageForCommand, type Storage } from '../storage/storage';
import { loadTerritorySettings } from '../territory/load';
import { writeBackup } from './backup';
import { BackupFileError } from './format';
import { restoreBackup } from './restore';

const USAGE = 'Usage : npm run backup -- --out sauvegarde.ndjson.gz   |   npm run restore -- sauvegarde.ndjson.gz';

const n = (v: number) => v.toLocaleString('fr-FR');
const sum = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

async function run(config: Config, log: Logger, command: string, file: string): Promise<string> {
  if (command === 'restore' && !config.couchdbUrl && runningEmbeddedUrl(config.dataDir)) {
    throw new BackupFileError(`un serveur tourne sur ${config.dataDir} : arrêtez-le, la restauration se fait dans une plateforme vide et arrêtée`);
  }
  const started = Date.now();
  let storage: Storage | undefined;
  try {
    storage = await openStorageForCommand(config, log);
    if (command === 'backup') {
      const counts = await writeBackup(storage.couch, file, { dataDir: config.dataDir, territory: loadTerritorySettings(config.territoryDir).name, now: new Date() });
      return `Sauvegarde écrite dans ${file} : ${n(sum(counts.documents))} documents (${Object.entries(counts.documents).filter(([, c]) => c).map(([db, c]) => `${db} ${n(c)}`).join(', ')}), ${n(counts.attachments)} fichiers joints, ${n(counts.pending)} à reprendre par le serveur, ${n(Math.round(counts.bytes / 1024))} Ko, en ${((Date.now() - started) / 1000).toFixed(1)} s.`;
    }
    const counts = await restoreBackup(storage.couch, file, { dataDir: config.dataDir, log });
    return `Restauration terminée : ${n(sum(counts.documents))} documents, ${n(counts.attachments)} fichiers joints, ${n(counts.pending)} remis au serveur, en ${((Date.now() - started) / 1000).toFixed(1)} s. Démarrez le serveur.`;
  } finally {
    await storage?.stop();
  }
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { out: { type: 'string' } } });
  } catch (err) {
    return fail(`${(err as Error).message}\n${USAGE}`, 2);
  }
  const [command, positional] = parsed.positionals;
  const file = command === 'backup' ? parsed.values.out : positional;
  if (!['backup', 'restore'].includes(command) || !file) fail(USAGE, 2);
  const { config, log } = commandConfig();
  try {
    process.stdout.write(`${await run(config, log, command, file!)}\n`);
  } catch (err) {
    if (err instanceof BackupFileError) fail(`${command === 'backup' ? 'Sauvegarde' : 'Restauration'} refusée : ${err.message}.`, 2);
    fail(`${command === 'backup' ? 'Sauvegarde' : 'Restauration'} impossible : ${(err as Error).message}.`, 1);
  }
}

void main();
