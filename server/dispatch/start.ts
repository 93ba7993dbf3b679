/** Starts the dispatcher, the alerts outbox and their change-feed reactions; returns what to stop. */
import { radiusFor } from '../../src/domain/requests/dispatch-policies';
import { ReactionRunner } from '../reactions/reaction';
import type { Services } from '../services';
import { AlertSender } from './alerts';
import { MemberDirectory } from './directory';
import { Dispatcher } from './dispatcher';
import { AlertOutbox } from './outbox';
import { RequestStore } from './store';

export async function startDispatch(services: Services, options: { tickMs?: number; now?: () => number } = {}): Promise<{ stop(): Promise<void>; dispatcher: Dispatcher; directory: MemberDirectory }> {
  const couch = services.storage.couch;
  const directory = new MemberDirectory(couch);
  await directory.start();
  const store = new RequestStore(couch);
  const coordinators = services.coordinators;
  const alerts = new AlertSender(directory, services.notifier, () => (services as { push?: import('../push/alerts').PushSender }).push, services.territory.settings.shortName, services.territory.settings.timeZone, options.now);
  const { timeZone, radiusKm } = services.territory.settings;
  const dispatcher = new Dispatcher({ store, directory, coordinators: () => coordinators.onDuty(), isCoordinator: coordinators.has, timeZone, radiusKm: radiusFor(radiusKm), expiryGraceMs: services.config.expiryGraceMinutes * 60_000, tickMs: options.tickMs, now: options.now });
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
