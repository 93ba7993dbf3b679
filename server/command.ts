/** What the server's commands (admin, backup, restore, RPPS import) share: the server's configuration, and a log on standard error. */
import { pino } from 'pino';
import { ConfigError, loadConfig, type Config } from './config';
import { createLogger, type Logger } from './log';

/** Prints the message on standard error and ends the command with `code`. */
export function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

/** The configuration, or the end of the command with the variable's name, and the logger built from it: on standard error (standard output carries the command's result). */
export function commandConfig(): { config: Config; log: Logger } {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) fail(`Configuration invalide : ${err.message}`, 2);
    throw err;
  }
  return { config, log: createLogger(config.logLevel, pino.destination(2)) };
}
