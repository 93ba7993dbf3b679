/** Every HTTP route of the server, each module given the parts it uses. */
import type { FastifyInstance } from 'fastify';
import { accountRoutes } from './accounts/routes';
import { clientLogRoutes } from './client-log/routes';
import { deviceRoutes } from './devices/routes';
import { geocodeRoutes } from './geocoding/routes';
import { healthRoute } from './health';
import { outboxRoutes } from './notify/routes';
import { passwordRoutes } from './password/routes';
import { pscRoutes } from './psc/routes';
import { deadLetterRoutes } from './reactions/routes';
import { pushRoutes } from './push/routes';
import { registrationQueueRoutes } from './registration/queue-routes';
import { registrationRoutes } from './registration/routes';
import { requestRoutes } from './requests/routes';
import { letterRoutes } from './letters/routes';
import { slotRoutes } from './slots/routes';
import { rosterRoutes } from './roster/routes';
import { rppsRoutes } from './rpps/routes';
import { sessionRoutes } from './session/routes';
import { syncRoutes } from './sync/routes';
import { securityHeaderValues } from './http/headers';
import { uploadRoutes } from './uploads/routes';
import type { ServerParts } from './parts';

/** Hands each route module the parts it uses, and only those. */
export function registerRoutes(app: FastifyInstance, parts: ServerParts, version: string): void {
  const { config, sessions, accounts, gateways, audit } = parts;
  healthRoute(app, parts.storage, version);
  sessionRoutes(app, { sessions, accounts, gateways }, config);
  pscRoutes(app, { sessions, accounts, couch: parts.storage.couch, psc: parts.psc, clock: parts.clock }, config);
  syncRoutes(app, { sessions, gateways, headers: securityHeaderValues(config) });
  rppsRoutes(app, { sessions, couch: parts.storage.couch, communes: parts.territory.communes });
  registrationRoutes(app, { registrations: parts.registrations }, config);
  registrationQueueRoutes(app, { sessions, approvals: parts.approvals }, config);
  passwordRoutes(app, { passwordResets: parts.passwordResets }, config);
  accountRoutes(app, { sessions, accounts });
  outboxRoutes(app, { sessions, outbox: parts.outbox, config });
  geocodeRoutes(app, { sessions, geocoder: parts.geocoder });
  requestRoutes(app, { sessions, couch: parts.storage.couch, audit });
  letterRoutes(app, { sessions, accounts, letters: parts.letters });
  slotRoutes(app, { sessions, couch: parts.storage.couch, slots: parts.slots, config, clock: parts.clock });
  rosterRoutes(app, { sessions, roster: parts.roster, coordinators: parts.coordinators });
  pushRoutes(app, { sessions, push: parts.push, config });
  uploadRoutes(app, { sessions, uploads: parts.uploads, audit });
  deviceRoutes(app, { sessions, deviceKeys: parts.deviceKeys, config });
  clientLogRoutes(app, { sessions, store: parts.clientErrors, clock: parts.clock, logger: parts.log });
  deadLetterRoutes(app, { sessions, deadLetters: parts.deadLetters, reactions: parts.reactions });
}
