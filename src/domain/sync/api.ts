/** What a device's sync and the server agree on. */

/**
 * What `GET /api/sync/totals` sends: per replicated collection, about how many documents a first
 * sync brings the signed-in user now, so a fresh device can say what is left while it syncs.
 */
export type SyncTotals = Record<string, number>;

/**
 * Documents per page of a device's pull. The server reads a fresh device's first pages of this
 * size as soon as it logs in, so both sides must agree on it.
 */
export const PULL_BATCH = 1000;
