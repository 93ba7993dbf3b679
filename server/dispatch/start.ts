/**
 * Builds the dispatcher and the alerts outbox, and adds their change-feed reactions to the server's.
 * The directory starts now (every instance serves devices' first syncs from it); the dispatcher's
 * due steps, taken each second by the clock, run only on the instance that holds the work lease
 * (`run`, `pause`).
 */
import { radiusFor } from '../../src/domain/requests/dispatch-policies';
import type { Reactions } from '../reactions/reaction';
import type { Couch } from '../storage/couch';
import { AlertSender } from '../alerts/alerts';
import type { AlertChannel } from '../alerts/channel';
import type { Clock } from '../clock';
import type { TerritorySettings } from '../../src/domain/territory/settings';
import type { CoordinatorLookup } from './coordinators';
import { MemberDirectory } from './directory';
import { Dispatcher } from './dispatcher';
import { AlertOutbox } from './outbox';
import { RequestStore } from './store';
import { clearMessageNotes } from './message-notes';
import type { Logger } from '../log';

export interface DispatchParts {
  couch: Couch;
  coordinators: CoordinatorLookup;
  /** The ways alerts reach members outside the app, in the order they are tried. */
  channels: readonly AlertChannel[];
  settings: Pick<TerritorySettings, 'timeZone' | 'radiusKm'>;
  /** How long a request nobody took stays open for the coordinators after its deadline. */
  expiryGraceMinutes: number;
  /** The time of its decisions and the timer of its due steps (a test passes one it moves forward). */
  clock: Clock;
  /** Each doctor's earliest free unscheduled-care slot of use from `now` to `deadline`. */
  slots?: (now: number, deadline: number) => Promise<ReadonlyMap<string, number>>;
  /** The server's reactions, which this adds the dispatcher's and the outbox's to (started by the caller). */
  reactions: Reactions;
  log: Logger;
}

export interface Dispatch {
  dispatcher: Dispatcher;
  directory: MemberDirectory;
  /** Gives the open requests their timers back (or starts their search), then takes each step when due. */
  run(): Promise<void>;
  pause(): void;
  stop(): void;
}

export async function startDispatch(parts: DispatchParts): Promise<Dispatch> {
  const { couch, coordinators, channels, settings, clock, log } = parts;
  const directory = new MemberDirectory(couch, log);
  await directory.start();
  const store = new RequestStore(couch);
  const alerts = new AlertSender(directory, channels);
  const dispatcher = new Dispatcher({ store, directory, coordinators: coordinators.onDuty, isCoordinator: coordinators.has, timeZone: settings.timeZone, radiusKm: radiusFor(settings.radiusKm), expiryGraceMs: parts.expiryGraceMinutes * 60_000, now: clock.now, slots: parts.slots, log });
  const outbox = new AlertOutbox(couch, alerts, clock.now);
  parts.reactions.add(dispatcher.requestsReaction()).add(dispatcher.messagesReaction()).add(outbox.reaction()).add(clearMessageNotes(store, clock.now));
  let stopTicking: (() => void) | undefined;
  return {
    dispatcher,
    directory,
    async run() {
      await dispatcher.recover(await store.open());
      stopTicking ??= clock.every(1000, () => dispatcher.tick());
    },
    pause() {
      stopTicking?.();
      stopTicking = undefined;
    },
    stop() {
      stopTicking?.();
      directory.stop();
    },
  };
}
