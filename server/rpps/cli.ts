/**
 * `npm run import:rpps -- <file>`: imports an RPPS extract into the directory with the server's
 * configuration; progress on standard error, the summary line last on standard output.
 */
import { createReadStream, statSync } from 'node:fs';
import { commandConfig, fail } from '../command';
import { openStorageForCommand, type Storage } from '../storage/storage';
import { loadTerritory } from '../territory/load';
import { RppsFileError } from './guard';
import { importRpps, summaryLine, type ImportCounts, type ImportReport } from './import';

const USAGE = 'Usage : npm run import:rpps -- <PS_LibreAcces_Personne_activite_….txt>';
const SHOWN_REJECTIONS = 20;

const n = (value: number) => value.toLocaleString('fr-FR');

function progressLine(c: Readonly<ImportCounts>, bytes: number, size: number): string {
  const share = size > 0 ? ` (${Math.floor((100 * bytes) / size)} %)` : '';
  return `lues ${n(c.read)}${share}, retenues ${n(c.kept)}, créées ${n(c.created)}, mises à jour ${n(c.updated)}, rejetées ${n(c.rejected)}`;
}

function printDetails(report: ImportReport): void {
  const { counts, rejections } = report;
  process.stderr.write(`inchangées ${n(counts.unchanged)}, ignorées (membres inscrits ou fiches supprimées) ${n(counts.skipped)}, activités en double ${n(counts.duplicates)}\n`);
  for (const r of rejections.slice(0, SHOWN_REJECTIONS)) process.stderr.write(`  ligne ${r.line} : ${r.reason}\n`);
  if (counts.rejected > SHOWN_REJECTIONS) process.stderr.write(`  … et ${n(counts.rejected - SHOWN_REJECTIONS)} autres rejets\n`);
}

async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file || file.startsWith('-')) fail(USAGE, 2);
  let size: number;
  try {
    size = statSync(file).size;
  } catch {
    return fail(`Fichier introuvable ou illisible : ${file}`, 2);
  }
  const { config, log } = commandConfig();
  const territory = loadTerritory(config.territoryDir);

  let storage: Storage | undefined;
  let failure: string | undefined;
  try {
    storage = await openStorageForCommand(config, log);
    const input = createReadStream(file);
    let lastShown = 0;
    const report = await importRpps({
      input,
      db: storage.couch.use('members'),
      communes: territory.communes,
      onProgress: (counts) => {
        if (Date.now() - lastShown < 1000) return;
        lastShown = Date.now();
        process.stderr.write(`${progressLine(counts, input.bytesRead, size)}\n`);
      },
    });
    printDetails(report);
    process.stdout.write(`${summaryLine(report.counts)}\n`);
  } catch (err) {
    failure = err instanceof RppsFileError ? err.message : `Import impossible : ${(err as Error).message}.`;
  } finally {
    // Before exiting: the embedded database is a child process that would outlive the command.
    await storage?.stop();
  }
  if (failure) fail(failure, 1);
}

void main();
