/** Sending e-mails: over SMTP with nodemailer when SMTP_URL is set, otherwise into the development outbox. */
import { createTransport } from 'nodemailer';
import type { Outbox } from './outbox';

export interface Mail {
  to: string;
  subject: string;
  text: string;
  /** Files sent with it: over SMTP only (the development outbox keeps texts, not files). */
  attachments?: Array<{ filename: string; content: Buffer; contentType: string }>;
}

export interface Mailer {
  send(mail: Mail): Promise<void>;
}

export class OutboxMailer implements Mailer {
  constructor(private readonly outbox: Outbox) {}

  async send(mail: Mail): Promise<void> {
    if (mail.attachments?.length) throw new Error('the development outbox does not keep attached files');
    await this.outbox.add({ channel: 'email', to: mail.to, subject: mail.subject, text: mail.text });
  }
}

export class SmtpMailer implements Mailer {
  private readonly transport;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = createTransport(smtpUrl);
  }

  async send(mail: Mail): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: mail.to, subject: mail.subject, text: mail.text, attachments: mail.attachments });
  }

  close(): void {
    this.transport.close();
  }
}
