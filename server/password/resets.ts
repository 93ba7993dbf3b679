/**
 * Password reset by an e-mail link: asking says nothing about whether the account exists; the link
 * is single-use and lasts an hour; a reset ends the account's other sessions.
 */
import { checkPassword } from '../../src/domain/registration/password';
import type { Accounts } from '../accounts/accounts';
import type { DeviceKeys } from '../devices/keys';
import { hashPassword } from '../accounts/passwords';
import { badRequest } from '../http/errors';
import type { Logger } from '../log';
import { passwordResetMail, RESET_LINK_MINUTES } from '../notify/messages';
import type { Notifier } from '../notify/notifier';
import type { Sessions } from '../session/sessions';
import type { Secrets } from '../verification/secrets';

const TTL = RESET_LINK_MINUTES * 60_000;

const REFUSED = {
  missing: 'Ce lien de réinitialisation n’est pas valide.',
  expired: 'Ce lien de réinitialisation a expiré : faites une nouvelle demande.',
  used: 'Ce lien a déjà été utilisé : faites une nouvelle demande si besoin.',
};

export class PasswordResets {
  constructor(
    private readonly accounts: Accounts,
    private readonly sessions: Sessions,
    private readonly secrets: Secrets,
    private readonly notifier: Notifier,
    private readonly network: string,
    private readonly log: Logger,
    private readonly deviceKeys?: DeviceKeys,
  ) {}

  /** Sends the link when an active account has this e-mail; resolves the same way otherwise. */
  async request(email: string, origin: string): Promise<void> {
    const account = await this.accounts.findByEmail(email);
    if (!account || account.status !== 'active') return;
    const token = await this.secrets.issueToken('reset', account._id, TTL);
    const link = `${origin}/reinitialisation?token=${encodeURIComponent(token)}`;
    await this.notifier.tryMail('password-reset', passwordResetMail(this.network, account.email, link));
  }

  /** Whether a link still works, so the page asks for a new password only then. */
  async check(token: string): Promise<void> {
    const result = await this.secrets.peekToken('reset', token);
    if (!result.ok) throw badRequest(REFUSED[result.reason]);
  }

  /**
   * Sets the new password, ends every session of the account except `currentToken`'s and replaces its
   * device key: the key a lost phone's data is encrypted with is never released again, to anyone.
   */
  async reset(token: string, password: string, currentToken?: string): Promise<void> {
    const peek = await this.secrets.peekToken('reset', token);
    if (!peek.ok) throw badRequest(REFUSED[peek.reason]);
    const account = await this.accounts.get(peek.subject);
    const weak = checkPassword(password, account?.email ?? '');
    if (weak) throw badRequest(`Mot de passe : ${weak}.`, [{ field: 'password', message: `mot de passe : ${weak}` }]);
    const used = await this.secrets.consumeToken('reset', token);
    if (!used.ok || !account) throw badRequest(REFUSED[used.ok ? 'missing' : used.reason]);
    await this.accounts.update({ ...account, passwordHash: await hashPassword(password) });
    const ended = await this.sessions.destroyAllOf(account._id, currentToken);
    this.sessions.forget(account._id);
    await this.deviceKeys?.rotate(account._id);
    this.log.info({ account: account._id, sessionsEnded: ended }, 'mot de passe réinitialisé');
  }
}
