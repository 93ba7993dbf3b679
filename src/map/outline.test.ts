import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { boundsOf, type CommuneFeature } from './outline';

describe('the territory outlines', () => {
  it('span the communes of the repository’s default territory', () => {
    const file = path.resolve(__dirname, '../../territories/metz/communes.geojson');
    const features = (JSON.parse(readFileSync(file, 'utf8')) as { features: CommuneFeature[] }).features;
    const [west, south, east, north] = boundsOf(features);
    expect(west).toBeCloseTo(5.92479, 4);
    expect(east).toBeCloseTo(6.27533, 4);
    expect(south).toBeCloseTo(48.93258, 4);
    expect(north).toBeCloseTo(49.24537, 4);
  });
});
