/** Loads the demo territory's directory and accounts into an empty database, once. */
import type { Member } from '../../src/domain/members/schema';
import { validateMember } from '../../src/domain/members/validate';
import { describeErrors } from '../../src/domain/validation';
import type { Accounts } from '../accounts/accounts';
import { hashPassword } from '../accounts/passwords';
import type { Logger } from '../log';
import type { Couch } from '../storage/couch';
import type { Territory } from '../territory/load';
import { assignDemoMembers, coordinationMember } from './accounts';
import { followUpDemoCase, generateActivity } from './activity';
import { generateDirectory } from './directory';

const MARKER = 'demo-data';

/** Whether demo data was ever loaded into this database (its accounts have public passwords). */
export async function hasDemoData(couch: Couch): Promise<boolean> {
  try {
    await couch.use('server').get(MARKER);
    return true;
  } catch {
    return false;
  }
}

async function isEmpty(couch: Couch): Promise<boolean> {
  try {
    await couch.use('server').get(MARKER);
    return false;
  } catch {
    // No marker: empty unless the directory already holds entries (loaded by other means).
  }
  const res = await couch.use('members').list({ limit: 2 });
  return res.rows.every((r) => r.id.startsWith('_design/'));
}

async function bulkInsert(couch: Couch, db: string, docs: Array<{ id: string }>, what: string): Promise<void> {
  for (let i = 0; i < docs.length; i += 500) {
    const batch = docs.slice(i, i + 500).map(({ id, ...rest }) => ({ ...rest, _id: id }));
    const res = await couch.use(db).bulk({ docs: batch });
    const failed = res.filter((r) => r.error);
    if (failed.length) throw new Error(`chargement ${what} : ${failed.length} refus (${failed[0].reason})`);
  }
}

/**
 * Returns the number of members written, 0 when the database was not empty. With `activity`, also
 * a year of closed requests (about 4,000) for the dashboard.
 */
export async function loadDemoData(couch: Couch, accounts: Accounts, territory: Territory, log: Logger, now = new Date(), activity = true): Promise<number> {
  if (!(await isEmpty(couch))) return 0;
  const members: Member[] = [coordinationMember(now, territory), ...generateDirectory(territory, 57_000, now)];
  const pairs = assignDemoMembers(members, territory, now);
  for (const m of members) {
    const checked = validateMember(m);
    if (!checked.ok) throw new Error(`fiche de démonstration ${m.id} invalide : ${describeErrors(checked.errors)}`);
  }
  await bulkInsert(couch, 'members', members, 'de l’annuaire de démonstration');
  const requests = activity ? generateActivity(members, territory.communes, 'm-coordination', now) : [];
  const gp = pairs.find((p) => p.account.email.startsWith('generaliste@'))?.member;
  const nurse = pairs.find((p) => p.account.email.startsWith('infirmiere@'))?.member;
  if (activity && gp && nurse) requests.push(followUpDemoCase(gp, nurse, now));
  await bulkInsert(couch, 'requests', requests, 'de l’activité de démonstration');
  for (const { account, member } of pairs) {
    await accounts.create({
      _id: `acc-${member.id}`,
      email: account.email,
      passwordHash: await hashPassword(account.password),
      roles: account.roles,
      status: 'active',
      memberId: member.id,
      name: member.displayName,
    });
  }
  await couch.use('server').insert({ _id: MARKER, loadedAt: now.toISOString(), members: members.length } as never);
  log.info({ members: members.length, accounts: pairs.length, requests: requests.length }, 'données de démonstration chargées');
  return members.length;
}
