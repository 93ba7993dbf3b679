/** Sends the server's SMS and e-mails through the configured providers, and logs each without its text (codes and links stay out of logs). */
import type { Config } from '../config';
import type { Logger } from '../log';
import { OutboxMailer, SmtpMailer, type Mail, type Mailer } from './mail';
import type { Outbox } from './outbox';
import { HttpSmsProvider, OutboxSmsProvider, type SmsProvider } from './sms';

export class Notifier {
  constructor(
    readonly sms: SmsProvider,
    readonly mailer: Mailer,
    private readonly log: Logger,
  ) {}

  /**
   * `kind` names the message in the log, e.g. `registration-code`; `key`, when given, identifies
   * the message so that the provider can drop a copy sent again. Throws when the provider refuses.
   */
  async sendSms(kind: string, to: string, text: string, key?: string): Promise<void> {
    try {
      await this.sms.send(to, text, key);
      this.log.info({ kind, channel: 'sms' }, 'message envoyé');
    } catch (err) {
      this.log.error({ kind, channel: 'sms', err: (err as Error).message }, 'envoi du message impossible');
      throw err;
    }
  }

  async sendMail(kind: string, mail: Mail): Promise<void> {
    try {
      await this.mailer.send(mail);
      this.log.info({ kind, channel: 'email' }, 'message envoyé');
    } catch (err) {
      this.log.error({ kind, channel: 'email', err: (err as Error).message }, 'envoi du message impossible');
      throw err;
    }
  }

  /** For messages whose failure must not fail the request (it is logged, the person can ask again). */
  trySms(kind: string, to: string, text: string, key?: string): Promise<boolean> {
    return this.sendSms(kind, to, text, key).then(() => true, () => false);
  }

  tryMail(kind: string, mail: Mail): Promise<boolean> {
    return this.sendMail(kind, mail).then(() => true, () => false);
  }

  close(): void {
    if (this.mailer instanceof SmtpMailer) this.mailer.close();
  }
}

/** SMS through the HTTP gateway when SMS_HTTP_URL is set, e-mails over SMTP when SMTP_URL is set; the outbox otherwise. */
export function createNotifier(config: Config, outbox: Outbox, log: Logger): Notifier {
  const sms = config.sms ? new HttpSmsProvider(config.sms.url, config.sms.token) : new OutboxSmsProvider(outbox);
  const mailer = config.smtpUrl ? new SmtpMailer(config.smtpUrl, config.mailFrom) : new OutboxMailer(outbox);
  return new Notifier(sms, mailer, log);
}
