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

/** What a log line keeps of an error (under `err`). */
export interface LoggedError {
  type: string;
  message: string;
  statusCode?: number;
  code?: string;
  stack?: string;
}

/**
 * An error as a log line shows it: its kind, message, status, code and stack, nothing it carries
 * besides. The database client's errors hold the request they answered (`request`: its body and
 * query, a patient block or an identity searched), which pino's own serializer would print whole.
 */
export function loggedError(err: unknown): LoggedError | Exclude<unknown, Error> {
  if (!(err instanceof Error)) return err;
  const { statusCode, code } = err as Error & { statusCode?: unknown; code?: unknown };
  return {
    type: err.constructor?.name ?? 'Error',
    message: err.message,
    ...(typeof statusCode === 'number' ? { statusCode } : {}),
    ...(typeof code === 'string' ? { code } : {}),
    stack: err.stack,
  };
}

/** `destination`: standard output unless given (a command whose output is data logs to standard error). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, redact: { paths: REDACT, censor: '[masqué]' }, base: undefined, serializers: { err: loggedError } };
  return destination ? pino(options, destination) : pino(options);
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** A URL with its credentials masked, for log lines. */
export function safeUrl(raw: string): string {
  const u = new URL(raw);
  if (u.password) u.password = '***';
  return u.href;
}
