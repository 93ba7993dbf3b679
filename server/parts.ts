/** What a running server is made of, built by `server.ts`. */
import type { Accounts } from './accounts/accounts';
import type { AuditLog } from './audit/audit';
import type { ClientErrors } from './client-log/store';
import type { ClosingLetters } from './letters/letters';
import type { Config } from './config';
import type { DeviceKeys } from './devices/keys';
import type { DevicePurge } from './devices/purge';
import type { CoordinatorLookup } from './dispatch/coordinators';
import type { Dispatcher } from './dispatch/dispatcher';
import type { Geocoder } from './geocoding/geocoder';
import type { Logger } from './log';
import type { Notifier } from './notify/notifier';
import type { Outbox } from './notify/outbox';
import type { PasswordResets } from './password/resets';
import type { PscParts } from './psc/routes';
import type { WebPushSender } from './push/sender';
import type { DeadLetters } from './reactions/dead-letters';
import type { Reactions } from './reactions/reaction';
import type { Approvals } from './registration/approval';
import type { Registrations } from './registration/registrations';
import type { Roster } from './roster/roster';
import type { Sessions } from './session/sessions';
import type { Slots } from './slots/store';
import type { Storage } from './storage/storage';
import type { ChangesHub } from './sync/changes-hub';
import type { Gateway } from './sync/gateway';
import type { Territory } from './territory/load';
import type { Uploads } from './uploads/uploads';

/** What a running server is made of: for the entry point, the tests and the benches; no module receives it. */
export interface ServerParts {
  config: Config;
  territory: Territory;
  storage: Storage;
  accounts: Accounts;
  sessions: Sessions;
  outbox: Outbox;
  notifier: Notifier;
  registrations: Registrations;
  approvals: Approvals;
  passwordResets: PasswordResets;
  /** Pro Santé Connect's client and pre-fills; absent when it is not configured. */
  psc: PscParts | undefined;
  audit: AuditLog;
  hubs: ChangesHub[];
  gateways: Map<string, Gateway>;
  push: WebPushSender;
  uploads: Uploads;
  roster: Roster;
  coordinators: CoordinatorLookup;
  dispatcher: Dispatcher;
  deviceKeys: DeviceKeys;
  devicePurge: DevicePurge;
  clientErrors: ClientErrors;
  reactions: Reactions;
  deadLetters: DeadLetters;
  geocoder: Geocoder;
  letters: ClosingLetters;
  slots: Slots;
  /** The server's clock (tests pass one of their own). */
  clock: () => number;
  log: Logger;
}
