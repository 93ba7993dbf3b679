/** Tests of the client's logger: what leaves the device is scrubbed, merged, rate-limited, kept while offline, and the logger never throws. */
import { describe, expect, it } from 'vitest';
import type { ClientErrorBatch } from './domain/client-log/api';
import { BATCH_DELAY_MS, createClientLog, MAX_WAITING, REPORTS_PER_MINUTE, RETRY_MS, type SendResult } from './log';

const START = Date.parse('2026-03-02T08:00:00.000Z');

/** A logger on a clock and a timer the test moves by hand, sending to a list. */
function harness(answers: SendResult[] = []) {
  const clock = { now: START };
  const timers: Array<{ task: () => void; ms: number }> = [];
  const sent: ClientErrorBatch[] = [];
  let route = '/demandes/r-5f3a9c20?onglet=patient';
  const log = createClientLog({
    now: () => clock.now,
    send: async (batch) => {
      sent.push(structuredClone(batch));
      return answers.shift() ?? 'sent';
    },
    schedule: (task, ms) => timers.push({ task, ms }),
    route: () => route,
    appVersion: '1.2.3',
    print: () => undefined,
  });
  /** Runs the timers due now, and lets the sending finish. */
  const tick = async () => {
    timers.splice(0).forEach((t) => t.task());
    await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { log, clock, timers, sent, tick, goTo: (path: string) => (route = path) };
}

describe('the client logger', () => {
  it('sends a scrubbed report: event, class, message without e-mail or phone number, route pattern, version, time', async () => {
    const h = harness();
    h.log.error('sync.start', new TypeError('Échec pour jeanne.dupont@example.fr au 06 12 34 56 78 sur /api/sync/patients/_changes?since=12'));
    expect(h.sent).toEqual([]);
    expect(h.timers.map((t) => t.ms)).toEqual([BATCH_DELAY_MS]);
    await h.tick();
    expect(h.sent).toEqual([
      {
        reports: [
          {
            event: 'sync.start',
            name: 'TypeError',
            message: 'Échec pour [e-mail] au [nombre] sur /api/sync/patients/_changes',
            route: '/demandes/:id',
            appVersion: '1.2.3',
            at: '2026-03-02T08:00:00.000Z',
            count: 1,
          },
        ],
      },
    ]);
  });

  it('reports a thrown string or a bare value without failing', async () => {
    const h = harness();
    h.log.error('map.limit', 'introuvable');
    h.log.error('map.limit', undefined);
    await h.tick();
    expect(h.sent[0].reports.map((r) => [r.name, r.message])).toEqual([
      ['Error', 'introuvable'],
      ['Error', ''],
    ]);
  });

  it('merges the repeats of a waiting report into its count', async () => {
    const h = harness();
    for (let i = 0; i < 500; i++) h.log.error('patients.list', new Error('base fermée'));
    h.log.error('patients.list', new Error('autre chose'));
    await h.tick();
    expect(h.sent).toHaveLength(1);
    expect(h.sent[0].reports.map((r) => [r.message, r.count])).toEqual([
      ['base fermée', 500],
      ['autre chose', 1],
    ]);
    expect(h.sent[0].dropped).toBeUndefined();
  });

  it(`keeps ${REPORTS_PER_MINUTE} new reports a minute, counts the others as dropped, and keeps again a minute later`, async () => {
    const h = harness();
    for (let i = 0; i < REPORTS_PER_MINUTE + 5; i++) h.log.error('lost-edit.save', new Error(`erreur ${i}`));
    await h.tick();
    expect(h.sent[0].reports).toHaveLength(REPORTS_PER_MINUTE);
    expect(h.sent[0].dropped).toBe(5);

    h.clock.now += 30_000;
    h.log.error('lost-edit.save', new Error('encore'));
    await h.tick();
    expect(h.sent[1]).toEqual({ reports: [], dropped: 1 });

    h.clock.now += 31_000;
    h.log.error('lost-edit.save', new Error('une minute plus tard'));
    await h.tick();
    expect(h.sent[2].reports.map((r) => r.message)).toEqual(['une minute plus tard']);
  });

  it('keeps a batch while offline and sends it again later, merged with what came meanwhile', async () => {
    const h = harness(['offline']);
    h.log.error('sealed-message.write', new Error('réseau'));
    await h.tick();
    expect(h.timers.map((t) => t.ms)).toEqual([RETRY_MS]);
    h.log.error('sealed-message.write', new Error('réseau'));
    h.log.retry();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(h.sent).toHaveLength(2);
    expect(h.sent[1].reports.map((r) => r.count)).toEqual([2]);
  });

  it(`keeps at most ${MAX_WAITING} reports while offline and counts the rest`, async () => {
    const h = harness(Array<SendResult>(20).fill('offline'));
    for (let minute = 0; minute < 8; minute++) {
      for (let i = 0; i < REPORTS_PER_MINUTE; i++) h.log.error('map.limit', new Error(`erreur ${minute}-${i}`));
      h.clock.now += 61_000;
    }
    await h.tick();
    h.log.retry();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const last = h.sent[h.sent.length - 1];
    expect(last.dropped).toBe(8 * REPORTS_PER_MINUTE - MAX_WAITING);
  });

  it('does not send a refused batch again', async () => {
    const h = harness(['refused']);
    h.log.error('sync.start', new Error('401'));
    await h.tick();
    h.log.retry();
    await h.tick();
    expect(h.sent).toHaveLength(1);
    expect(h.timers).toEqual([]);
  });

  it('never throws, whatever fails under it, and still tries to send', async () => {
    let attempts = 0;
    const log = createClientLog({
      now: () => START,
      send: () => {
        attempts++;
        return Promise.reject(new Error('panne'));
      },
      schedule: (task, ms) => ms === BATCH_DELAY_MS && task(),
      route: () => '/annuaire',
      print: () => {
        throw new Error('pas de console');
      },
    });
    expect(() => log.error('app.uncaught', new Error('x'))).not.toThrow();
    expect(() => log.retry()).not.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(attempts).toBeGreaterThan(0);

    const hostile = {
      get message(): string {
        throw new Error('piège');
      },
    };
    const broken = createClientLog({ now: () => START, send: async () => 'sent', schedule: () => undefined, route: () => { throw new Error('pas de page'); }, print: () => undefined });
    expect(() => log.error('app.uncaught', hostile)).not.toThrow();
    expect(() => broken.error('app.uncaught', new Error('x'))).not.toThrow();
  });
});
