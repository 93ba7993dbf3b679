/**
 * The server's logger; it never prints passwords, cookies, tokens or patient data. Built once from
 * the validated configuration by the entry point and handed to each part that logs.
 */
import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

const REDACT = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  '*.password',
  '*.passwordHash',
  '*.token',
  '*.secret',
  'couchdbUrl',
  'smtpUrl',
];

/** `destination`: standard output unless given (a command whose output is data logs to standard error). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, redact: { paths: REDACT, censor: '[masqué]' }, base: undefined };
  return destination ? pino(options, destination) : pino(options);
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** A URL with its credentials masked, for log lines. */
export function safeUrl(raw: string): string {
  const u = new URL(raw);
  if (u.password) u.password = '***';
  return u.href;
}
