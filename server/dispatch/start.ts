/** Starts the dispatcher, the alerts outbox and their change-feed reactions; returns what to stop. */
import { radiusFor } from '../../src/domain/requests/dispatch-policies';
import { ReactionRunner } from '../reactions/reaction';
import type { ServerScope } from 'nano';
import type { Notifier } from '../notify/notifier';
import type { PushSender } from '../push/alerts';
import type { TerritorySettings } from '../../src/domain/territory/settings';
import type { CoordinatorLookup } from './coordinators';
import { AlertSender } from './alerts';
import { MemberDirectory } from './directory';
import { Dispatcher } from './dispatcher';
import { AlertOutbox } from './outbox';
import { RequestStore } from './store';

export interface DispatchParts {
  couch: ServerScope;
  coordinators: CoordinatorLookup;
  notifier: Notifier;
  push: PushSender;
  settings: Pick<TerritorySettings, 'shortName' | 'timeZone' | 'radiusKm'>;
  /** How long a request nobody took stays open for the coordinators after its deadline. */
  expiryGraceMinutes: number;
  /** The dispatcher's clock (tests move a clock of their own forward instead of waiting). */
  now?: () => number;
  tickMs?: number;
}

export async function startDispatch(parts: DispatchParts): Promise<{ stop(): Promise<void>; dispatcher: Dispatcher; directory: MemberDirectory }> {
  const { couch, coordinators, notifier, push, settings, now, tickMs } = parts;
  const directory = new MemberDirectory(couch);
  await directory.start();
  const store = new RequestStore(couch);
  const alerts = new AlertSender(directory, notifier, push, settings.shortName, settings.timeZone, now);
  const dispatcher = new Dispatcher({ store, directory, coordinators: () => coordinators.onDuty(), isCoordinator: coordinators.has, timeZone: settings.timeZone, radiusKm: radiusFor(settings.radiusKm), expiryGraceMs: parts.expiryGraceMinutes * 60_000, tickMs, now });
  await dispatcher.recover(await store.open());
  const outbox = new AlertOutbox(couch, alerts);
  const runners = [new ReactionRunner(couch, dispatcher.requestsReaction()), new ReactionRunner(couch, dispatcher.messagesReaction()), new ReactionRunner(couch, outbox.reaction())];
  for (const runner of runners) await runner.start();
  dispatcher.start();
  return {
    dispatcher,
    directory,
    async stop() {
      dispatcher.stop();
      directory.stop();
      await Promise.all(runners.map((r) => r.stop()));
    },
  };
}
