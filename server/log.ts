/** The server's one logger; it never prints passwords, cookies, tokens or patient data. */
import { pino, type DestinationStream, type Logger } from 'pino';

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

// Until the configuration is read (and LOG_LEVEL checked there), a wrong value must not crash pino.
export let log: Logger = createLogger(LOG_LEVELS.includes(process.env.LOG_LEVEL ?? '') ? process.env.LOG_LEVEL! : 'warn');

export function setLogger(logger: Logger): void {
  log = logger;
}

/** A URL with its credentials masked, for log lines. */
export function safeUrl(raw: string): string {
  const u = new URL(raw);
  if (u.password) u.password = '***';
  return u.href;
}
