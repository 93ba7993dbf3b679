/** Entry point: reads the configuration, starts the server, prints the demo accounts, stops cleanly on a signal. */
import { ConfigError, loadConfig } from './config';
import { demoAccounts } from './demo/accounts';
import { createLogger, type Logger } from './log';
import { startServer, StartError } from './server';

/** Until the configuration is read: a start that fails before says why with warnings and errors. */
let log: Logger = createLogger('warn');

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`Configuration invalide / invalid configuration — ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  log = createLogger(config.logLevel);
  const server = await startServer(config, { log });
  if (config.demo) {
    const lines = demoAccounts(server.parts.territory.settings.demoEmailDomain).map((a) => `  ${a.label.padEnd(20)} ${a.email.padEnd(30)} ${a.password}`);
    // The demo passwords are public (README); printed for the person who just started the server.
    process.stdout.write(`\nMode démonstration — comptes :\n${lines.join('\n')}\n\n`);
  }
  process.stdout.write(`Application disponible sur ${server.url}\n`);
  const shutdown = async (signal: string) => {
    log.info({ signal }, 'arrêt demandé');
    await server.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  if (err instanceof StartError) {
    process.stderr.write(`Démarrage refusé / start refused — ${err.message}\n`);
    process.exit(2);
  }
  log.fatal({ err: (err as Error).message }, 'démarrage impossible');
  process.exit(1);
});
