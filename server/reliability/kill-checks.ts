/**
 * What the kill test counts once the server has been killed and restarted: writes lost or
 * duplicated, alerts lost or duplicated (by alert id, per device), uploads lost, partial or
 * duplicated, and dispatch or checkpoint states that a crash left inconsistent.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { OutboxMessage } from '../../src/domain/notify/api';
import type { CareRequest } from '../../src/domain/requests/schema';
import type { FakePushService, PushSubscriber } from '../testing/push-service';

type Doc = Record<string, unknown> & { _id: string; _conflicts?: string[] };

/** A document written on a device: the fields it wrote, and a marker found in it and nowhere else. */
export interface Written {
  collection: string;
  id: string;
  fields: Record<string, unknown>;
  marker: string;
}

/** Markers look like `[kill r3 w1 n7]`: round, writer, item. */
const MARKER = /\[kill r\d+ w\d+ n\d+\]/g;

export function countWrites(written: Written[], stored: Record<string, Doc[]>): { lost: number; duplicated: number; conflicted: number } {
  const byId = new Map(Object.values(stored).flat().map((d) => [d._id, d]));
  // Ids are made on the device, so a copy could only be another document carrying the same marker.
  const copies = new Map<string, number>();
  for (const [collection, docs] of Object.entries(stored)) {
    for (const doc of docs) for (const marker of new Set(JSON.stringify(doc).match(MARKER))) copies.set(`${collection} ${marker}`, (copies.get(`${collection} ${marker}`) ?? 0) + 1);
  }
  let lost = 0;
  let duplicated = 0;
  let conflicted = 0;
  for (const w of written) {
    const doc = byId.get(w.id);
    if (!doc || Object.entries(w.fields).some(([k, v]) => JSON.stringify(doc[k]) !== JSON.stringify(v))) lost++;
    duplicated += Math.max(0, (copies.get(`${w.collection} ${w.marker}`) ?? 0) - 1);
    if (doc?._conflicts?.length) conflicted++;
  }
  return { lost, duplicated, conflicted };
}

/** One delivery seen by a device: `where` is the device (push endpoint path, or phone), `alertId` read from the decrypted payload or the SMS key. */
export interface Delivery {
  where: string;
  alertId: string;
  at: number;
  /** The Web Push Topic header (undefined for an SMS). */
  topic?: string;
}

export interface AlertCount {
  expected: number;
  lost: number;
  duplicated: number;
  /** Copies that a device would show twice or that no crash explains: must be 0. */
  unexplained: number;
  /** Deliveries of alerts nobody should have received. */
  unexpected: number;
}

/**
 * Counts deliveries against the expected (device, alert) pairs. A copy is explained when it went
 * out again after a restart (one copy before, one after) with the first one's Topic: the push
 * service replaces an undelivered one, and the device shows one notification per request.
 */
export function countAlerts(expected: Set<string>, deliveries: Delivery[], restarts: number[]): AlertCount {
  const byPair = new Map<string, Delivery[]>();
  for (const d of deliveries) byPair.set(`${d.where} ${d.alertId}`, [...(byPair.get(`${d.where} ${d.alertId}`) ?? []), d]);
  const count: AlertCount = { expected: expected.size, lost: 0, duplicated: 0, unexplained: 0, unexpected: 0 };
  for (const pair of expected) if (!byPair.has(pair)) count.lost++;
  for (const [pair, copies] of byPair) {
    if (!expected.has(pair)) count.unexpected += copies.length;
    if (copies.length < 2) continue;
    count.duplicated += copies.length - 1;
    const times = copies.map((c) => c.at).sort((a, b) => a - b);
    const acrossRestarts = times.slice(1).every((t, i) => restarts.some((r) => times[i] < r && r <= t));
    if (!acrossRestarts || new Set(copies.map((c) => c.topic)).size > 1) count.unexplained += copies.length - 1;
  }
  return count;
}

/** The (recipient, alert id) pairs the requests' dispatch steps call for; `targetsOf` gives a member's devices or phone. */
export function expectedPairs(requests: CareRequest[], targetsOf: (memberId: string) => string[]): Set<string> {
  const pairs = new Set<string>();
  for (const r of requests) {
    (r.dispatch?.steps ?? []).forEach((step, i) => {
      if (step.kind !== 'usual' && step.kind !== 'circle') return;
      for (const m of step.alerted) for (const where of targetsOf(m)) pairs.add(`${where} ${r.id}.s${i}`);
    });
  }
  return pairs;
}

/** What the devices received: the local push service's pushes (decrypted once each, the alert id read inside) and the outbox's SMS. */
export class Deliveries {
  private readonly decrypted: Delivery[] = [];

  constructor(
    private readonly service: FakePushService,
    private readonly subscribers: Map<string, PushSubscriber>,
    private readonly outboxFile: string,
  ) {}

