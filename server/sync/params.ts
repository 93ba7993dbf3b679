/** Checks the query and body of gateway requests against the replication subset RxDB uses; anything else is refused with a clear message. */
import { badRequest } from '../http/errors';

const CHANGES_PARAMS = new Set(['style', 'feed', 'include_docs', 'since', 'heartbeat', 'limit', 'seq_interval', 'timeout']);
const SEQ = /^(now|[0-9]{1,20}(-[A-Za-z0-9_-]{1,2000})?|i:[0-9]{1,20}(-[A-Za-z0-9_-]{1,2000})?:[a-z0-9-]{0,200})$/;
const MAX_KEYS = 1000;
export const MAX_BULK_DOCS = 500;

export interface ChangesQuery {
  feed: 'normal' | 'longpoll';
  since: string | number;
  limit: number;
  /**
   * Asked for a heartbeat (RxDB asks 60 s on its live long-polls): as on CouchDB, the long-poll may
   * then stay open past its timeout, kept alive by newlines while nothing comes.
   */
  heartbeat: boolean;
}

export function parseChangesQuery(query: Record<string, unknown>): ChangesQuery {
  for (const key of Object.keys(query)) {
    if (!CHANGES_PARAMS.has(key)) throw badRequest(`Paramètre non pris en charge par la passerelle : « ${key} ».`);
  }
  for (const [key, value] of Object.entries(query)) {
    if (typeof value !== 'string') throw badRequest(`Paramètre « ${key} » répété ou mal formé.`);
  }
  const q = query as Record<string, string | undefined>;
  const feed = q.feed ?? 'normal';
  if (feed !== 'normal' && feed !== 'longpoll') throw badRequest('Paramètre « feed » : seuls « normal » et « longpoll » sont pris en charge.');
  if (q.include_docs !== undefined && q.include_docs !== 'true') throw badRequest('Paramètre « include_docs » : seule la valeur « true » est prise en charge.');
  if (q.style !== undefined && q.style !== 'all_docs' && q.style !== 'main_only') throw badRequest('Paramètre « style » invalide.');
  const since = q.since ?? '0';
  if (!SEQ.test(since) || (since === 'now' && feed !== 'longpoll')) throw badRequest('Paramètre « since » invalide.');
  const limit = q.limit === undefined ? 100 : Number(q.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw badRequest('Paramètre « limit » : un entier de 1 à 1000 est attendu.');
  // CouchDB takes `true` (its default period) or a period in ms; the gateway keeps its own period.
  if (q.heartbeat !== undefined && q.heartbeat !== 'true' && !/^[0-9]{1,9}$/.test(q.heartbeat)) throw badRequest('Paramètre « heartbeat » : « true » ou une durée en millisecondes est attendu.');
  return { feed, since: /^[0-9]+$/.test(since) ? Number(since) : since, limit, heartbeat: q.heartbeat !== undefined && q.heartbeat !== '0' };
}

function checkKeys(keys: unknown): string[] {
  if (!Array.isArray(keys) || keys.length > MAX_KEYS || !keys.every((k) => typeof k === 'string' && k.length <= 200)) {
    throw badRequest(`Champ « keys » : une liste d’au plus ${MAX_KEYS} identifiants (texte) est attendue.`);
  }
  return keys;
}

export function parseAllDocsBody(body: unknown): { keys: string[]; includeDocs: boolean } {
  const b = body as Record<string, unknown> | null;
  if (!b || typeof b !== 'object' || Array.isArray(b)) throw badRequest('Le corps doit être un objet JSON { keys, include_docs }.');
  return { keys: checkKeys(b.keys), includeDocs: b.include_docs === true };
}

export function parseAllDocsQuery(query: Record<string, unknown>): { keys: string[]; includeDocs: boolean } {
  if (typeof query.keys !== 'string') throw badRequest('Paramètre « keys » obligatoire : la liste des identifiants en JSON.');
  let keys: unknown;
  try {
    keys = JSON.parse(query.keys);
  } catch {
    throw badRequest('Paramètre « keys » : JSON invalide.');
  }
  return { keys: checkKeys(keys), includeDocs: query.include_docs === 'true' };
}

export function parseBulkDocsBody(body: unknown): Array<Record<string, unknown>> {
  const b = body as Record<string, unknown> | null;
  if (!b || typeof b !== 'object' || Array.isArray(b) || !Array.isArray(b.docs)) {
    throw badRequest('Le corps doit être un objet JSON { docs: [...] }.');
  }
  if (b.new_edits === false) throw badRequest('« new_edits: false » n’est pas pris en charge par la passerelle.');
  if (b.docs.length > MAX_BULK_DOCS) throw badRequest(`Au plus ${MAX_BULK_DOCS} documents par envoi.`);
  if (!b.docs.every((d) => d && typeof d === 'object' && !Array.isArray(d) && typeof (d as Record<string, unknown>)._id === 'string')) {
    throw badRequest('Champ « docs » : chaque document doit être un objet avec un « _id » texte.');
  }
  return b.docs as Array<Record<string, unknown>>;
}
