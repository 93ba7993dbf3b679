/**
 * Bookkeeping of local changes not yet acknowledged by the server: a map `collection/id → updatedAt`
 * of the latest local write. Pure functions, so the rules can be tested without a browser.
 */
import { timeOf } from './conflict';

export type PendingMap = Readonly<Record<string, string>>;

export function pendingKey(collection: string, id: string): string {
  return `${collection}/${id}`;
}

/** Records a local write; a later write of the same document replaces the earlier one. */
export function addPending(map: PendingMap, collection: string, id: string, updatedAt: string): PendingMap {
  return { ...map, [pendingKey(collection, id)]: updatedAt };
}

/**
 * Forgets a local write once the server holds a state at least as recent: either ours was sent, or
 * a later one (from the server or another device) superseded it. An older state leaves it pending.
 */
export function acknowledge(map: PendingMap, collection: string, id: string, updatedAt: string): PendingMap {
  const key = pendingKey(collection, id);
  const recorded = map[key];
  if (recorded === undefined || timeOf(updatedAt) < timeOf(recorded)) return map;
  const { [key]: _removed, ...rest } = map;
  return rest;
}

/** Reads the stored form, tolerating anything damaged (an unreadable store counts as empty). */
export function parsePending(raw: string | null): PendingMap {
  if (!raw) return {};
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    return Object.fromEntries(Object.entries(value).filter((e): e is [string, string] => typeof e[1] === 'string'));
  } catch {
    return {};
  }
}
