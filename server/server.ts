/** Starts the whole server: HTTP first (health answers 503), then storage, services, demo data; then ready. */
import type { FastifyInstance } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { POLICIES } from '../src/domain/sync/collections';
import { Accounts } from './accounts/accounts';
import type { Config } from './config';
import { hasDemoData, loadDemoData } from './demo/load';
import { BanGeocoder } from './geocoding/geocoder';
import { geocodeMovedAddresses } from './geocoding/reaction';
import { geocodeRoutes } from './geocoding/routes';
import { ReactionRunner } from './reactions/reaction';
import { healthRoute } from './health';
import { createApp } from './http/app';
import { log } from './log';
import type { Services } from './services';
import { sessionRoutes } from './session/routes';
import { Sessions } from './session/sessions';
import { openStorage } from './storage/storage';
import { ChangesHub } from './sync/changes-hub';
import { PageReads } from './sync/page-reads';
import { Gateway } from './sync/gateway';
import { syncRoutes } from './sync/routes';
import { loadTerritory } from './territory/load';
import { rppsRoutes } from './rpps/routes';
import { accountRoutes } from './accounts/routes';
import { createNotifier } from './notify/notifier';
import { Outbox } from './notify/outbox';
import { outboxRoutes } from './notify/routes';
import { PasswordResets } from './password/resets';
import { passwordRoutes } from './password/routes';
import { Approvals } from './registration/approval';
import { registrationQueueRoutes } from './registration/queue-routes';
import { Registrations } from './registration/registrations';
import { registrationRoutes } from './registration/routes';
import { RegistrationStore } from './registration/store';
import { Secrets } from './verification/secrets';
import { AuditLog } from './audit/audit';
import { auditReads } from './audit/reads';
import { relatedReader } from './requests/related';
import { startDispatch } from './dispatch/start';
import { requestRoutes } from './requests/routes';
import { coordinatorLookup } from './dispatch/coordinators';
import { Roster } from './roster/roster';
import { rosterRoutes } from './roster/routes';
import { PushSubscriptions } from './push/store';
import { pushRoutes } from './push/routes';
import { WebPushSender } from './push/sender';
import { loadVapidKeys } from './push/vapid';
import { uploadRoutes } from './uploads/routes';
import { DeviceKeys } from './devices/keys';
import { DevicePurge } from './devices/purge';
import { deviceRoutes } from './devices/routes';
import { Uploads } from './uploads/uploads';
import { clientLogRoutes } from './client-log/routes';
import { ClientErrors } from './client-log/store';

/** A start refused for a reason the person starting the server must fix (printed without a stack). */
export class StartError extends Error {}

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  services: Services;
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
  /** The dispatcher's clock (tests move a clock of their own forward instead of waiting). */
  now?: () => number;
}

export async function startServer(config: Config, options: StartOptions = {}): Promise<RunningServer> {
  const territory = loadTerritory(config.territoryDir);
  const largest = [...territory.communes].sort((a, b) => b.population - a.population)[0];
  const geocoder = new BanGeocoder(config.geocoderUrl, territory.communes, largest);
  const services = { ready: false, config, territory, geocoder, gateways: new Map(), hubs: [] } as unknown as Services;
  const app = createApp(config, services);
  healthRoute(app, services, VERSION);
  sessionRoutes(app, services, config);
  syncRoutes(app, services);
  rppsRoutes(app, services);
  registrationRoutes(app, services, config);
  registrationQueueRoutes(app, services, config);
  passwordRoutes(app, services, config);
  accountRoutes(app, services);
  outboxRoutes(app, services);
  geocodeRoutes(app, services);
  requestRoutes(app, services);
  rosterRoutes(app, services);
  pushRoutes(app, services);
  uploadRoutes(app, services);
  deviceRoutes(app, services);
  // Devices' error reports. The getters are read at each request: the sessions and the store exist once storage is open (below).
  let clientErrors: ClientErrors | undefined;
  clientLogRoutes(app, { get sessions() { return services.sessions; }, get store() { return clientErrors!; }, clock: options.now ?? Date.now, logger: log });
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address() as { port: number };
  const url = `http://localhost:${address.port}`;

  const storage = await openStorage(config);
  if (config.production && (await hasDemoData(storage.couch))) {
    await app.close();
    await storage.stop();
    throw new StartError(
      'Cette base contient les données de démonstration (comptes aux mots de passe publics) : la production refuse de démarrer dessus ; utilisez une base vide. ' +
        '/ This database holds the demo data (accounts with public passwords): production refuses to start on it; use an empty database.',
    );
  }
  services.storage = storage;
  services.accounts = new Accounts(storage.couch);
  services.sessions = new Sessions(storage.couch, services.accounts);
  services.outbox = new Outbox(config.dataDir);
  services.notifier = createNotifier(config, services.outbox);
  const secrets = new Secrets(storage.couch, config.sessionSecret);
  const registrationStore = new RegistrationStore(storage.couch);
  const messaging = { couch: storage.couch, accounts: services.accounts, store: registrationStore, notifier: services.notifier, network: territory.name };
  services.registrations = new Registrations({ ...messaging, secrets, geocoder });
  services.approvals = new Approvals(messaging);
  services.deviceKeys = new DeviceKeys(storage.couch);
  services.passwordResets = new PasswordResets(services.accounts, services.sessions, secrets, services.notifier, territory.name, services.deviceKeys);
  services.audit = new AuditLog(storage.couch);
  const gatewayOptions = { related: relatedReader(storage.couch), audit: auditReads(services.audit), pageReads: new PageReads() };
  for (const policy of Object.values(POLICIES)) {
    const db = storage.couch.use(policy.name);
    const hub = new ChangesHub(db, policy);
    await hub.start();
    services.hubs.push(hub);
    services.gateways.set(policy.name, new Gateway(db, policy, hub, gatewayOptions));
  }
  const demoLoaded = config.demo ? await loadDemoData(storage.couch, services.accounts, territory, new Date(), config.demoActivity) : 0;
  const reactions = [new ReactionRunner(storage.couch, geocodeMovedAddresses(storage.couch, geocoder))];
  for (const reaction of reactions) await reaction.start();
  services.push = new WebPushSender(new PushSubscriptions(storage.couch), loadVapidKeys(config.dataDir), config.vapidSubject);
  services.uploads = new Uploads(storage.couch);
  services.roster = new Roster(storage.couch);
  services.coordinators = coordinatorLookup(storage.couch, services.roster);
  const dispatch = await startDispatch(services, { now: options.now });
  services.dispatcher = dispatch.dispatcher;
  // The dispatcher's directory holds every member: devices' first syncs of the directory page through it.
  services.gateways.get(POLICIES.members.name)!.serveFirstSyncFrom(dispatch.directory);
  services.devicePurge = new DevicePurge(storage.couch, config.devicePurgeDays);
  services.devicePurge.start();
  clientErrors = new ClientErrors(storage.couch, options.now ?? Date.now);
  services.ready = true;
  log.info({ url, storage: storage.kind }, 'serveur prêt');

  return {
    app,
    url,
    services,
    demoLoaded,
    async stop() {
      services.ready = false;
      await services.devicePurge.stop();
      services.hubs.forEach((h) => h.stop());
      await Promise.all(reactions.map((r) => r.stop()));
      await dispatch.stop();
      await app.close();
      await services.audit.flush();
      services.notifier?.close();
      await storage.stop();
    },
  };
}
