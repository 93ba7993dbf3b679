/**
 * Writes a territory folder (`territory.json`, `communes.json`, `communes.geojson`, `outline.geojson`,
 * `offer.json`, `README.md`) from public data: the official commune list, then the geo API's
 * outlines, simplified to a size budget. The folder appears whole or not at all.
 */
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Feature } from 'geojson';
import type { Commune } from '../../../src/domain/territory/communes';
import { parseTerritorySettings, type TerritorySettings } from '../../../src/domain/territory/settings';
import { describeCommunes, formerCommunesOf, selectCodes, type Selection } from './communes';
import { fetchCommunes } from './geo-api';
import { simplifyTerritory, type CommuneOutline } from './geometry';
import { defaultOffer } from './offer';
import { territoryReadme } from './readme';

export interface BuildOptions {
  name: string;
  shortName?: string;
  selection: Selection;
  /** The folder to write, e.g. `territories/val-de-lorraine`. */
  out: string;
  apiUrl: string;
  /** Budget of `communes.geojson`, bytes. */
  maxBytes: number;
  phone?: string;
  email?: string;
  /** Replace an existing folder. */
  force?: boolean;
  now: Date;
}

export interface BuildReport {
  dir: string;
  communes: number;
  population: number;
  outlineBytes: number;
  /** Share of the API's vertices kept. */
  kept: number;
  /** Separate parts of the territory's outline (1 for a territory in one piece). */
  parts: number;
  settings: TerritorySettings;
}

/** A folder name from the territory's name: « CPTS du Val de Lorraine » → `val-de-lorraine`. */
export function slugOf(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/^cpts\s+(de la |de l'|de l’|des |du |de |d'|d’)?/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60) || 'territoire';
}

const OVERSEAS_ZONES: Record<string, string> = {
  '971': 'America/Guadeloupe',
  '972': 'America/Martinique',
  '973': 'America/Cayenne',
  '974': 'Indian/Reunion',
  '976': 'Indian/Mayotte',
};

export async function buildTerritory(options: BuildOptions): Promise<BuildReport> {
  const dir = path.resolve(options.out);
  if (existsSync(dir) && !options.force) throw new Error(`${dir} existe déjà : choisissez un autre --out ou ajoutez --force`);
  const codes = selectCodes(options.selection);
  const communes = describeCommunes(codes);
  const api = await fetchCommunes(options.apiUrl, options.selection, codes);

  const outlines: CommuneOutline[] = communes.map((c) => ({
    type: 'Feature',
    properties: { insee: c.insee, name: c.name, population: c.population },
    geometry: api.get(c.insee)!.contour!,
  }));
  const simplified = simplifyTerritory(outlines, options.maxBytes, options.name);
  const population = communes.reduce((s, c) => s + c.population, 0);
  const main = [...communes].sort((a, b) => b.population - a.population)[0];
  const slug = slugOf(options.name);
  const departements = [...new Set(communes.map((c) => c.departement))].sort();
  const settings = parseTerritorySettings({
    name: options.name,
    shortName: (options.shortName ?? options.name).slice(0, 30),
    platform: { phone: options.phone ?? '00 00 00 00 00', email: options.email ?? `coordination@${slug}.invalid` },
    timeZone: OVERSEAS_ZONES[departements[0]] ?? 'Europe/Paris',
    demoEmailDomain: `${slug}.test`,
    radiusKm: {},
    formerCommunes: formerCommunesOf(codes),
    sources: 'Codes INSEE, noms, codes postaux, populations et anciens codes : @etalab/decoupage-administratif ; contours et centres : geo.api.gouv.fr (IGN Admin Express, Licence Ouverte / Etalab 2.0). Voir README.md.',
  });
  if (!settings.ok) throw new Error(`territory.json invalide : ${settings.error}`);

  const files: Record<string, unknown> = {
    'territory.json': settings.value,
    'communes.json': {
      name: options.name,
      departements,
      population,
      communes: communes.map((c): Commune => ({
        insee: c.insee,
        name: c.name,
        postcodes: c.postcodes,
        population: c.population,
        centroid: api.get(c.insee)!.centre!.coordinates.map((n) => Math.round(n * 1e5) / 1e5) as [number, number],
      })),
    },
    'communes.geojson': simplified.communes,
    'outline.geojson': { type: 'FeatureCollection', features: [simplified.outline as Feature] },
    'offer.json': defaultOffer(population, main.name),
  };
  const temporary = `${dir}.tmp-${process.pid}`;
  rmSync(temporary, { recursive: true, force: true });
  mkdirSync(temporary, { recursive: true });
  for (const [file, content] of Object.entries(files)) writeFileSync(path.join(temporary, file), JSON.stringify(content, null, file.endsWith('.geojson') ? undefined : 1) + '\n');
  writeFileSync(path.join(temporary, 'README.md'), territoryReadme({ name: options.name, communes: communes.length, population, departements, kept: simplified.kept, bytes: simplified.bytes, apiUrl: options.apiUrl, now: options.now }));
  rmSync(dir, { recursive: true, force: true });
  renameSync(temporary, dir);
  return {
    dir,
    communes: communes.length,
    population,
    outlineBytes: simplified.bytes,
    kept: simplified.kept,
    parts: simplified.outline.geometry.coordinates.length,
    settings: settings.value,
  };
}
