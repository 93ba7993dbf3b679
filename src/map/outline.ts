/** The shapes of the territory's outline files (GeoJSON, `[lon, lat]`) and their bounds. */

export type Position = [number, number];
export type Ring = Position[];

/** What the map needs of the commune outlines file (GeoJSON, `[lon, lat]`). */
export interface CommuneFeature {
  type: 'Feature';
  properties: { insee: string; name: string; population?: number };
  geometry: { type: 'Polygon'; coordinates: Ring[] } | { type: 'MultiPolygon'; coordinates: Ring[][] };
}

/** The territory's outer limit (`outline.geojson`), merged from the communes when the territory was built. */
export interface LimitFeature {
  type: 'Feature';
  geometry: { type: 'MultiPolygon'; coordinates: Ring[][] };
}

export function polygonsOf(feature: CommuneFeature): Ring[][] {
  return feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
}

/** `[west, south, east, north]` of the outlines. */
export function boundsOf(features: readonly CommuneFeature[]): [number, number, number, number] {
  const box: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const f of features) {
    for (const polygon of polygonsOf(f)) {
      for (const [lon, lat] of polygon[0]) {
        box[0] = Math.min(box[0], lon);
        box[1] = Math.min(box[1], lat);
        box[2] = Math.max(box[2], lon);
        box[3] = Math.max(box[3], lat);
      }
    }
  }
  return box;
}
