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

/**
 * The logger every server module uses. It never reads the environment: LOG_LEVEL is checked with
 * the rest of the configuration (`loadConfig`), then the entry points (`main.ts`, `command.ts`)
 * put the logger built from it here, before anything starts. Until then (a module loaded by a test
 * or a tool), warnings and errors only.
 */
export let log: Logger = createLogger('warn');

/** Called once the configuration is validated, with `createLogger(config.logLevel)`. */
export function setLogger(logger: Logger): void {
  log = logger;
}

/** A URL with its credentials masked, for log lines. */
export function safeUrl(raw: string): string {
  const u = new URL(raw);
  if (u.password) u.password = '***';
  return u.href;
}
