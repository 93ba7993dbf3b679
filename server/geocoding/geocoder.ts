/**
 * Coordinates of a practice address from the national address API (BAN), biased towards the
 * commune; when it fails, is unsure or unreachable, the commune's centroid, marked approximate.
 */
import type { Place } from '../../src/domain/geocoding/api';
import type { Commune } from '../../src/domain/territory/communes';
import type { Logger } from '../log';

export interface AddressToLocate {
  street: string;
  postcode: string;
  commune: string;
  communeInsee?: string;
}

export interface Position {
  lat: number;
  lon: number;
  /** True when the position is the commune's centroid, not the address itself. */
  approximate: boolean;
}

export interface Geocoder {
  locate(address: AddressToLocate): Promise<Position>;
  /** A few candidates for a free-text query, best first; offline or unsure, the territory communes it names. */
  search(query: string, limit?: number): Promise<Place[]>;
}

interface BanResponse {
  features?: Array<{ geometry?: { coordinates?: [number, number] }; properties?: { score?: number; citycode?: string; label?: string } }>;
}

const MIN_SCORE = 0.5;

const simplify = (s: string) => s.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
const TIMEOUT_MS = 4000;

export class BanGeocoder implements Geocoder {
  private readonly byInsee: Map<string, Commune>;
  private readonly communes: Commune[];

  constructor(
    private readonly url: string,
    communes: Commune[],
    /** Where an address outside the territory that cannot be located is placed (the largest commune). */
    private readonly fallback: Commune,
    private readonly log: Logger,
  ) {
    this.byInsee = new Map(communes.map((c) => [c.insee, c]));
    this.communes = communes;
  }

  /** By INSEE code, else by postcode and name (several communes share a postcode), else by postcode alone. */
  private communeOf(address: AddressToLocate): Commune | undefined {
    if (address.communeInsee && this.byInsee.has(address.communeInsee)) return this.byInsee.get(address.communeInsee);
    const samePostcode = this.communes.filter((c) => c.postcodes.includes(address.postcode));
    const name = simplify(address.commune);
    return samePostcode.find((c) => simplify(c.name) === name) ?? samePostcode[0];
  }

  async locate(address: AddressToLocate): Promise<Position> {
    const commune = this.communeOf(address);
    const params = new URLSearchParams({ q: `${address.street} ${address.postcode} ${address.commune}`.slice(0, 200), limit: '1', type: 'housenumber' });
    if (commune) {
      params.set('lon', String(commune.centroid[0]));
      params.set('lat', String(commune.centroid[1]));
    }
    try {
      const res = await fetch(`${this.url}?${params}`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const best = ((await res.json()) as BanResponse).features?.[0];
      const coordinates = best?.geometry?.coordinates;
      const score = best?.properties?.score ?? 0;
      const sameCommune = !address.communeInsee || best?.properties?.citycode === address.communeInsee;
      if (coordinates && score >= MIN_SCORE && sameCommune) {
        return { lon: coordinates[0], lat: coordinates[1], approximate: false };
      }
    } catch (err) {
      // The address itself is not logged: it may be a patient's later on.
      this.log.warn({ err: (err as Error).message }, 'géocodage indisponible ; centre de la commune utilisé');
    }
    const [lon, lat] = (commune ?? this.fallback).centroid;
    return { lon, lat, approximate: true };
  }

  /**
   * Free-text search, biased towards the territory (its largest commune). Candidates the BAN is
   * unsure of are dropped; when it fails, is unreachable or finds nothing sure, the territory
   * communes named in the query, at their centroid, marked approximate.
   */
  async search(query: string, limit = 5): Promise<Place[]> {
    const params = new URLSearchParams({ q: query.slice(0, 200), limit: String(limit) });
    params.set('lon', String(this.fallback.centroid[0]));
    params.set('lat', String(this.fallback.centroid[1]));
    try {
      const res = await fetch(`${this.url}?${params}`, { signal: AbortSignal.timeout(TIMEOUT_MS) });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      const places: Place[] = [];
      for (const f of ((await res.json()) as BanResponse).features ?? []) {
        const c = f.geometry?.coordinates;
        if (c && f.properties?.label && (f.properties.score ?? 0) >= MIN_SCORE) places.push({ label: f.properties.label, lon: c[0], lat: c[1], approximate: false });
      }
      if (places.length > 0) return places.slice(0, limit);
    } catch (err) {
      // The query is not logged: it is often a patient's address.
      this.log.warn({ err: (err as Error).message }, 'recherche d’adresse indisponible ; communes du territoire proposées');
    }
    return this.communesNamed(query, limit);
  }

  /** Territory communes whose name or postcode the query contains, or whose name starts with it. */
  private communesNamed(query: string, limit: number): Place[] {
    const q = ` ${simplify(query)} `;
    return this.communes
      .filter((c) => q.includes(` ${simplify(c.name)} `) || ` ${simplify(c.name)}`.startsWith(q.trimEnd()) || c.postcodes.some((p) => q.includes(` ${p} `)))
      .sort((a, b) => b.population - a.population)
      .slice(0, limit)
      .map((c) => ({ label: c.name, lon: c.centroid[0], lat: c.centroid[1], approximate: true }));
  }
}
