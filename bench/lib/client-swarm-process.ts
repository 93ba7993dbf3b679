/**
 * A child process of `bench/alerts.ts` holding the many lightweight long-poll clients that are not
 * measured, so their re-polls and parsing do not hold up the measuring process's event loop (real
 * devices are machines of their own). It tells the parent each card that reaches one of them (when,
 * as `performance.timeOrigin + performance.now()`), and how many polls they made.
 */
import { LongPollClient } from '../../server/testing/longpoll-client';

export type SwarmRequest =
  | { type: 'connect'; clients: Array<{ index: number; base: string; cookie: string; delayMs: number }> }
  | { type: 'polls'; id: number }
  | { type: 'stop' };
export type SwarmReport = { type: 'docs'; index: number; ids: string[]; at: number } | { type: 'polls'; id: number; polls: number };

const clients: LongPollClient[] = [];
const send = (report: SwarmReport) => process.send!(report);

process.on('message', (m: SwarmRequest) => {
  if (m.type === 'connect') {
    for (const c of m.clients) {
      const client = new LongPollClient(new URL(c.base), 'requests', c.cookie, (docs, at) => send({ type: 'docs', index: c.index, ids: docs.map((d) => String(d._id)), at: performance.timeOrigin + at }));
      clients.push(client);
      client.start(c.delayMs);
    }
  } else if (m.type === 'polls') {
    send({ type: 'polls', id: m.id, polls: clients.reduce((s, c) => s + c.polls, 0) });
  } else {
    clients.forEach((c) => c.stop());
    process.disconnect();
  }
});
