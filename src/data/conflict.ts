/**
 * The conflict rule of collections edited by two writers (a member and a coordinator): the later
 * `updatedAt` wins, and on a tie the server's state wins. RxDB's default handler always keeps the
 * server's state, which would silently drop a later edit made offline.
 */
import type { RxConflictHandler, WithDeleted } from 'rxdb';
import { deepEqual } from 'rxdb/plugins/utils';

interface Timestamped {
  updatedAt: string;
}

/** Fields that describe a local copy rather than the document, so never part of a comparison. */
const LOCAL_FIELDS = ['_rev', '_meta', '_attachments'];

function withoutLocalFields(doc: object): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...doc };
  for (const field of LOCAL_FIELDS) delete copy[field];
  copy._deleted = Boolean(copy._deleted);
  return copy;
}

/** Milliseconds since the epoch, or -Infinity for a missing or unreadable date (it never wins). */
export function timeOf(iso: string | undefined): number {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(t) ? -Infinity : t;
}

/** True when `local` must replace `master`: strictly later; a tie keeps the server's state. */
export function localWins(local: Timestamped, master: Timestamped): boolean {
  return timeOf(local.updatedAt) > timeOf(master.updatedAt);
}

export function latestUpdateWins<T extends Timestamped>(): RxConflictHandler<T> {
  return {
    // A full comparison, not just `updatedAt`: a server-side change that kept the date must still
    // count as a change, and 1,600 small documents make the cost negligible.
    isEqual(a, b) {
      return deepEqual(withoutLocalFields(a), withoutLocalFields(b));
    },
    async resolve(input): Promise<WithDeleted<T>> {
      return localWins(input.newDocumentState, input.realMasterState) ? input.newDocumentState : input.realMasterState;
    },
  };
}

/**
 * Documents a client creates and the server alone changes afterwards (request cards, patient blocks):
 * the server's state wins, except while `editable(master)` (a draft), where a strictly later local
 * edit wins, keeping the server's own fields so the write is not refused for touching them.
 */
export function serverWinsUnlessEditable<T extends Timestamped>(
  editable: (master: WithDeleted<T>) => boolean,
  serverFields: readonly (keyof T)[],
): RxConflictHandler<T> {
  return {
    isEqual(a, b) {
      return deepEqual(withoutLocalFields(a), withoutLocalFields(b));
    },
    async resolve(input): Promise<WithDeleted<T>> {
      const { newDocumentState: local, realMasterState: master } = input;
      if (!editable(master) || !localWins(local, master)) return master;
      const merged = { ...local };
      for (const field of serverFields) {
        if (master[field] === undefined) delete merged[field];
        else merged[field] = master[field];
      }
      return merged;
    },
  };
}

/** Append-only documents (messages): the server only adds `readers`, so its state always wins. */
export function serverAlwaysWins<T>(): RxConflictHandler<T> {
  return {
    isEqual(a, b) {
      return deepEqual(withoutLocalFields(a), withoutLocalFields(b));
    },
    async resolve(input): Promise<WithDeleted<T>> {
      return input.realMasterState;
    },
  };
}
