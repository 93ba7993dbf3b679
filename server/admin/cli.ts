/**
 * `npm run admin -- create --email … --name "Prénom Nom" [--password-stdin]`: creates a coordinator
 * and administrator account on the platform the configuration points at (COUCHDB_URL, or the
 * embedded database of DATA_DIR, the server running or not) and prints a one-time link where its
 * owner chooses the password, or takes the password on standard input.
 */
import { parseArgs } from 'node:util';
import { text } from 'node:stream/consumers';
import { Accounts } from '../accounts/accounts';
import { commandConfig, fail } from '../command';
import { openStorageForCommand, type Storage } from '../storage/storage';
import { loadTerritory } from '../territory/load';
import { Secrets } from '../verification/secrets';
import { AdminError, createAdministrator, SETUP_LINK_HOURS } from './first-admin';

const USAGE = 'Usage : npm run admin -- create --email adresse@exemple.fr --name "Prénom Nom" [--password-stdin]';

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ allowPositionals: true, options: { email: { type: 'string' }, name: { type: 'string' }, 'password-stdin': { type: 'boolean', default: false } } });
  } catch (err) {
    return fail(`${(err as Error).message}\n${USAGE}`, 2);
  }
  const { positionals, values } = parsed;
  if (positionals[0] !== 'create' || !values.email || !values.name) fail(USAGE, 2);
  const { config, log } = commandConfig();
  const password = values['password-stdin'] ? (await text(process.stdin)).replace(/\r?\n$/, '') : undefined;

  let storage: Storage | undefined;
  let failure: [string, number] | undefined;
  try {
    storage = await openStorageForCommand(config, log);
    const couch = storage.couch;
    const created = await createAdministrator(
      { couch, accounts: new Accounts(couch), secrets: new Secrets(couch, config.sessionSecret), territory: loadTerritory(config.territoryDir), now: new Date() },
      { email: values.email!, name: values.name!, password },
    );
    const origin = config.publicUrl?.origin ?? `http://localhost:${config.port}`;
    process.stdout.write(`Compte coordinateur et administrateur créé pour ${values.email!.trim().toLowerCase()} (${created.accountId}).\n`);
    if (created.setupToken) {
      process.stdout.write(`Lien à usage unique pour choisir le mot de passe (valable ${SETUP_LINK_HOURS} h) :\n${origin}/reinitialisation?token=${created.setupToken}\n`);
    }
  } catch (err) {
    if (err instanceof AdminError) failure = [`Création refusée : ${err.message}.`, 2];
    else failure = [`Création impossible : ${(err as Error).message}.`, 1];
  } finally {
    await storage?.stop();
  }
  if (failure) fail(...failure);
}

void main();
