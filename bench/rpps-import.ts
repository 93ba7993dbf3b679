/**
 * Benchmark (not a test): imports a synthetic 500,000-line RPPS extract (realistic columns, about
 * 5 % in the territory) into a temporary embedded database, twice (the second changes nothing).
 * Prints lines per second and peak memory, and writes them to bench/results/rpps-import.json.
 */
import { createReadStream, createWriteStream, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXTRACT_COLUMNS, extractHeader } from '../src/domain/rpps/fixtures';
import type { Commune } from '../src/domain/territory/communes';
import { importRpps, summaryLine, type ImportReport } from '../server/rpps/import';
import { seeded, type Random } from '../server/demo/random';
import { startTestServer } from '../server/testing/server';

const LINES = Number(process.env.LINES || 500_000);
const TERRITORY_SHARE = 0.05;
const COL = new Map(EXTRACT_COLUMNS.map((c, i) => [c, i]));
const PROFESSIONS: Array<[string, string, number]> = [
  ['10', 'Médecin', 30], ['60', 'Infirmier', 25], ['70', 'Masseur-kinésithérapeute', 12], ['21', 'Pharmacien', 10],
  ['40', 'Chirurgien-dentiste', 6], ['50', 'Sage-femme', 3], ['91', 'Orthophoniste', 3], ['80', 'Pédicure-podologue', 2],
  ['93', 'Psychologue', 4], ['26', 'Audioprothésiste', 5],
];
const SPECIALTIES = ['Médecine Générale', 'Médecine Générale', 'Cardiologie et maladies vasculaires', 'Pédiatrie', 'Psychiatrie', 'Ophtalmologie', 'Radio-diagnostic'];
const NAMES = ['MARTIN', 'BERNARD', 'THOMAS', 'PETIT', 'ROBERT', 'RICHARD', 'DURAND', 'DUBOIS', 'MOREAU', 'LAURENT', 'SIMON', 'MICHEL', 'SCHMITT', 'MULLER', 'WEBER'];
const FIRST = ['Claire', 'Julien', 'Sophie', 'Nicolas', 'Camille', 'Thomas', 'Léa', 'Hugo', 'Inès', 'Lucas'];
const STREETS = ['de la Gare', 'Serpenoise', 'des Jardins', 'Saint-Pierre', 'du Général de Gaulle', 'des Alliés'];

function pickWeighted(rnd: Random): [string, string] {
  let x = rnd.int(1, 100);
  for (const [code, label, w] of PROFESSIONS) if ((x -= w) <= 0) return [code, label];
  return ['10', 'Médecin'];
}

/** One activity line of a person, with every column of the real file filled as it usually is. */
function line(rnd: Random, rpps: string, person: { last: string; first: string; code: string; label: string }, communes: Commune[]): string {
  const v: string[] = new Array(EXTRACT_COLUMNS.length).fill('');
  const set = (name: string, value: string) => (v[COL.get(name)!] = value);
  const adeli = rnd.chance(0.05);
  set("Type d'identifiant PP", adeli ? '0' : '8');
  set('Identifiant PP', adeli ? rpps.slice(2) : rpps);
  set('Identification nationale PP', (adeli ? '0' : '8') + rpps);
  set("Code civilité d'exercice", person.code === '10' ? 'DR' : '');
  set('Code civilité', rnd.chance(0.5) ? 'M' : 'MME');
  set("Nom d'exercice", person.last);
  set("Prénom d'exercice", person.first);
  set('Code profession', person.code);
  set('Libellé profession', person.label);
  set('Code catégorie professionnelle', 'C');
  set('Libellé catégorie professionnelle', 'Civil');
  if (person.code === '10') set('Libellé savoir-faire', rnd.pick(SPECIALTIES));
  const liberal = rnd.chance(0.6);
  set('Code mode exercice', liberal ? 'L' : 'S');
  set('Libellé mode exercice', liberal ? 'Libéral, indépendant, artisan, commerçant' : 'Salarié');
  set('Numéro SIRET site', String(rnd.int(10_000_000, 99_999_999)) + rnd.digits(6));
  set('Raison sociale site', liberal ? `CABINET ${person.last}` : 'CENTRE HOSPITALIER REGIONAL');
  if (rnd.chance(0.1)) return v.join('|') + '|'; // no practice address
  set('Numéro Voie (coord. structure)', String(rnd.int(1, 150)));
  set('Libellé type de voie (coord. structure)', rnd.pick(['Rue', 'Avenue', 'Place', 'Boulevard']));
  set('Libellé Voie (coord. structure)', rnd.pick(STREETS));
  if (rnd.chance(TERRITORY_SHARE)) {
    const c = rnd.pick(communes);
    const old = c.insee === '57021' && rnd.chance(0.5) ? '57184' : c.insee;
    set('Code postal (coord. structure)', c.postcodes[0]);
    set('Code commune (coord. structure)', rnd.chance(0.1) ? '' : old);
    set('Libellé commune (coord. structure)', c.name.toUpperCase());
  } else {
    const dept = String(rnd.int(1, 95)).padStart(2, '0');
    set('Code postal (coord. structure)', dept + rnd.digits(3));
    set('Code commune (coord. structure)', dept === '57' ? '57' + String(rnd.int(760, 999)) : dept + rnd.digits(3));
    set('Libellé commune (coord. structure)', 'AILLEURS');
  }
  set('Code pays (coord. structure)', '99000');
  set('Libellé pays (coord. structure)', 'France');
  set('Téléphone (coord. structure)', `0${rnd.int(1, 7)}${rnd.digits(8)}`);
  if (rnd.chance(0.3)) set('Adresse e-mail (coord. structure)', `${person.first.toLowerCase()}.${person.last.toLowerCase()}@example.test`);
  set('Code Département (structure)', '57');
  set("Autorité d'enregistrement", 'RPPS/ARS/ORDRE');
  set("Code secteur d'activité", liberal ? 'SA07' : 'SA01');
  set('Code rôle', 'FON-01');
  return v.join('|') + '|';
}

