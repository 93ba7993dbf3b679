/** The services behind the routes, created once storage is ready. */
import type { Accounts } from './accounts/accounts';
import type { AuditLog } from './audit/audit';
import type { Dispatcher } from './dispatch/dispatcher';
import type { CoordinatorLookup } from './dispatch/coordinators';
import type { Roster } from './roster/roster';
import type { Config } from './config';
import type { Geocoder } from './geocoding/geocoder';
import type { Territory } from './territory/load';
import type { Sessions } from './session/sessions';
import type { Storage } from './storage/storage';
import type { ChangesHub } from './sync/changes-hub';
import type { Gateway } from './sync/gateway';
import type { Notifier } from './notify/notifier';
import type { Outbox } from './notify/outbox';
import type { PasswordResets } from './password/resets';
import type { Approvals } from './registration/approval';
import type { Registrations } from './registration/registrations';
import type { WebPushSender } from './push/sender';
import type { Uploads } from './uploads/uploads';
import type { DeviceKeys } from './devices/keys';
import type { DevicePurge } from './devices/purge';

export interface Services {
  ready: boolean;
  config: Config;
  territory: Territory;
  geocoder: Geocoder;
  storage: Storage;
  accounts: Accounts;
  sessions: Sessions;
  hubs: ChangesHub[];
  gateways: Map<string, Gateway>;
  outbox: Outbox;
  notifier: Notifier;
  registrations: Registrations;
  approvals: Approvals;
  passwordResets: PasswordResets;
  audit: AuditLog;
  dispatcher: Dispatcher;
  roster: Roster;
  coordinators: CoordinatorLookup;
  push: WebPushSender;
  uploads: Uploads;
  deviceKeys: DeviceKeys;
  devicePurge: DevicePurge;
}
