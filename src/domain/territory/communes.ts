/** Finding a territory commune from an address as national files write it: INSEE code (old codes of merged communes included), else postcode and name. */

/** What the domain needs of a commune (the server's and the client's commune types both fit). */
export interface TerritoryCommune {
  insee: string;
  name: string;
  postcodes: string[];
  centroid: [number, number];
}

/**
 * Communes merged into a territory commune, still found in national files under their old code or
 * name: Ancy-sur-Moselle (kept 57021) and Dornot (57184) are Ancy-Dornot; Rezonville (kept 57578)
 * and Vionville (57722) are Rezonville-Vionville. The only place this mapping is written.
 */
export const MERGED_COMMUNES: ReadonlyArray<{ formerInsee?: string; formerName: string; insee: string }> = [
  { formerName: 'Ancy-sur-Moselle', insee: '57021' },
  { formerInsee: '57184', formerName: 'Dornot', insee: '57021' },
  { formerName: 'Rezonville', insee: '57578' },
  { formerInsee: '57722', formerName: 'Vionville', insee: '57578' },
];

const CURRENT_INSEE = new Map(MERGED_COMMUNES.filter((m) => m.formerInsee).map((m) => [m.formerInsee!, m.insee]));

/** The current INSEE code of a commune, given a code that may be a merged commune's old one. */
export function currentInsee(code: string): string {
  return CURRENT_INSEE.get(code) ?? code;
}

/**
 * A commune name reduced to what identifies it: « ST-JULIEN-LES-METZ », « Saint-Julien-lès-Metz »
 * and « St Julien les Metz CEDEX 1 » are the same place; « Ars/Moselle » is Ars-sur-Moselle.
 */
export function placeKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/\//g, ' sur ')
    .replace(/\bcedex\b.*$/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .replace(/\bste\b/g, 'sainte')
    .replace(/\bst\b/g, 'saint')
    .trim();
}

export interface AddressPlace {
  insee: string;
  postcode: string;
  commune: string;
}

export interface CommuneFinder {
  /** The territory commune of an address, or undefined when it is outside the territory. */
  find(place: AddressPlace): TerritoryCommune | undefined;
}

export function createCommuneFinder(communes: readonly TerritoryCommune[]): CommuneFinder {
  const byInsee = new Map(communes.map((c) => [c.insee, c]));
  const byPostcode = new Map<string, TerritoryCommune[]>();
  for (const c of communes) for (const p of c.postcodes) byPostcode.set(p, [...(byPostcode.get(p) ?? []), c]);
  const byName = new Map<string, TerritoryCommune>(communes.map((c) => [placeKey(c.name), c]));
  for (const m of MERGED_COMMUNES) if (byInsee.has(m.insee)) byName.set(placeKey(m.formerName), byInsee.get(m.insee)!);

  return {
    find({ insee, postcode, commune }) {
      // The INSEE code decides when there is one: a postcode is shared with communes outside.
      if (insee) return byInsee.get(currentInsee(insee));
      const candidates = byPostcode.get(postcode);
      if (!candidates) return undefined;
      const key = placeKey(commune);
      // Without a name, a postcode only one territory commune has is taken as that commune.
      if (!key) return candidates.length === 1 ? candidates[0] : undefined;
      const named = byName.get(key);
      return named && candidates.includes(named) ? named : undefined;
    },
  };
}
