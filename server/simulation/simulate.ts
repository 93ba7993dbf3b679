/**
 * Replays a simulated year through the server's own `Dispatcher` with one policy: an in-memory
 * store whose writes come back as the change feed would bring them, a clock that jumps from event
 * to event, and simulated people answering the alerts the dispatcher records.
 */
import { distanceKm } from '../../src/domain/geo';
import type { Member } from '../../src/domain/members/schema';
import { isQualified } from '../../src/domain/requests/candidates';
import type { DispatchPolicy } from '../../src/domain/requests/dispatch-policies';
import type { RequestMessage } from '../../src/domain/requests/message-schema';
import type { CareRequest } from '../../src/domain/requests/schema';
import { seeded } from '../demo/random';
import { Dispatcher } from '../dispatch/dispatcher';
import { createLogger } from '../log';
import { EventQueue } from './events';
import { measure, type PolicyResult } from './metrics';
import * as model from './model';
import { answerOf, seenAt } from './people';
import { MemoryRequestStore } from './store';
import type { World } from './year';

/** How long after the year's last request the simulation runs on, for the last ones to end. */
const TAIL_MS = 14 * 24 * 3_600_000;

export async function simulate(world: World, policy: DispatchPolicy, seed = 1): Promise<PolicyResult> {
  return measure(await runYear(world, policy, seed), world);
}

/** The year's requests as the dispatcher left them. */
export async function runYear(world: World, policy: DispatchPolicy, seed = 1): Promise<CareRequest[]> {
  const rnd = seeded(seed);
  const queue = new EventQueue();
  let now = world.start;
  const members = new Map(world.members.map((m) => [m.id, m]));
  const lastAccepted = new Map<string, number>();
  const seenSteps = new Map<string, number>();

  const store = new MemoryRequestStore((request) => {
    const at = now;
    const steps = request.dispatch?.steps ?? [];
    for (const step of steps.slice(seenSteps.get(request.id) ?? 0)) {
      if (step.kind === 'escalation') queue.push(at + model.sampleDelayMs(rnd, model.COORDINATOR_SEEN), () => coordinate(request.id));
      for (const id of step.alerted) {
        const member = members.get(id);
        if (member) queue.push(seenAt(member, at, rnd, world.timeZone), () => answer(member, request.id));
      }
    }
    seenSteps.set(request.id, steps.length);
    // The change feed: the dispatcher's reaction sees the stored document, at the same instant.
    queue.push(at, async () => {
      const reaction = dispatcher.requestsReaction();
      const doc = { ...request, _id: request.id };
      if (reaction.wants(doc)) await reaction.run(doc);
    });
  });
  const dispatcher = new Dispatcher({
    store,
    directory: { all: () => world.members, get: (id) => members.get(id) },
    coordinators: async () => [world.coordinatorId],
    isCoordinator: async (id) => id === world.coordinatorId,
    timeZone: world.timeZone,
    policy,
    now: () => now,
    // Never used: the simulation takes the dispatcher's steps from its own queue, not from its timer.
    log: createLogger('warn'),
  });

  const post = (message: Omit<RequestMessage, 'id' | 'createdAt'>) =>
    queue.push(now, () => dispatcher.messagesReaction().run({ ...message, createdAt: new Date(now).toISOString(), _id: `${message.requestId}--${message.authorId}--${message.kind}` } as never));

  function answer(member: Member, requestId: string): void {
    const request = store.requests.get(requestId);
    if (request?.status !== 'searching') return;
    const recently = now - (lastAccepted.get(member.id) ?? -Infinity) < model.RECENT_ACCEPT_MS;
    const said = answerOf(member, request, rnd, recently);
    if (said === 'nothing') return;
    if (said === 'accept') lastAccepted.set(member.id, now);
    post({ requestId, authorId: member.id, kind: said });
  }

  /** The coordinator on duty phones around: finds the nearest qualified member who agrees, or nobody. */
  function coordinate(requestId: string): void {
    const request = store.requests.get(requestId);
    if (request?.status !== 'searching' || !rnd.chance(model.COORDINATOR_FINDS)) return;
    const taker = world.members
      .filter((m) => isQualified(m, request))
      .sort((a, b) => distanceKm(request.place, a.location) - distanceKm(request.place, b.location))[0];
    if (taker) post({ requestId, authorId: world.coordinatorId, kind: 'accept', onBehalfOf: taker.id });
  }

  for (const request of world.requests) queue.push(Date.parse(request.createdAt), () => store.put(request));
  const end = world.end + TAIL_MS;
  for (;;) {
    const due = dispatcher.nextDue();
    const next = queue.peekAt();
    if (next === undefined && due === undefined) break;
    if (due !== undefined && (next === undefined || due < next)) {
      if (due > end) break;
      now = Math.max(now, due);
      await dispatcher.tick();
      continue;
    }
    if (next! > end) break;
    now = Math.max(now, next!);
    await queue.pop()!();
  }
  return [...store.requests.values()];
}
