/**
 * The conflict rules of the replicated collections. Directory entries have two writers (a member and
 * a coordinator): each side's changes are kept, and where both changed a field the later `updatedAt`
 * wins (the server on a tie). RxDB's default handler always keeps the server's state, which would
 * silently drop an edit made offline. What a rule does not keep is recorded (lost-edits.ts).
 */
import type { RxConflictHandler, WithDeleted } from 'rxdb';
import { deepEqual } from 'rxdb/plugins/utils';

interface Timestamped {
  updatedAt: string;
}

/** Fields that describe a local copy rather than the document, so never part of a comparison. */
const LOCAL_FIELDS = ['_rev', '_meta', '_attachments'];
/** Bookkeeping, the date and the deletion flag are not merged field by field. */
const NOT_MERGED = [...LOCAL_FIELDS, 'updatedAt', '_deleted'];

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

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Three-way merge against the state both sides started from, field by field (into nested objects,
 * except the `atomic` ones, whose parts go together, e.g. an address): a field changed on one side
 * keeps that change; changed on both, the later document's value. The date is the later one.
 */
export function mergeFields<T extends Timestamped>(
  base: WithDeleted<T>,
  local: WithDeleted<T>,
  master: WithDeleted<T>,
  atomic: readonly string[] = [],
): WithDeleted<T> {
  const localIsLater = localWins(local, master);
  const merge = (b: unknown, l: unknown, m: unknown, path: string): unknown => {
    if (isPlainObject(l) && isPlainObject(m) && (b === undefined || isPlainObject(b)) && !atomic.includes(path)) {
      const out: Record<string, unknown> = {};
      for (const key of new Set([...Object.keys(b ?? {}), ...Object.keys(l), ...Object.keys(m)])) {
        if (!path && NOT_MERGED.includes(key)) continue;
        const value = merge((b as Record<string, unknown> | undefined)?.[key], l[key], m[key], path ? `${path}.${key}` : key);
        if (value !== undefined) out[key] = value;
      }
      return out;
    }
    const localChanged = !deepEqual(b, l);
    return localChanged && (localIsLater || deepEqual(b, m)) ? l : m;
  };
  const merged = merge(base, local, master, '') as Record<string, unknown>;
  merged._deleted = master._deleted;
  merged.updatedAt = localIsLater ? local.updatedAt : master.updatedAt;
  return merged as unknown as WithDeleted<T>;
}

/** `atomic`: nested objects merged as wholes (see `mergeFields`). */
export function latestUpdateWins<T extends Timestamped>(atomic: readonly string[] = []): RxConflictHandler<T> {
  return {
    // A full comparison, not just `updatedAt`: a server-side change that kept the date must still
    // count as a change, and 1,600 small documents make the cost negligible.
    isEqual(a, b) {
      return deepEqual(withoutLocalFields(a), withoutLocalFields(b));
    },
    async resolve({ newDocumentState: local, realMasterState: master, assumedMasterState: base }): Promise<WithDeleted<T>> {
      // Without the state both started from, or when a side deleted the entry, one whole version wins.
      if (!base || local._deleted || master._deleted) return localWins(local, master) ? local : master;
      return mergeFields(base, local, master, atomic);
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
