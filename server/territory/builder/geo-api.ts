/**
 * Commune outlines and centres from the public `geo.api.gouv.fr` API (`fields=nom,code,codesPostaux,
 * population,centre,contour`): one request per department or EPCI when the territory is one, else
 * one per commune, a few at a time. Without network it fails with `NoNetworkError`.
 */
import type { MultiPolygon, Point, Polygon } from 'geojson';
import type { Selection } from './communes';

export const GEO_API_URL = 'https://geo.api.gouv.fr';
const FIELDS = 'nom,code,codesPostaux,population,centre,contour';
const PARALLEL = 4;

export interface ApiCommune {
  nom: string;
  code: string;
  codesPostaux?: string[];
  population?: number;
  centre?: Point;
  contour?: Polygon | MultiPolygon;
}

export class NoNetworkError extends Error {}
export class GeoApiError extends Error {}

const NETWORK_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENETUNREACH', 'EHOSTUNREACH', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET']);

type Cause = { code?: string; errors?: Array<{ code?: string }> };

/** The system error behind a failed fetch: `ENOTFOUND`…, or the first of several attempts (IPv4 and IPv6). */
const causeCode = (err: unknown): string | undefined => {
  const cause = (err as { cause?: Cause }).cause;
  return cause?.code ?? cause?.errors?.find((e) => e.code)?.code;
};

function isNetworkFailure(err: unknown): boolean {
  return (err as Error).name === 'TimeoutError' || (err as Error).name === 'AbortError' || NETWORK_CODES.has(causeCode(err) ?? '');
}

async function getJson(url: string): Promise<ApiCommune[]> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(30_000), headers: { accept: 'application/json' } });
  } catch (err) {
    if (isNetworkFailure(err)) throw new NoNetworkError(`${new URL(url).host} injoignable (${causeCode(err) ?? (err as Error).name})`);
    throw err;
  }
  if (!res.ok) throw new GeoApiError(`${url} a répondu ${res.status}`);
  const body = (await res.json()) as unknown;
  if (!Array.isArray(body)) throw new GeoApiError(`${url} : réponse inattendue (une liste de communes était attendue)`);
  return body as ApiCommune[];
}

/** The API's answer for the selection, keyed by INSEE code; a commune it does not know is an error naming it. */
export async function fetchCommunes(base: string, selection: Selection, codes: string[]): Promise<Map<string, ApiCommune>> {
  const root = base.replace(/\/+$/, '');
  let answers: ApiCommune[];
  if ('epci' in selection) answers = await getJson(`${root}/epcis/${encodeURIComponent(selection.epci)}/communes?fields=${FIELDS}&format=json`);
  else if ('departement' in selection) answers = await getJson(`${root}/departements/${encodeURIComponent(selection.departement)}/communes?fields=${FIELDS}&format=json`);
  else {
    answers = [];
    for (let i = 0; i < codes.length; i += PARALLEL) {
      const batch = await Promise.all(codes.slice(i, i + PARALLEL).map((code) => getJson(`${root}/communes?code=${encodeURIComponent(code)}&fields=${FIELDS}&format=json`)));
      answers.push(...batch.flat());
    }
  }
  const byCode = new Map(answers.map((a) => [a.code, a]));
  const missing = codes.filter((c) => !byCode.get(c)?.contour || !byCode.get(c)?.centre);
  if (missing.length) throw new GeoApiError(`contour ou centre absent de la réponse de l’API pour ${missing.join(', ')}`);
  return byCode;
}
