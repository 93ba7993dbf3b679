/** The composition root: starts the listener (everything answers 503), storage, then builds each part with what it needs, the routes, and serves. */
import type { FastifyInstance } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { POLICIES } from '../src/domain/sync/collections';
import { Accounts } from './accounts/accounts';
import type { Config } from './config';
import type { Storage } from './storage/storage';
import type { StoredDoc } from './storage/docs';
import { hasDemoData, loadDemoData } from './demo/load';
import { BanGeocoder } from './geocoding/geocoder';
import { geocodeMovedAddresses } from './geocoding/reaction';
import { Reactions } from './reactions/reaction';
import { DeadLetters } from './reactions/dead-letters';
import { instanceId } from './lease/instance';
import { Lease, type LeaseDoc } from './lease/lease';
import { LeasedWork } from './lease/leased-work';
import { createApp } from './http/app';
import { openListener } from './http/listener';
import type { ServerParts } from './parts';
import { registerRoutes } from './routes';
import { createLogger, type Logger } from './log';
import { Sessions } from './session/sessions';
import { openStorage } from './storage/storage';
import { ChangesHub } from './sync/changes-hub';
import { PageReads } from './sync/page-reads';
import { Gateway } from './sync/gateway';
import { loadTerritory } from './territory/load';
import { createNotifier } from './notify/notifier';
import { Outbox } from './notify/outbox';
import { SmtpMailer } from './notify/mail';
import { ClosingLetters } from './letters/letters';
import { Slots } from './slots/store';
import { firstFreeSlots } from '../src/domain/slots/slot';
import { PasswordResets } from './password/resets';
import { PscClient } from './psc/client';
import { Prefills } from './psc/prefills';
import { Approvals } from './registration/approval';
import { Registrations } from './registration/registrations';
import { RegistrationStore } from './registration/store';
import { Secrets } from './verification/secrets';
import { AuditLog } from './audit/audit';
import { auditReads } from './audit/reads';
import { relatedReader } from './requests/related';
import { startDispatch } from './dispatch/start';
import { pushChannel } from './alerts/push-channel';
import { smsChannel } from './alerts/sms-channel';
import { coordinatorLookup } from './dispatch/coordinators';
import { Roster } from './roster/roster';
import { PushSubscriptions } from './push/store';
import { WebPushSender } from './push/sender';
import { loadVapidKeys } from './push/vapid';
import { DeviceKeys } from './devices/keys';
import { DevicePurge } from './devices/purge';
import { Uploads } from './uploads/uploads';
import { ClientErrors } from './client-log/store';
import { systemClock, type Clock } from './clock';

/** A start refused for a reason the person starting the server must fix (printed without a stack). */
export class StartError extends Error {}

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  parts: ServerParts;
  /** Number of directory entries loaded as demo data at this start (0 when there was data already). */
  demoLoaded: number;
  stop(): Promise<void>;
}

/** The nearest package.json above this module: the repository's, from the source or from the compiled bundle. */
function packageVersion(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
    if (path.dirname(dir) === dir) return '0.0.0';
  }
}

const VERSION = packageVersion();

export interface StartOptions {
  /** The time of every part and the timer of their repeated work (tests move a clock of their own forward instead of waiting). */
  clock?: Clock;
  /** Built from the configuration's level unless given. */
  log?: Logger;
  /** The long-polls' timeout (or heartbeat period) and longest wait with heartbeats (tests shorten them). */
  longpoll?: { periodMs: number; maxMs: number };
}

/** Refuses production on a database that holds the demo accounts. */
async function refuseDemoInProduction(config: Config, storage: Storage): Promise<void> {
  if (!config.production || !(await hasDemoData(storage.couch))) return;
  throw new StartError(
    'Cette base contient les données de démonstration (comptes aux mots de passe publics) : la production refuse de démarrer dessus ; utilisez une base vide. ' +
      '/ This database holds the demo data (accounts with public passwords): production refuses to start on it; use an empty database.',
  );
}

/** One changes hub and one gateway per replicated collection. */
async function openGateways(storage: Storage, audit: AuditLog, log: Logger, longpoll: StartOptions['longpoll']): Promise<{ hubs: ChangesHub[]; gateways: Map<string, Gateway> }> {
  const options = { related: relatedReader(storage.couch), audit: auditReads(audit), pageReads: new PageReads(), longpollMs: longpoll?.periodMs, longpollMaxMs: longpoll?.maxMs };
  const hubs: ChangesHub[] = [];
  const gateways = new Map<string, Gateway>();
  for (const policy of Object.values(POLICIES)) {
    const db = storage.couch.use<StoredDoc>(policy.name);
    const hub = new ChangesHub(db, policy, log);
    await hub.start();
    hubs.push(hub);
    gateways.set(policy.name, new Gateway(db, policy, hub, options));
  }
  return { hubs, gateways };
}