  pushes(): Delivery[] {
    for (const p of this.service.received.slice(this.decrypted.length)) {
      const payload = JSON.parse(this.subscribers.get(p.path)!.decrypt(p.body)) as { alertId: string };
      this.decrypted.push({ where: p.path, alertId: payload.alertId, at: p.at, topic: p.headers.topic as string | undefined });
    }
    return this.decrypted;
  }

  /** SMS by their key `<alert id>/<member id>`. */
  sms(): Delivery[] {
    return readFileSync(this.outboxFile, 'utf8')
      .split('\n')
      .flatMap((line) => {
        try {
          const m = JSON.parse(line) as OutboxMessage;
          return m.channel === 'sms' && m.key ? [{ where: m.key.split('/')[1], alertId: m.key.split('/')[0], at: Date.parse(m.sentAt) }] : [];
        } catch {
          return [];
        }
      });
  }
}

/** What a crash could have left wrong in a request's dispatch: not started, started twice, a step repeated. */
export function dispatchProblems(request: CareRequest): string[] {
  const problems: string[] = [];
  const steps = request.dispatch?.steps ?? [];
  const starts = (request.history ?? []).filter((h) => h.event === 'start-search').length;
  if (request.status === 'sent' || !steps.length) problems.push('search not started');
  if (starts !== 1) problems.push(`${starts} start-search entries`);
  const alerted = steps.flatMap((s) => s.alerted);
  if (new Set(alerted).size !== alerted.length) problems.push('a member alerted by two steps');
  const recorded = request.dispatch?.alerted ?? [];
  if (new Set(recorded).size !== recorded.length || JSON.stringify([...recorded].sort()) !== JSON.stringify([...new Set(alerted)].sort())) problems.push('dispatch.alerted differs from the steps');
  const radii = steps.filter((s) => s.kind === 'circle' && s.radiusKm !== undefined).map((s) => s.radiusKm!);
  if (radii.some((r, i) => i > 0 && r <= radii[i - 1])) problems.push(`circle repeated: ${radii.join(', ')}`);
  if (request.status === 'searching' && !request.dispatch?.nextStepAt) problems.push('searching without a next step');
  return problems.map((p) => `${request.id}: ${p}`);
}

/** A checkpoint ahead of its database would skip changes for ever. Sequences compare by their number (CouchDB: `N-…`). */
export function checkpointProblems(checkpoints: Array<{ _id: string; since: string | number }>, updateSeq: Record<string, string | number>): string[] {
  const dbOf: Record<string, string> = { 'checkpoint-requests': 'requests', 'checkpoint-messages': 'messages' };
  const problems = Object.keys(dbOf).filter((id) => !checkpoints.some((c) => c._id === id)).map((id) => `${id} missing`);
  for (const c of checkpoints) {
    const db = dbOf[c._id];
    if (db && parseInt(String(c.since), 10) > parseInt(String(updateSeq[db]), 10)) problems.push(`${c._id} at ${c.since}, beyond ${db} (${updateSeq[db]})`);
  }
  return problems;
}

export const md5Digest = (body: Buffer) => 'md5-' + createHash('md5').update(body).digest('base64');

/**
 * PUTs a file as a device's outbox does; with `pace`, in chunks with pauses, as over a slow mobile
 * link. Resolves with the HTTP status, or 0 when the connection breaks (the server killed).
 */
export function putFile(base: string, cookie: string, upload: { id: string; requestId: string; body: Buffer }, pace?: { chunks: number; pauseMs: number }): Promise<number> {
  return new Promise((resolve) => {
    const url = new URL(`/api/uploads/${upload.id}?requestId=${upload.requestId}`, base);
    const req = http.request(url, { method: 'PUT', headers: { cookie, 'content-type': 'image/jpeg', 'content-length': upload.body.length } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
      res.on('error', () => resolve(0));
    });
    req.on('error', () => resolve(0));
    const chunks = pace?.chunks ?? 1;
    const size = Math.ceil(upload.body.length / chunks);
    const send = (i: number) => {
      if (req.destroyed) return;
      if (i >= chunks) return void req.end();
      req.write(upload.body.subarray(i * size, (i + 1) * size));
      setTimeout(() => send(i + 1), pace?.pauseMs ?? 0);
    };
    send(0);
  });
}

/** GETs a file: its status and bytes. */
export async function getFile(base: string, cookie: string, id: string): Promise<{ status: number; body: Buffer }> {
  try {
    const res = await fetch(new URL(`/api/uploads/${id}`, base), { headers: { cookie } });
    return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
  } catch {
    // The body cut short: what a device would have received is not the file.
    return { status: 0, body: Buffer.alloc(0) };
  }
}
