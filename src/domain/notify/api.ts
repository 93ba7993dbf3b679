/** What the development outbox holds and `GET /api/outbox` sends: the SMS and e-mails no provider was configured to send. */

export interface OutboxMessage {
  id: string;
  channel: 'sms' | 'email';
  to: string;
  subject?: string;
  text: string;
  /** The message's idempotency key, when it has one (an alert's SMS: `<alert id>/<member id>`). */
  key?: string;
  sentAt: string;
}

/** The latest messages, newest first, and which channels the development providers keep (no SMS gateway, no SMTP). */
export interface OutboxAnswer {
  messages: OutboxMessage[];
  keeps: { sms: boolean; email: boolean };
}