export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const clock = options.clock ?? systemClock;
  const log = options.log ?? createLogger(config.logLevel);
  const territory = loadTerritory(config.territoryDir);
  const largest = [...territory.communes].sort((a, b) => b.population - a.population)[0];
  const geocoder = new BanGeocoder(config.geocoderUrl, territory.communes, largest, log);
  const listener = await openListener(config.port, config.host);

  let storage: Storage;
  try {
    storage = await openStorage(config, log);
  } catch (err) {
    await listener.close();
    throw err;
  }
  try {
    await refuseDemoInProduction(config, storage);
  } catch (err) {
    await listener.close();
    await storage.stop();
    throw err;
  }
  const { couch } = storage;
  const accounts = new Accounts(couch);
  const sessions = new Sessions(couch, accounts);
  await sessions.follow(log);
  const outbox = new Outbox(config.dataDir);
  const notifier = createNotifier(config, outbox, log);
  const secrets = new Secrets(couch, config.sessionSecret);
  const messaging = { couch, accounts, store: new RegistrationStore(couch), notifier, network: territory.name, log };
  const deviceKeys = new DeviceKeys(couch);
  const audit = new AuditLog(couch, log);
  const { hubs, gateways } = await openGateways(storage, audit, log, options.longpoll);
  const demoLoaded = config.demo ? await loadDemoData(couch, accounts, territory, log, new Date(), config.demoActivity) : 0;
  const deadLetters = new DeadLetters(couch, clock.now);
  // Closing letters go to MSSanté mailboxes over SMTP only, never to the development outbox.
  const letters = new ClosingLetters({ couch, accounts, audit, network: territory.settings.name, timeZone: territory.settings.timeZone, now: clock.now, smtp: notifier.mailer instanceof SmtpMailer ? notifier.mailer : undefined, log });
  const reactions = new Reactions(couch, deadLetters, log, clock.now).add(geocodeMovedAddresses(couch, geocoder)).add(letters.reaction());
  const push = new WebPushSender(new PushSubscriptions(couch), loadVapidKeys(config.dataDir), config.vapidSubject, log);
  const roster = new Roster(couch);
  const coordinators = coordinatorLookup(couch, roster);
  const { shortName, timeZone } = territory.settings;
  // Alert channels, tried in this order; a new channel is one file in alerts/ and one entry here.
  const channels = [pushChannel(push, timeZone, clock.now), smsChannel(notifier, shortName, timeZone, clock.now)];
  const slots = new Slots(couch);
  const firstFree = async (now: number, deadline: number) => firstFreeSlots(await slots.overlapping(now, deadline), now, deadline);
  const dispatch = await startDispatch({ couch, coordinators, channels, settings: territory.settings, expiryGraceMinutes: config.expiryGraceMinutes, clock, slots: firstFree, reactions, log });
  // The dispatcher's directory holds every member: devices' first syncs of the directory page through it.
  gateways.get(POLICIES.members.name)!.serveFirstSyncFrom(dispatch.directory);
  const devicePurge = new DevicePurge(couch, config.devicePurgeDays, log, clock);
  // What must run once on the platform runs on the instance holding the lease; the others serve.
  const onceOnly = new LeasedWork(new Lease(couch.use<LeaseDoc>('server'), 'work', instanceId(config.dataDir), clock.now), {
    start: async () => {
      await dispatch.run();
      await reactions.start();
      devicePurge.start();
    },
    stop: async () => {
      dispatch.pause();
      reactions.stop();
      await devicePurge.stop();
    },
  }, log, clock);
  await onceOnly.start();

  const parts: ServerParts = {
    config,
    territory,
    storage,
    accounts,
    sessions,
    outbox,
    notifier,
    registrations: new Registrations({ ...messaging, secrets, geocoder }),
    approvals: new Approvals(messaging),
    passwordResets: new PasswordResets(accounts, sessions, secrets, notifier, territory.name, log, deviceKeys),
    psc: config.psc ? { client: new PscClient(config.psc, clock.now), prefills: new Prefills(couch, clock.now) } : undefined,
    audit,
    hubs,
    gateways,
    push,
    uploads: new Uploads(couch),
    roster,
    coordinators,
    dispatcher: dispatch.dispatcher,
    deviceKeys,
    devicePurge,
    clientErrors: new ClientErrors(couch, clock.now),
    reactions,
    deadLetters,
    geocoder,
    letters,
    slots,
    clock: clock.now,
    log,
  };
  const app = await createApp(config, listener, sessions, log);
  registerRoutes(app, parts, VERSION);
  await app.ready();
  listener.serve();
  log.info({ url: listener.url, storage: storage.kind }, 'serveur prêt');

  return {
    app,
    url: listener.url,
    parts,
    demoLoaded,
    async stop() {
      listener.pause();
      await onceOnly.stop();
      hubs.forEach((h) => h.stop());
      sessions.stop();
      dispatch.stop();
      await app.close();
      await listener.close();
      await audit.flush();
      notifier.close();
      await storage.stop();
    },
  };
}
