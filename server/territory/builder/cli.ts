/**
 * `npm run territory -- --name "CPTS …" --communes 57463,57254,…` (or `--epci <SIREN>`,
 * `--departement <code>`): writes a territory folder under `territories/` from public data.
 */
import { parseArgs } from 'node:util';
import path from 'node:path';
import { SelectionError, type Selection } from './communes';
import { buildTerritory, slugOf } from './build';
import { GEO_API_URL, NoNetworkError } from './geo-api';

const USAGE = `Usage : npm run territory -- --name "CPTS du …" (--communes 57463,57254,… | --epci <SIREN> | --departement <code>)
  [--short-name "CPTS …"] [--phone "03 87 …"] [--email coordination@…] [--out territories/<nom>] [--max-kb 80] [--force]
  [--api ${GEO_API_URL}]`;

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

function selectionOf(values: { communes?: string; epci?: string; departement?: string }): Selection {
  const given = [values.communes, values.epci, values.departement].filter((v) => v !== undefined).length;
  if (given !== 1) fail(`Choisissez les communes d’une seule façon : --communes, --epci ou --departement.\n${USAGE}`, 2);
  if (values.epci !== undefined) return { epci: values.epci.trim() };
  if (values.departement !== undefined) return { departement: values.departement.trim() };
  return { communes: values.communes!.split(/[\s,;]+/).filter(Boolean) };
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        name: { type: 'string' },
        'short-name': { type: 'string' },
        communes: { type: 'string' },
        epci: { type: 'string' },
        departement: { type: 'string' },
        out: { type: 'string' },
        'max-kb': { type: 'string', default: '80' },
        phone: { type: 'string' },
        email: { type: 'string' },
        api: { type: 'string', default: process.env.GEO_API_URL || GEO_API_URL },
        force: { type: 'boolean', default: false },
      },
    }));
  } catch (err) {
    return fail(`${(err as Error).message}\n${USAGE}`, 2);
  }
  if (!values.name?.trim()) fail(`--name est obligatoire.\n${USAGE}`, 2);
  const maxKb = Number(values['max-kb']);
  if (!Number.isFinite(maxKb) || maxKb < 5 || maxKb > 5000) fail('--max-kb doit être un nombre de kilo-octets entre 5 et 5000.', 2);
  const name = values.name!.trim();
  const started = Date.now();
  try {
    const report = await buildTerritory({
      name,
      shortName: values['short-name'],
      selection: selectionOf(values),
      out: values.out ?? path.join('territories', slugOf(name)),
      apiUrl: values.api!,
      maxBytes: maxKb * 1024,
      phone: values.phone,
      email: values.email,
      force: values.force,
      now: new Date(),
    });
    const n = (v: number) => v.toLocaleString('fr-FR');
    process.stdout.write(
      `Territoire écrit dans ${report.dir} : ${n(report.communes)} communes, ${n(report.population)} habitants, contours ${n(Math.round(report.outlineBytes / 1024))} Ko ` +
        `(${Math.round(report.kept * 100)} % des points), ${report.parts === 1 ? 'd’un seul tenant' : `${report.parts} parties`}, en ${((Date.now() - started) / 1000).toFixed(1)} s.\n` +
        `Vérifiez le téléphone et l’e-mail de la plateforme dans territory.json, et offer.json (densités nationales par défaut).\n` +
        `Pour l’utiliser : TERRITORY_DIR=${path.relative(process.cwd(), report.dir) || report.dir} npm start\n`,
    );
  } catch (err) {
    if (err instanceof NoNetworkError) fail(`Pas de réseau : ${err.message}. Les contours viennent de geo.api.gouv.fr ; réessayez une fois connecté. Rien n’a été écrit.`, 3);
    if (err instanceof SelectionError) fail(`${err.message}.`, 2);
    fail(`Construction impossible : ${(err as Error).message}. Rien n’a été écrit.`, 1);
  }
}

void main();
