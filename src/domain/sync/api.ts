/** What a device's sync and the server agree on. */

/**
 * What `GET /api/sync/totals` sends: per replicated collection, about how many documents a first
 * sync brings the signed-in user now, so a fresh device can say what is left while it syncs.
 */
export type SyncTotals = Record<string, number>;

/**
 * Documents per page of a device's pull. The server reads a fresh device's first pages of this
 * size as soon as it logs in, so both sides must agree on it. A fresh device shows the directory
 * once its first page is stored: on a slow phone a page of 1,000 members (115 KB gzipped, a second
 * of writes) kept the landing page empty about 0.6 s longer than a page of 500 (bench/phone-start.ts).
 */
export const PULL_BATCH = 500;
