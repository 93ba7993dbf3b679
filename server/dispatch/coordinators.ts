/**
 * The coordinators' member ids (active accounts with the coordinator or admin role), cached for a
 * minute, and those to alert now: the ones on duty, or all of them when the roster is empty.
 */
import type { Roster } from '../roster/roster';
import type { Couch } from '../storage/couch';

export type CoordinatorLookup = ReturnType<typeof coordinatorLookup>;

export function coordinatorLookup(couch: Couch, roster: Roster, ttlMs = 60_000) {
  let cached: { at: number; ids: Set<string> } | undefined;
  const load = async (): Promise<Set<string>> => {
    if (cached && Date.now() - cached.at < ttlMs) return cached.ids;
    // The accounts' `by_role` view holds active coordinators and admins only.
    const res = await couch.use('accounts').view<string>('accounts', 'by_role', { keys: ['coordinator', 'admin'] });
    const ids = new Set(res.rows.map((row) => row.value));
    cached = { at: Date.now(), ids };
    return ids;
  };
  return {
    all: async () => [...(await load())],
    has: async (memberId: string) => (await load()).has(memberId),
    /** Nobody on duty must not mean nobody alerted. */
    onDuty: async (now: number) => {
      const duty = (await roster.current(now)).onDuty;
      return duty.length ? duty : [...(await load())];
    },
  };
}
