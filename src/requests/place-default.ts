/**
 * Where a new request is before the user says: the known patient's place, else the commune the
 * typed address names, else — except for a home visit — the requester's own practice, since the
 * patient is in front of her.
 */
import { placeKey } from '../domain/territory/communes';
import { REQUEST_KINDS, type RequestKind, type RequestType } from '../domain/requests/types';
import type { PatientPlace } from '../map/LocationPicker';

export interface AddressCommune {
  insee: string;
  name: string;
  postcodes: readonly string[];
  centroid: readonly [number, number];
}

/**
 * The territory commune an address written by hand names: among those of its postcode (all of
 * them without one), the name found last in the address as whole words, the longest on a tie;
 * a postcode only one commune has is enough.
 */
export function communeOfAddress<C extends AddressCommune>(address: string, communes: readonly C[]): C | undefined {
  const postcode = /\b(\d{5})\b/.exec(address)?.[1];
  const candidates = postcode ? communes.filter((c) => c.postcodes.includes(postcode)) : communes;
  const text = ` ${placeKey(address)} `;
  let best: { commune: C; end: number; length: number } | undefined;
  for (const commune of candidates) {
    const key = placeKey(commune.name);
    const at = key ? text.lastIndexOf(` ${key} `) : -1;
    if (at < 0) continue;
    const found = { commune, end: at + key.length, length: key.length };
    if (!best || found.end > best.end || (found.end === best.end && found.length > best.length)) best = found;
  }
  return best?.commune ?? (postcode && candidates.length === 1 ? candidates[0] : undefined);
}

/** The place of a commune an address names, labelled with the address. */
export function placeOfAddress(address: string, communes: readonly AddressCommune[]): PatientPlace | undefined {
  const commune = communeOfAddress(address, communes);
  return commune && { lat: commune.centroid[1], lon: commune.centroid[0], label: address.trim(), source: 'address', insee: commune.insee };
}

export interface PlaceSources {
  /** The known patient's place, or the one their typed address gave. */
  patient?: PatientPlace;
  /** The requester's practice. */
  practice?: PatientPlace;
}

/** The place a request of `type` starts with: a home visit needs the patient's own place. */
export function defaultPlace(type: RequestType | '', sources: PlaceSources): PatientPlace | undefined {
  if (sources.patient) return sources.patient;
  if (!type || (REQUEST_KINDS[type] as RequestKind).atHome) return undefined;
  return sources.practice;
}
