/** The server's one logger; it never prints passwords, cookies, tokens or patient data. */
import { pino, type Logger } from 'pino';

const REDACT = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  '*.password',
  '*.passwordHash',
  '*.token',
  '*.secret',
  'couchdbUrl',
];

export function createLogger(level: string): Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[masqué]' }, base: undefined });
}

export let log: Logger = createLogger(process.env.LOG_LEVEL || 'info');

export function setLogger(logger: Logger): void {
  log = logger;
}

/** A URL with its credentials masked, for log lines. */
export function safeUrl(raw: string): string {
  const u = new URL(raw);
  if (u.password) u.password = '***';
  return u.href;
}
