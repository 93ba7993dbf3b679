/**
 * The selected territory's data (settings, communes, outlines, offer of care), read from its folder:
 * `territories/<TERRITORY>/` in the repository (default: the folder named in `territories/default`)
 * or `TERRITORY_DIR`. Read by the server and by the client build, so both show the same territory.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Commune, CommunesFile } from '../../src/domain/territory/communes';
import { parseTerritorySettings, type TerritorySettings } from '../../src/domain/territory/settings';

/** The file naming the repository's default territory: a fork makes its own the default by editing it. */
export const DEFAULT_TERRITORY_FILE = 'default';


export interface Offer {
  professionals: Record<string, number>;
  emergencyStructures: string[];
  otherStructures: Record<string, unknown>;
}

export interface Territory {
  settings: TerritorySettings;
  name: string;
  communes: Commune[];
  /** Outline rings per INSEE code, `[lon, lat]` (outer rings of each polygon). */
  outlines: Map<string, Array<Array<[number, number]>>>;
  offer: Offer;
}

export class TerritoryError extends Error {}

/** The repository's default territory, as named in `territories/default`. */
export function defaultTerritory(root: string): string {
  const file = path.resolve(root, 'territories', DEFAULT_TERRITORY_FILE);
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    throw new TerritoryError(`${file} est absent : définissez TERRITORY ou TERRITORY_DIR / set TERRITORY or TERRITORY_DIR`);
  }
}

/** The folder of the selected territory: `TERRITORY_DIR`, else `territories/<TERRITORY or the default>` under `root`. */
export function territoryDirFrom(env: Record<string, string | undefined>, root: string): string {
  if (env.TERRITORY_DIR) return path.resolve(root, env.TERRITORY_DIR);
  const name = env.TERRITORY || defaultTerritory(root);
  if (!/^[a-z0-9][a-z0-9-]{0,60}$/.test(name)) {
    throw new TerritoryError(`TERRITORY doit être le nom d’un dossier de territories/ (lettres minuscules, chiffres, tirets), reçu « ${name} » / TERRITORY must name a folder of territories/`);
  }
  return path.resolve(root, 'territories', name);
}

function readJson<T>(dir: string, file: string): T {
  const full = path.join(dir, file);
  if (!existsSync(full)) throw new TerritoryError(`Territoire incomplet : ${full} est absent (TERRITORY ou TERRITORY_DIR) / territory file missing`);
  try {
    return JSON.parse(readFileSync(full, 'utf8')) as T;
  } catch (err) {
    throw new TerritoryError(`Données du territoire illisibles (${full}) : ${(err as Error).message}`);
  }
}

export function loadTerritorySettings(dir: string): TerritorySettings {
  const parsed = parseTerritorySettings(readJson(dir, 'territory.json'));
  if (!parsed.ok) throw new TerritoryError(`${path.join(dir, 'territory.json')} : ${parsed.error}`);
  return parsed.value;
}

interface Feature {
  properties: { insee: string };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}

export function loadTerritory(dir: string): Territory {
  const settings = loadTerritorySettings(dir);
  const { communes } = readJson<CommunesFile>(dir, 'communes.json');
  if (!Array.isArray(communes) || communes.length === 0) throw new TerritoryError(`${path.join(dir, 'communes.json')} : aucune commune`);
  const byInsee = new Map(communes.map((c) => [c.insee, c]));
  for (const f of settings.formerCommunes) {
    const commune = byInsee.get(f.insee);
    if (!commune) throw new TerritoryError(`territory.json : formerCommunes renvoie à ${f.insee}, absente de communes.json`);
    commune.former = [...(commune.former ?? []), { insee: f.formerInsee, name: f.formerName }];
  }
  const geo = readJson<{ features: Feature[] }>(dir, 'communes.geojson');
  const outlines = new Map<string, Array<Array<[number, number]>>>();
  for (const f of geo.features) {
    const polygons = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as Array<Array<Array<[number, number]>>>;
    outlines.set(f.properties.insee, polygons.map((p) => p[0]));
  }
  return { settings, name: settings.name, communes, outlines, offer: readJson(dir, 'offer.json') };
}

/** The commune with the most inhabitants: where the demo puts the coordination and the hospitals. */
export function mainCommune(territory: Pick<Territory, 'communes'>): Commune {
  return [...territory.communes].sort((a, b) => b.population - a.population)[0];
}
