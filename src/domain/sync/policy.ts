/**
 * The shape of a replicated collection's rules: who may read a document (its audience) and who may
 * write a change. The gateway applies them to every document, both ways; the UI uses them to offer
 * only what is allowed.
 */
import type { Role, SessionUser } from '../session/user';
import type { Validation } from '../validation';

/** Who may read a document: everyone signed in, or the listed members and roles. */
export type Audience = { everyone: true } | { everyone?: false; members: string[]; roles: Role[] };

export interface CollectionPolicy<T> {
  /** Collection name, also the CouchDB database name and the gateway path segment. */
  name: string;
  validate(doc: unknown): Validation<T>;
  audience(doc: T): Audience;
  /** Server-owned fields computed when a client's document is stored (e.g. who may read a message). */
  stamp?(doc: T, related?: ReadonlyMap<string, unknown>): T;
  /**
   * True when the database's `by_reader` view lists every document this user may read: their first
   * sync then reads only theirs, not the whole database (false for readers by role).
   */
  indexedFor?(user: SessionUser): boolean;
  /** Reads of these documents are written to the audit log (patient data). */
  audited?: boolean;
  /**
   * For a document withdrawn from devices (the server keeps it): what devices receive instead, a
   * deletion without its data that still passes the schema. Undefined for a document devices keep.
   */
  withdrawn?(doc: T): T | undefined;
  /** Other stored documents a write decision needs (e.g. the request a message is about). */
  related?(doc: T): RelatedRef[];
  /**
   * `null` when allowed, otherwise the reason in French. `previous` is the stored version;
   * `related` holds the stored documents asked for by `related()`, keyed `collection/id`.
   */
  refuseWrite(user: SessionUser, previous: T | undefined, next: T & { _deleted?: boolean }, related?: ReadonlyMap<string, unknown>): string | null;
}

export interface RelatedRef {
  collection: string;
  id: string;
}

export const relatedKey = (ref: RelatedRef) => `${ref.collection}/${ref.id}`;

export function inAudience(user: SessionUser, audience: Audience): boolean {
  if (audience.everyone) return true;
  return audience.members.includes(user.memberId) || audience.roles.some((r) => user.roles.includes(r));
}

export function canRead<T>(policy: CollectionPolicy<T>, user: SessionUser, doc: T): boolean {
  return inAudience(user, policy.audience(doc));
}
