/** Starts the whole server: HTTP first (health answers 503), then storage, services, demo data; then ready. */
import type { FastifyInstance } from 'fastify';
import { readFileSync } from 'node:fs';
import { POLICIES } from '../src/domain/sync/collections';
import { Accounts } from './accounts/accounts';
import type { Config } from './config';
import { loadDemoData } from './demo/load';
import { BanGeocoder } from './geocoding/geocoder';
import { geocodeMovedAddresses } from './geocoding/reaction';
import { ReactionRunner } from './reactions/reaction';
import { healthRoute } from './health';
import { createApp } from './http/app';
import { log } from './log';
import type { Services } from './services';
import { sessionRoutes } from './session/routes';
import { Sessions } from './session/sessions';
import { openStorage } from './storage/storage';
import { ChangesHub } from './sync/changes-hub';
import { Gateway } from './sync/gateway';
import { syncRoutes } from './sync/routes';
import { loadTerritory } from './territory';

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  services: Services;
  /** Number of directory entries loaded as demo data at this start (0 when there was data already). */
  demoLoaded: number;
  stop(): Promise<void>;
}

const VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

export async function startServer(config: Config): Promise<RunningServer> {
  const territory = loadTerritory(config.territoryDir);
  const largest = [...territory.communes].sort((a, b) => b.population - a.population)[0];
  const geocoder = new BanGeocoder(config.geocoderUrl, territory.communes, largest);
  const services = { ready: false, config, territory, geocoder, gateways: new Map(), hubs: [] } as unknown as Services;
  const app = createApp(config, services);
  healthRoute(app, services, VERSION);
  sessionRoutes(app, services, config);
  syncRoutes(app, services);
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address() as { port: number };
  const url = `http://localhost:${address.port}`;

  const storage = await openStorage(config);
  services.storage = storage;
  services.accounts = new Accounts(storage.couch);
  services.sessions = new Sessions(storage.couch, services.accounts);
  for (const policy of Object.values(POLICIES)) {
    const db = storage.couch.use(policy.name);
    const hub = new ChangesHub(db, policy);
    await hub.start();
    services.hubs.push(hub);
    services.gateways.set(policy.name, new Gateway(db, policy, hub));
  }
  const demoLoaded = config.demo ? await loadDemoData(storage.couch, services.accounts, territory) : 0;
  const reactions = [new ReactionRunner(storage.couch, geocodeMovedAddresses(storage.couch, geocoder))];
  for (const reaction of reactions) await reaction.start();
  services.ready = true;
  log.info({ url, storage: storage.kind }, 'serveur prêt');

  return {
    app,
    url,
    services,
    demoLoaded,
    async stop() {
      services.ready = false;
      services.hubs.forEach((h) => h.stop());
      await Promise.all(reactions.map((r) => r.stop()));
      await app.close();
      await storage.stop();
    },
  };
}
