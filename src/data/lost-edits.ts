/**
 * Edits made on this device that a conflict did not keep: which document, when, and for each field
 * the value written here and the value kept. Pure, so the rule is tested without a browser.
 */
import { deepEqual } from 'rxdb/plugins/utils';
import { PATIENT_SERVER_FIELDS } from '../domain/requests/patient-schema';
import { REQUEST_SERVER_FIELDS } from '../domain/requests/schema';

type Doc = Record<string, unknown>;

/** A field (a dotted path into the document) whose value written on the device was not kept. */
export interface LostField {
  path: string;
  /** Absent for patient blocks and messages: their values stay only in the encrypted database. */
  mine?: unknown;
  kept?: unknown;
}

export interface LostEdit {
  id: string;
  collection: string;
  docId: string;
  /** What the document is, in the user's words (the entry's name, the request's question). */
  title: string;
  /** When the edit was made on the device, and the date of the version kept instead. */
  editedAt?: string;
  keptAt?: string;
  resolvedAt: string;
  fields: LostField[];
}

/** What RxDB's replication reports on `conflict$`: the three states it saw and what the handler chose. */
export interface ResolvedConflict {
  input: { newDocumentState: object; realMasterState: object; assumedMasterState?: object };
  output: object;
}

interface Rule {
  /** Top-level fields that only the server writes: never an edit made here. */
  serverOwned(field: string, kept: Doc): boolean;
  keepValues: boolean;
  title(doc: Doc): string;
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const RULES: Record<string, Rule> = {
  members: { serverOwned: () => false, keepValues: true, title: (d) => text(d.displayName) },
  // `status` is the server's, except that « envoyer » a draft is the user's: lost if a draft was kept.
  requests: {
    serverOwned: (field, kept) => (REQUEST_SERVER_FIELDS as readonly string[]).includes(field) && !(field === 'status' && kept.status === 'draft'),
    keepValues: true,
    title: (d) => text(d.question),
  },
  // Patient data is encrypted at rest in its own database; this record is not: paths only.
  patients: { serverOwned: (field) => (PATIENT_SERVER_FIELDS as readonly string[]).includes(field), keepValues: false, title: () => '' },
  messages: { serverOwned: (field) => field === 'readers', keepValues: false, title: () => '' },
};

/** Bookkeeping of the local copy and dates: never shown as an edit. */
const IGNORED = ['_rev', '_meta', '_attachments', '_deleted', 'id', 'updatedAt', 'createdAt'];

/** `{ a: { b: 1 }, c: [1] }` → `a.b`, `c`: plain objects are walked, arrays and values are leaves. */
function leaves(doc: unknown, prefix = '', into = new Map<string, unknown>()): Map<string, unknown> {
  if (typeof doc === 'object' && doc !== null && !Array.isArray(doc)) {
    for (const [key, value] of Object.entries(doc)) leaves(value, prefix ? `${prefix}.${key}` : key, into);
  } else if (prefix) {
    into.set(prefix, doc);
  }
  return into;
}

export function valueAt(doc: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((v, key) => (typeof v === 'object' && v !== null ? (v as Doc)[key] : undefined), doc);
}

/**
 * The edit the conflict did not keep, or null when everything written here survived (the handler
 * kept or merged it, or the server already held the same values). The fields written here are those
 * that differ from the state the device started from (all of them for a document created here).
 */
export function lostEditOf(collection: string, conflict: ResolvedConflict, now: Date): LostEdit | null {
  const rule = RULES[collection];
  if (!rule) return null;
  const local = conflict.input.newDocumentState as Doc;
  const base = conflict.input.assumedMasterState as Doc | undefined;
  const kept = conflict.output as Doc;
  const mine = leaves(local);
  const paths = new Set([...mine.keys(), ...(base ? leaves(base).keys() : [])]);
  const fields: LostField[] = [];
  for (const path of paths) {
    const top = path.split('.')[0];
    if (IGNORED.includes(top) || rule.serverOwned(top, kept)) continue;
    const written = valueAt(local, path);
    if (base && deepEqual(valueAt(base, path), written)) continue;
    if (deepEqual(valueAt(kept, path), written)) continue;
    fields.push(rule.keepValues ? { path, mine: written, kept: valueAt(kept, path) } : { path });
  }
  if (local._deleted && !kept._deleted) fields.push({ path: '_deleted' });
  if (fields.length === 0) return null;
  const docId = text(local.id);
  const resolvedAt = now.toISOString();
  return {
    id: `${collection}/${docId}/${resolvedAt}`,
    collection,
    docId,
    title: rule.title(kept) || rule.title(local),
    editedAt: text(local.updatedAt) || text(local.createdAt) || undefined,
    keptAt: text(kept.updatedAt) || undefined,
    resolvedAt,
    fields,
  };
}

/** At most this many are kept; the oldest go first (a notice nobody reads for months is not a store). */
export const MAX_LOST_EDITS = 50;

export function withLostEdit(list: readonly LostEdit[], edit: LostEdit): LostEdit[] {
  return [edit, ...list.filter((e) => e.id !== edit.id)].slice(0, MAX_LOST_EDITS);
}

export function withoutLostEdit(list: readonly LostEdit[], id: string): LostEdit[] {
  return list.filter((e) => e.id !== id);
}

/** Whether « réappliquer » can rebuild the edit: its values were kept and it is not a deletion. */
export function canReapply(edit: LostEdit): boolean {
  return edit.collection === 'members' && edit.fields.every((f) => f.path !== '_deleted' && 'mine' in f);
}

/**
 * The top-level fields to write so `current` carries the lost values again, the rest of it (changes
 * made since by others included) untouched.
 */
export function reappliedChanges(current: Doc, edit: LostEdit): Doc {
  const changes: Doc = {};
  for (const { path, mine } of edit.fields) {
    const [top, ...rest] = path.split('.');
    if (rest.length === 0) {
      changes[top] = mine;
      continue;
    }
    changes[top] ??= structuredClone(current[top] ?? {});
    let node = changes[top] as Doc;
    for (const key of rest.slice(0, -1)) node = (node[key] ??= {}) as Doc;
    const last = rest[rest.length - 1];
    if (mine === undefined) delete node[last];
    else node[last] = mine;
  }
  return changes;
}
