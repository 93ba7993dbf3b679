/**
 * Ids taken from a URL, checked before they reach the database. The database client sends an id
 * holding `_local` or `_design` unescaped, and the router has already decoded `%2F`: an id with a
 * slash could name another database's document (`acc-_local/../../members/m-1`).
 */
import { notFound } from './errors';

/** Letters, digits and `. _ : @ -`, as the platform's ids are; no `_local` or `_design` inside. */
const ID = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,199}$/;

/** `id`, or a 404 with `missing` (an id that cannot exist is answered as one that does not). */
export function idParam(id: string, missing: string): string {
  if (!ID.test(id) || /_local|_design/.test(id)) throw notFound(missing);
  return id;
}
