/**
 * Reading the errors RxDB's replication emits, and deriving the sync status shown to the user.
 * Pure, so the classification can be tested without a browser or a server.
 */
import * as fr from '../i18n/fr';

export type SyncStatus = 'online' | 'offline' | 'syncing' | 'error';

export interface SyncFacts {
  browserOnline: boolean;
  /** The last request failed to reach the server. */
  networkDown: boolean;
  active: boolean;
  error: string | null;
}

/** An error blocks sync more than activity shows it: a rejected push retries (and stays "active") forever. */
export function syncStatus(facts: SyncFacts): SyncStatus {
  if (!facts.browserOnline || facts.networkDown) return 'offline';
  if (facts.error) return 'error';
  if (facts.active) return 'syncing';
  return 'online';
}

interface ErrorLike {
  name?: string;
  code?: string;
  message?: string;
  parameters?: {
    error?: ErrorLike;
    errors?: ErrorLike[];
    args?: { writeResultRow?: { error?: string; reason?: string } };
  };
}

function asErrorLike(err: unknown): ErrorLike {
  return typeof err === 'object' && err !== null ? (err as ErrorLike) : {};
}

/**
 * A write the server refused (`validate_doc_update` or the gateway's rights): RxDB reports it as
 * `SNH` carrying the `_bulk_docs` row, and retries it forever, so the user must be told why.
 */
export function forbiddenReason(err: unknown): string | null {
  const e = asErrorLike(err);
  const row = e.parameters?.args?.writeResultRow;
  if (e.code !== 'SNH' || row?.error !== 'forbidden') return null;
  return row.reason || fr.errors.generic;
}

/** True when every cause is an HTTP or network failure, which the fetch wrapper already reported. */
export function reportedByFetch(err: unknown): boolean {
  const e = asErrorLike(err);
  const causes = [...(e.parameters?.errors ?? []), ...(e.parameters?.error ? [e.parameters.error] : [])];
  return causes.length > 0 && causes.every((c) => c.name === 'HttpError');
}

/** The French message for an error emitted on `error$`, or null when nothing new is to be shown. */
export function describeSyncError(err: unknown): string | null {
  const reason = forbiddenReason(err);
  if (reason !== null) return fr.sync.forbidden(reason);
  if (reportedByFetch(err)) return null;
  return fr.sync.unexpected;
}
