/** The territory's public data (communes, outlines, offer of care), read from TERRITORY_DIR (`../shared/data/territory`). */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface Commune {
  insee: string;
  name: string;
  postcodes: string[];
  population: number;
  centroid: [number, number];
}

export interface Territory {
  name: string;
  communes: Commune[];
  /** Outline rings per INSEE code, `[lon, lat]` (outer rings of each polygon). */
  outlines: Map<string, Array<Array<[number, number]>>>;
  offer: {
    professionals: Record<string, number>;
    emergencyStructures: string[];
    otherStructures: Record<string, unknown>;
  };
}

interface Feature {
  properties: { insee: string };
  geometry: { type: 'Polygon' | 'MultiPolygon'; coordinates: unknown };
}

function readJson<T>(dir: string, file: string): T {
  const full = path.join(dir, file);
  try {
    return JSON.parse(readFileSync(full, 'utf8')) as T;
  } catch (err) {
    throw new Error(`Données du territoire illisibles (${full}) : ${(err as Error).message}. Vérifiez TERRITORY_DIR.`);
  }
}

export function loadTerritory(dir: string): Territory {
  const communes = readJson<{ name: string; communes: Commune[] }>(dir, 'communes.json');
  const geo = readJson<{ features: Feature[] }>(dir, 'communes.geojson');
  const outlines = new Map<string, Array<Array<[number, number]>>>();
  for (const f of geo.features) {
    const polygons = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as Array<Array<Array<[number, number]>>>;
    outlines.set(f.properties.insee, polygons.map((p) => p[0]));
  }
  return { name: communes.name, communes: communes.communes, outlines, offer: readJson(dir, 'offer.json') };
}
