/** Starts the dispatcher (its due steps taken each second by the clock) and the alerts outbox, and adds their change-feed reactions to the server's; returns what to stop. */
import { radiusFor } from '../../src/domain/requests/dispatch-policies';
import type { Reactions } from '../reactions/reaction';
import type { ServerScope } from 'nano';
import { AlertSender } from '../alerts/alerts';
import type { AlertChannel } from '../alerts/channel';
import type { Clock } from '../clock';
import type { TerritorySettings } from '../../src/domain/territory/settings';
import type { CoordinatorLookup } from './coordinators';
import { MemberDirectory } from './directory';
import { Dispatcher } from './dispatcher';
import { AlertOutbox } from './outbox';
import { RequestStore } from './store';

export interface DispatchParts {
  couch: ServerScope;
  coordinators: CoordinatorLookup;
  /** The ways alerts reach members outside the app, in the order they are tried. */
  channels: readonly AlertChannel[];
  settings: Pick<TerritorySettings, 'timeZone' | 'radiusKm'>;
  /** How long a request nobody took stays open for the coordinators after its deadline. */
  expiryGraceMinutes: number;
  /** The time of its decisions and the timer of its due steps (a test passes one it moves forward). */
  clock: Clock;
  /** The server's reactions, which this adds the dispatcher's and the outbox's to (started by the caller). */
  reactions: Reactions;
}

export async function startDispatch(parts: DispatchParts): Promise<{ stop(): void; dispatcher: Dispatcher; directory: MemberDirectory }> {
  const { couch, coordinators, channels, settings, clock } = parts;
  const directory = new MemberDirectory(couch);
  await directory.start();
  const store = new RequestStore(couch);
  const alerts = new AlertSender(directory, channels);
  const dispatcher = new Dispatcher({ store, directory, coordinators: coordinators.onDuty, isCoordinator: coordinators.has, timeZone: settings.timeZone, radiusKm: radiusFor(settings.radiusKm), expiryGraceMs: parts.expiryGraceMinutes * 60_000, now: clock.now });
  await dispatcher.recover(await store.open());
  const outbox = new AlertOutbox(couch, alerts, clock.now);
  parts.reactions.add(dispatcher.requestsReaction()).add(dispatcher.messagesReaction()).add(outbox.reaction());
  const stopTicking = clock.every(1000, () => dispatcher.tick());
  return {
    dispatcher,
    directory,
    stop() {
      stopTicking();
      directory.stop();
    },
  };
}
