/** Address search through the server (`GET /api/geocode`), online only: the national address base is not on the device. */
import { apiUrl } from '../config';
import { fetchOrOffline, HttpError, readErrorMessage } from '../data/http';
import type { GeocodeAnswer, Place } from '../domain/geocoding/api';
import * as fr from '../i18n/fr';

/** Throws `HttpError`: status 0 offline, 400 query too short, with the server's message. */
export async function searchPlaces(query: string, signal?: AbortSignal): Promise<Place[]> {
  const res = await fetchOrOffline(apiUrl(`/geocode?q=${encodeURIComponent(query)}`), { signal });
  if (!res.ok) throw new HttpError(res.status, await readErrorMessage(res, fr.picker.failed));
  const body = (await res.json()) as Partial<GeocodeAnswer>;
  return Array.isArray(body.places) ? body.places : [];
}
