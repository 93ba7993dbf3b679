/** Address search through the server (`GET /api/geocode`), online only: the national address base is not on the device. */
import { apiUrl } from '../config';
import { fetchOrOffline, HttpError, readErrorMessage } from '../data/http';
import { fr } from '../i18n/fr';

export interface FoundPlace {
  label: string;
  lat: number;
  lon: number;
  /** True when only the commune was recognised: the place is its centre. */
  approximate: boolean;
}

/** Throws `HttpError`: status 0 offline, 400 query too short, with the server's message. */
export async function searchPlaces(query: string, signal?: AbortSignal): Promise<FoundPlace[]> {
  const res = await fetchOrOffline(apiUrl(`/geocode?q=${encodeURIComponent(query)}`), { signal });
  if (!res.ok) throw new HttpError(res.status, await readErrorMessage(res, fr.picker.failed));
  const body = (await res.json()) as { places?: FoundPlace[] };
  return Array.isArray(body.places) ? body.places : [];
}
