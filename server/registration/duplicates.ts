/**
 * Whether a registration's e-mail or national identifier is already registered. An invited entry
 * (from the RPPS import) with the same RPPS is not: the registration takes it over, unless someone
 * already holds or claims it.
 */
import { IDENTIFIER_KINDS, IDENTIFIER_LABELS } from '../../src/domain/members/identifiers';
import type { Member } from '../../src/domain/members/schema';
import type { Registration } from '../../src/domain/registration/schema';
import type { FieldError } from '../../src/domain/validation';
import type { Accounts } from '../accounts/accounts';
import type { Couch } from '../storage/couch';
import { getOrUndefined } from '../storage/docs';

export interface DuplicateCheck {
  errors: FieldError[];
  /** The invited entry this registration takes over. */
  invited?: Member;
}

type StoredMember = Member & { _id: string; _rev: string };

export async function findDuplicates(couch: Couch, accounts: Accounts, reg: Registration): Promise<DuplicateCheck> {
  const errors: FieldError[] = [];
  let invited: Member | undefined;
  if (await accounts.findByEmail(reg.email)) {
    errors.push({ field: 'email', message: 'un compte existe déjà avec cette adresse e-mail (mot de passe oublié ? utilisez la page de connexion)' });
  }
  const members = couch.use<StoredMember>('members');
  for (const kind of IDENTIFIER_KINDS) {
    const value = reg.identifiers[kind];
    if (!value) continue;
    const res = await members.view<null>('members', 'by_identifier', { key: `${kind}:${value}`, include_docs: true });
    const docs = res.rows.map((row) => row.doc as StoredMember | undefined);
    // The RPPS import's entry is `m-<rpps>`: read by its id too, which a cluster answers from a
    // quorum of copies, where the view may answer from one the entry has not reached yet.
    if (kind === 'rpps' && !docs.some((doc) => doc?._id === `m-${value}`)) docs.push(await getOrUndefined(members, `m-${value}`));
    for (const doc of docs) {
      if (!doc) continue;
      const { _id, _rev, ...fields } = doc;
      void _rev;
      const entry = { ...fields, id: _id } as Member;
      const claimable = kind === 'rpps' && entry.status === 'invited' && !(await isHeld(accounts, entry.id));
      if (claimable) invited = entry;
      else errors.push({ field: `identifiers.${kind}`, message: `ce numéro ${IDENTIFIER_LABELS[kind]} est déjà enregistré : contactez la coordination s’il s’agit d’une erreur` });
    }
  }
  return errors.length ? { errors } : { errors, invited };
}

/** An entry is held when an account other than a refused one is tied to it. */
async function isHeld(accounts: Accounts, memberId: string): Promise<boolean> {
  return (await accounts.findByMember(memberId)).some((a) => a.status !== 'refused');
}
