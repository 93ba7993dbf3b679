import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { boundsOf, outerBoundary, ringAreaKm2, type CommuneFeature, type Ring } from './outline';

const square = (x: number, y: number, size = 0.1): Ring => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];
const commune = (insee: string, ...rings: Ring[]): CommuneFeature => ({
  type: 'Feature',
  properties: { insee, name: insee },
  geometry: rings.length === 1 ? { type: 'Polygon', coordinates: [rings[0]] } : { type: 'MultiPolygon', coordinates: rings.map((r) => [r]) },
});
const vertices = (ring: Ring) => new Set(ring.map((p) => p.join(',')));

describe('the territory outer limit', () => {
  it('drops the edge two neighbours share', () => {
    const rings = outerBoundary([commune('a', square(6, 49)), commune('b', square(6.1, 49))]);
    expect(rings).toHaveLength(1);
    expect(rings[0]).toHaveLength(7);
    expect(rings[0][0]).toEqual(rings[0].at(-1));
    expect(vertices(rings[0])).toEqual(new Set([...vertices(square(6, 49)), ...vertices(square(6.1, 49))]));
    expect(ringAreaKm2(rings[0])).toBeCloseTo(2 * ringAreaKm2(square(6, 49)), 6);
  });

  it('keeps a detached part, splits rings touching at a corner, and drops slivers left by simplification', () => {
    // c touches a at one corner only; d is far away; the sliver is a tiny gap between a and b.
    const sliver: Ring = [[6.1, 49.05], [6.1001, 49.0501], [6.1, 49.0502], [6.1, 49.05]];
    const rings = outerBoundary([commune('a', square(6, 49)), commune('b', square(6.1, 49)), commune('c', square(5.9, 48.9)), commune('d', square(7, 49)), commune('gap', sliver)]);
    expect(rings).toHaveLength(3);
    expect(rings.every((r) => r[0].join() === r.at(-1)!.join() && new Set(r.slice(1).map((p) => p.join())).size === r.length - 1)).toBe(true);
  });

  it('gives one closed outline of about 520 km² for the CPTS de Metz et Environs', () => {
    const file = path.resolve(__dirname, '../../../shared/data/territory/communes.geojson');
    const features = (JSON.parse(readFileSync(file, 'utf8')) as { features: CommuneFeature[] }).features;
    const rings = outerBoundary(features);
    expect(rings).toHaveLength(1);
    expect(ringAreaKm2(rings[0])).toBeGreaterThan(480);
    expect(ringAreaKm2(rings[0])).toBeLessThan(560);
    const [west, south, east, north] = boundsOf(features);
    expect(west).toBeCloseTo(5.92479, 4);
    expect(east).toBeCloseTo(6.27533, 4);
    expect(south).toBeCloseTo(48.93258, 4);
    expect(north).toBeCloseTo(49.24537, 4);
  });
});
