/**
 * The first administrator of a new platform: a coordinator and administrator account tied to a
 * directory entry of the coordination, with either the password its owner gave or a one-time
 * link (single use, 72 h) where they choose it. Refused when the e-mail already has an account.
 */
import { randomBytes } from 'node:crypto';
import type { Member } from '../../src/domain/members/schema';
import { validateMember } from '../../src/domain/members/validate';
import { checkPassword } from '../../src/domain/registration/password';
import { describeErrors } from '../../src/domain/validation';
import type { Accounts } from '../accounts/accounts';
import { normaliseEmail } from '../accounts/accounts';
import { hashPassword } from '../accounts/passwords';
import type { Couch } from '../storage/couch';
import { mainCommune, type Territory } from '../territory/load';
import type { Secrets } from '../verification/secrets';

export const SETUP_LINK_HOURS = 72;

export class AdminError extends Error {}

export interface NewAdministrator {
  email: string;
  /** « Prénom Nom » */
  name: string;
  /** Chosen by its owner; absent: a one-time link is issued instead. */
  password?: string;
}

export interface CreatedAdministrator {
  accountId: string;
  memberId: string;
  /** The one-time link's token, when no password was given. */
  setupToken?: string;
}

function coordinationEntry(id: string, admin: NewAdministrator, territory: Pick<Territory, 'communes' | 'settings'>, now: Date): Member {
  const [firstName, ...rest] = admin.name.trim().split(/\s+/);
  const commune = mainCommune(territory);
  return {
    id,
    kind: 'professional',
    status: 'active',
    civility: '',
    lastName: rest.join(' ') || firstName,
    firstName: rest.length ? firstName : '',
    displayName: admin.name.trim(),
    profession: 'coordination',
    specialty: 'Plateforme de coordination',
    skills: [],
    address: { street: '', postcode: commune.postcodes[0], communeInsee: commune.insee, commune: commune.name },
    location: { lat: commune.centroid[1], lon: commune.centroid[0], approximate: true },
    phones: { landline: territory.settings.platform.phone },
    email: normaliseEmail(admin.email),
    availability: { onCall: [], acceptsNewPatients: false, absences: [] },
    updatedAt: now.toISOString(),
  };
}

export async function createAdministrator(
  deps: { couch: Couch; accounts: Accounts; secrets: Secrets; territory: Pick<Territory, 'communes' | 'settings'>; now: Date },
  admin: NewAdministrator,
): Promise<CreatedAdministrator> {
  const email = normaliseEmail(admin.email);
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw new AdminError(`adresse e-mail invalide : « ${admin.email} »`);
  if (admin.name.trim().length < 2) throw new AdminError('--name : le nom est obligatoire (« Prénom Nom »)');
  if (admin.password !== undefined) {
    const weak = checkPassword(admin.password, email);
    if (weak) throw new AdminError(`mot de passe : ${weak}`);
  }
  if (await deps.accounts.findByEmail(email)) throw new AdminError(`un compte existe déjà pour ${email} : rien n’a été créé`);

  const suffix = randomBytes(6).toString('hex');
  const member = coordinationEntry(`m-admin-${suffix}`, admin, deps.territory, deps.now);
  const checked = validateMember(member);
  if (!checked.ok) throw new AdminError(`fiche de l’annuaire invalide : ${describeErrors(checked.errors)}`);
  const { id, ...body } = member;
  await deps.couch.use('members').insert({ ...body, _id: id } as never);
  // Without a password of its owner's, the account has a random one nobody knows until the link sets it.
  const account = await deps.accounts.create({
    _id: `acc-admin-${suffix}`,
    email,
    passwordHash: await hashPassword(admin.password ?? randomBytes(32).toString('base64url')),
    roles: ['member', 'coordinator', 'admin'],
    status: 'active',
    memberId: id,
    name: admin.name.trim(),
  });
  const setupToken = admin.password === undefined ? await deps.secrets.issueToken('reset', account._id, SETUP_LINK_HOURS * 3_600_000) : undefined;
  return { accountId: account._id, memberId: id, ...(setupToken ? { setupToken } : {}) };
}
