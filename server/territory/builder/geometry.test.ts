import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { simplifyTerritory, type CommuneOutline } from './geometry';

const square = (x: number, y: number, size = 0.1): Position[] => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];
const commune = (insee: string, ...rings: Position[][]): CommuneOutline => ({
  type: 'Feature',
  properties: { insee, name: insee, population: 100 },
  geometry: rings.length === 1 ? { type: 'Polygon', coordinates: [rings[0]] } : { type: 'MultiPolygon', coordinates: rings.map((r) => [r]) },
});

/** Area in km² (equirectangular around the ring), near enough to compare. */
function areaKm2(ring: Position[]): number {
  const kmPerDegLon = 111.2 * Math.cos((ring[0][1] * Math.PI) / 180);
  let twice = 0;
  for (let i = 0; i < ring.length - 1; i++) twice += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return (Math.abs(twice) / 2) * 111.2 * kmPerDegLon;
}

describe('the territory outline, merged from its communes', () => {
  it('drops the border two neighbours share', () => {
    const { outline } = simplifyTerritory([commune('a', square(6, 49)), commune('b', square(6.1, 49))], 1e6, 'T');
    expect(outline.geometry.coordinates).toHaveLength(1);
    const [ring] = outline.geometry.coordinates[0];
    expect(areaKm2(ring) / (2 * areaKm2(square(6, 49)))).toBeCloseTo(1, 2);
  });

  it('keeps a detached part and drops a sliver left between neighbours', () => {
    // The sliver is a tiny commune-shaped gap: merged, it would be a hole or a speck.
    const sliver = [[6.1, 49.05], [6.10001, 49.05001], [6.1, 49.05002], [6.1, 49.05]];
    const { outline } = simplifyTerritory([commune('a', square(6, 49)), commune('b', square(6.1, 49)), commune('d', square(7, 49)), commune('gap', sliver)], 1e6, 'T');
    expect(outline.geometry.coordinates).toHaveLength(2);
    expect(outline.geometry.coordinates.every((polygon) => polygon.length === 1)).toBe(true);
  });

  it('gives the reference territory one outline of about 520 km², and fits a budget while keeping every commune', () => {
    const file = path.resolve(__dirname, '../../../territories/metz/communes.geojson');
    const features = (JSON.parse(readFileSync(file, 'utf8')) as { features: CommuneOutline[] }).features;
    const whole = simplifyTerritory(features, 1e7, 'Metz');
    expect(whole.kept).toBe(1);
    expect(whole.outline.geometry.coordinates).toHaveLength(1);
    expect(whole.outline.geometry.coordinates[0]).toHaveLength(1);
    expect(areaKm2(whole.outline.geometry.coordinates[0][0])).toBeGreaterThan(480);
    expect(areaKm2(whole.outline.geometry.coordinates[0][0])).toBeLessThan(560);

    const small = simplifyTerritory(features, 30 * 1024, 'Metz');
    expect(small.bytes).toBeLessThanOrEqual(30 * 1024);
    expect(small.kept).toBeLessThan(1);
    expect(small.communes.features.map((f) => f.properties.insee)).toEqual(features.map((f) => f.properties.insee));
    expect(small.outline.geometry.coordinates).toHaveLength(1);
  });
});