async function generate(file: string, communes: Commune[]): Promise<void> {
  const rnd = seeded(2026);
  const out = createWriteStream(file);
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  await write(extractHeader() + '\n');
  let written = 0;
  let person = 0;
  while (written < LINES) {
    person++;
    const rpps = '1' + String(person).padStart(10, '0');
    const [code, label] = pickWeighted(rnd);
    const who = { last: rnd.pick(NAMES), first: rnd.pick(FIRST), code, label };
    const activities = rnd.chance(0.15) ? 2 : 1;
    for (let a = 0; a < activities && written < LINES; a++, written++) {
      await write((written % 50_000 === 49_999 ? 'ligne|tronquée|' : line(rnd, rpps, who, communes)) + '\n');
    }
  }
  out.end();
  await once(out, 'finish');
}

/** Resident memory of a process in bytes, from /proc (the embedded database is a child process). */
function rssOf(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return Number(kb ?? 0) * 1024;
  } catch {
    return 0;
  }
}

const mb = (bytes: number) => Math.round(bytes / 1024 ** 2);

async function run(label: string, file: string, server: Awaited<ReturnType<typeof startTestServer>>) {
  const before = process.memoryUsage().rss;
  let peak = before;
  let heapPeak = 0;
  let dbPeak = 0;
  const timer = setInterval(() => {
    const usage = process.memoryUsage();
    peak = Math.max(peak, usage.rss);
    heapPeak = Math.max(heapPeak, usage.heapUsed);
    dbPeak = Math.max(dbPeak, rssOf(server.parts.storage.embedded?.pid()));
  }, 100);
  const start = performance.now();
  let report: ImportReport;
  try {
    report = await importRpps({
      input: createReadStream(file),
      db: server.parts.storage.couch.use('members'),
      communes: server.parts.territory.communes,
      onProgress: (c) => process.stderr.write(`\r${label}: ${c.read.toLocaleString('fr-FR')} lignes`),
    });
  } finally {
    clearInterval(timer);
  }
  const seconds = (performance.now() - start) / 1000;
  const result = {
    run: label,
    seconds: Math.round(seconds * 10) / 10,
    linesPerSecond: Math.round(report.counts.read / seconds),
    rssBeforeMb: mb(before),
    peakRssMb: mb(peak),
    peakHeapMb: mb(heapPeak),
    databasePeakRssMb: mb(dbPeak),
    summary: summaryLine(report.counts),
    counts: report.counts,
  };
  process.stderr.write('\n');
  console.log(`${label}: ${result.summary}`);
  console.log(`  ${result.seconds} s, ${result.linesPerSecond.toLocaleString('fr-FR')} lignes/s, RSS ${result.rssBeforeMb} → pic ${result.peakRssMb} Mo, tas JS pic ${result.peakHeapMb} Mo (base embarquée : pic ${result.databasePeakRssMb} Mo)`);
  return result;
}

async function main() {
  const dir = mkdtempSync(path.join(tmpdir(), 'cpts-bench-rpps-'));
  const server = await startTestServer({ DEMO: '0' });
  try {
    const file = path.join(dir, 'PS_LibreAcces_Personne_activite_bench.txt');
    const t = performance.now();
    await generate(file, server.parts.territory.communes);
    const size = statSync(file).size;
    console.log(`extrait synthétique : ${LINES.toLocaleString('fr-FR')} lignes, ${mb(size)} Mo, généré en ${Math.round((performance.now() - t) / 100) / 10} s`);
    const first = await run('premier import', file, server);
    const second = await run('second import (identique)', file, server);
    mkdirSync('bench/results', { recursive: true });
    const results = { date: new Date().toISOString(), node: process.version, lines: LINES, fileMb: mb(size), runs: [first, second] };
    writeFileSync('bench/results/rpps-import.json', JSON.stringify(results, null, 2) + '\n');
  } finally {
    await server.dispose();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
