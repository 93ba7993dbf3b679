/**
 * The territory's communes as `communes.json` lists them (read by the server, and precached by the
 * client), and finding one from an address as national files write it: INSEE code (old codes of
 * merged communes included), else postcode and name.
 */

export interface Commune {
  insee: string;
  name: string;
  postcodes: string[];
  population: number;
  /** `[lon, lat]` */
  centroid: [number, number];
  /**
   * Communes merged into this one, still found in national files under their old code or name:
   * added by the server from the territory's `formerCommunes`, absent from the file.
   */
  former?: Array<{ insee?: string; name?: string }>;
}

/** `communes.json`: its other fields (the territory's name, population…) are read by neither side. */
export interface CommunesFile {
  communes: Commune[];
}

/** What finding a commune needs of it. */
export type TerritoryCommune = Pick<Commune, 'insee' | 'name' | 'postcodes' | 'centroid' | 'former'>;

/**
 * A commune name reduced to what identifies it: « ST-JULIEN-LES-NANCY », « Saint-Julien-lès-Nancy »
 * and « St Julien les Nancy CEDEX 1 » are the same place; « Ars/Moselle » is Ars-sur-Moselle.
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
  for (const c of communes) for (const f of c.former ?? []) if (f.insee && !byInsee.has(f.insee)) byInsee.set(f.insee, c);
  const byPostcode = new Map<string, TerritoryCommune[]>();
  for (const c of communes) for (const p of c.postcodes) byPostcode.set(p, [...(byPostcode.get(p) ?? []), c]);
  const byName = new Map<string, TerritoryCommune>(communes.map((c) => [placeKey(c.name), c]));
  for (const c of communes) for (const f of c.former ?? []) if (f.name && !byName.has(placeKey(f.name))) byName.set(placeKey(f.name), c);

  return {
    find({ insee, postcode, commune }) {
      // The INSEE code decides when there is one: a postcode is shared with communes outside.
      if (insee) return byInsee.get(insee);
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
