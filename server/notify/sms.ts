/** Sending SMS: a provider interface, the development provider (the outbox) and an HTTP gateway configured by SMS_HTTP_URL and SMS_HTTP_TOKEN. */
import type { Outbox } from './outbox';

export interface SmsProvider {
  /** Resolves once the provider has accepted the message; throws otherwise. `key` identifies a message sent again. */
  send(to: string, text: string, key?: string): Promise<void>;
}

export class OutboxSmsProvider implements SmsProvider {
  constructor(private readonly outbox: Outbox) {}

  async send(to: string, text: string, key?: string): Promise<void> {
    await this.outbox.add({ channel: 'sms', to, text, ...(key ? { key } : {}) });
  }
}

const TIMEOUT_MS = 10_000;

/** Posts `{to, text}` as JSON with a bearer token, the common shape of SMS gateways' HTTP APIs. */
export class HttpSmsProvider implements SmsProvider {
  constructor(
    private readonly url: string,
    private readonly token: string,
  ) {}

  /** `key` goes as the `Idempotency-Key` header, which gateways that support it use to drop a copy. */
  async send(to: string, text: string, key?: string): Promise<void> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${this.token}`, ...(key ? { 'idempotency-key': key } : {}) },
      body: JSON.stringify({ to: internationalNumber(to), text }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    // The body may echo the message (and so a code): only the status is reported.
    if (!res.ok) throw new Error(`passerelle SMS : HTTP ${res.status}`);
  }
}

/** International form for gateways: « 06 12 34 56 78 » → « +33612345678 ». */
export function internationalNumber(phone: string): string {
  const digits = phone.replace(/[\s.]/g, '');
  return /^0[1-9][0-9]{8}$/.test(digits) ? `+33${digits.slice(1)}` : digits;
}
