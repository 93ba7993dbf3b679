/**
 * How far a device's first sync has come, for the person waiting: per collection, the documents the
 * server said it would bring and those received so far. Pure.
 */
import type { SyncTotals } from './api';

export interface CollectionProgress {
  collection: string;
  received: number;
  /** From the server; unknown until it answers (or when it could not). */
  total?: number;
  /** Its first pull is over. */
  done: boolean;
}

/** The server's totals, keeping only counts (what is not a count is left unknown). */
export function readTotals(body: unknown): SyncTotals {
  if (typeof body !== 'object' || body === null) return {};
  return Object.fromEntries(Object.entries(body).filter(([, n]) => Number.isSafeInteger(n) && (n as number) >= 0)) as SyncTotals;
}

/** The documents still to come per collection under way, in the order given; none when nothing is left. */
export function whatIsLeft(progress: CollectionProgress[]): { collection: string; left: number }[] {
  return progress
    .filter((p) => !p.done && p.total !== undefined && p.total > p.received)
    .map((p) => ({ collection: p.collection, left: p.total! - p.received }));
}

/** Received and expected over the collections whose total is known (a document counted at most once per expected one). */
export function overall(progress: CollectionProgress[]): { received: number; total: number } {
  const known = progress.filter((p) => p.total !== undefined);
  const total = known.reduce((sum, p) => sum + p.total!, 0);
  const received = known.reduce((sum, p) => sum + (p.done ? p.total! : Math.min(p.received, p.total!)), 0);
  return { received, total };
}
