/**
 * What `GET /api/sync/totals` sends: per replicated collection, about how many documents a first
 * sync brings the signed-in user now, so a fresh device can say what is left while it syncs.
 */
export type SyncTotals = Record<string, number>;
