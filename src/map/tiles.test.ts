import { describe, expect, it } from 'vitest';
import { isTileRequest, prefetchAllowed, tileOf, tilesForBounds, tileUrl } from './tiles';

const IGN =
  'https://data.geopf.fr/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=GEOGRAPHICALGRIDSYSTEMS.PLANIGNV2&STYLE=normal&TILEMATRIXSET=PM&FORMAT=image/png&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}';
const METZ_BOUNDS = [5.92479, 48.93258, 6.27533, 49.24537] as const;

describe('map tiles', () => {
  it('finds the Web Mercator tile of a point', () => {
    // Metz cathedral at zoom 15: 16946.13 / 11236.56 by the textbook formula y = (1 − ln(tan φ + sec φ)/π)/2 · 2^z.
    expect(tileOf(6.1757, 49.1202, 15)).toEqual({ x: 16946, y: 11236 });
    expect(tileOf(0, 0, 1)).toEqual({ x: 1, y: 1 });
    expect(tileOf(-180, 85.0511, 3)).toEqual({ x: 0, y: 0 });
    expect(tileOf(180, -89, 3)).toEqual({ x: 7, y: 7 });
  });

  it('covers the territory with about 2,000 tiles from zoom 10 to 15, each once', () => {
    const tiles = tilesForBounds(METZ_BOUNDS, 10, 15);
    expect(tiles.length).toBeGreaterThan(1800);
    expect(tiles.length).toBeLessThan(2300);
    expect(new Set(tiles.map((t) => `${t.z}/${t.x}/${t.y}`)).size).toBe(tiles.length);
    expect(tiles[0].z).toBe(10);
    expect(tiles.filter((t) => t.z === 10).length).toBeLessThanOrEqual(4);
    // Every corner of the territory is in the list at every zoom.
    for (let z = 10; z <= 15; z++) {
      for (const [lon, lat] of [[5.92479, 48.93258], [6.27533, 49.24537], [5.92479, 49.24537], [6.27533, 48.93258]]) {
        const { x, y } = tileOf(lon, lat, z);
        expect(tiles.some((t) => t.z === z && t.x === x && t.y === y)).toBe(true);
      }
    }
  });

  it('fills in a template, WMTS or XYZ with subdomains', () => {
    expect(tileUrl(IGN, { z: 12, x: 2118, y: 1406 })).toContain('TILEMATRIX=12&TILEROW=1406&TILECOL=2118');
    expect(tileUrl('https://{s}.tiles.example.org/{z}/{x}/{y}{r}.png', { z: 3, x: 1, y: 1 })).toBe('https://c.tiles.example.org/3/1/1.png');
  });

  it('refuses to prefetch from tile.openstreetmap.org, whatever the subdomain', () => {
    expect(prefetchAllowed(IGN)).toBe(true);
    expect(prefetchAllowed('https://tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe(false);
    expect(prefetchAllowed('https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png')).toBe(false);
    expect(prefetchAllowed('https://A.TILE.OPENSTREETMAP.ORG/{z}/{x}/{y}.png')).toBe(false);
    expect(prefetchAllowed('https://tile.openstreetmap.fr/osmfr/{z}/{x}/{y}.png')).toBe(true);
    expect(prefetchAllowed('not a url')).toBe(false);
  });

  it('recognises requests to the tile server only', () => {
    const ign = isTileRequest(IGN);
    expect(ign(new URL('https://data.geopf.fr/wmts?SERVICE=WMTS&TILEMATRIX=3'))).toBe(true);
    expect(ign(new URL('https://evil.example/data.geopf.fr'))).toBe(false);
    expect(ign(new URL('https://data.geopf.fr.evil.example/wmts'))).toBe(false);
    const xyz = isTileRequest('https://{s}.tiles.example.org/{z}/{x}/{y}.png');
    expect(xyz(new URL('https://b.tiles.example.org/1/2/3.png'))).toBe(true);
    expect(xyz(new URL('https://tiles.example.org/1/2/3.png'))).toBe(false);
    expect(isTileRequest('')(new URL('https://data.geopf.fr/'))).toBe(false);
  });
});
