/**
 * Soak: members live on one server for minutes — the four long-polls of each device, requests
 * posted with their patient block, answered (the first acceptance wins), worked on and closed,
 * availability changed — then every write checked on the server (there exactly once, each answer
 * applied once), every client error counted, alert latency and memory reported.
 * Reduced in `npm test` (100 members, 1 minute); `npm run test:soak`: 1,600 members, 10 minutes
 * (`SOAK_MEMBERS`, `SOAK_MINUTES` override). Writes `test-results/soak.json`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distanceKm } from '../../src/domain/geo';
import { GENERAL_PRACTICE } from '../../src/domain/members/professions';
import { PLACE } from '../testing/requests';
import { RemoteServer, type DirectoryEntry } from '../testing/remote-server';
import { Ledger, type Collection } from './soak-ledger';
import { SimulatedMember, type Role, type Scenario } from './soak-member';
import { seeded } from '../demo/random';
import { MemorySampler, percentile, sleep } from './soak-measures';

const SOAK = process.env.SOAK === '1';
const MEMBERS = Number(process.env.SOAK_MEMBERS ?? (SOAK ? 1600 : 100));
const MINUTES = Number(process.env.SOAK_MINUTES ?? (SOAK ? 10 : 1));
/**
 * The territory handles about 4,000 requests a year, about one an hour in working hours; the soak
 * posts one every 3 s on average (1,200 an hour, Poisson arrivals), whatever the number of members.
 */
const POST_EVERY_MS = 3_000;
/** About two changes per member and working day would be one every 11 s for 1,600 members; here one every 4 s. */
const AVAILABILITY_EVERY_MS = 4_000;
const CONNECT_SPREAD_MS = Math.min(20_000, MEMBERS * 15);
const DRAIN_MS = 90_000;
const COORDINATORS = 2;

let server: RemoteServer;
let members: SimulatedMember[] = [];
const ledger = new Ledger();
const random = seeded(Number(process.env.SOAK_SEED ?? 57)).next;
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];

function roleOf(m: DirectoryEntry, coordinators: Set<string>): Role {
  if (coordinators.has(m.id)) return 'coordinator';
  if (m.profession === '10' && m.specialty === GENERAL_PRACTICE) return 'gp';
  return m.profession === '60' ? 'nurse' : 'other';
}

/** Repeats `action` with exponential gaps of mean `meanMs` until stopped. */
function poisson(meanMs: number, action: () => void): () => void {
  let timer: NodeJS.Timeout;
  const next = () => (timer = setTimeout(() => (action(), next()), -Math.log(1 - random()) * meanMs));
  next();
  return () => clearTimeout(timer);
}

let directory: DirectoryEntry[];
let initialRevs: Map<string, string>;
const participants: Array<DirectoryEntry & { role: Role }> = [];

beforeAll(async () => {
  server = await RemoteServer.start();
  directory = (await server.members()).filter((m) => m.status === 'active' && m.id !== 'm-coordination');
  if (directory.length < MEMBERS) throw new Error(`only ${directory.length} members for ${MEMBERS}`);
  // The members nearest to the centre of Metz, so a reduced run still has nurses around its patients.
  const chosen = [...directory].sort((a, b) => distanceKm(PLACE, a.location) - distanceKm(PLACE, b.location)).slice(0, MEMBERS);
  const coordinators = new Set(chosen.filter((m) => m.profession !== '60' && m.specialty !== GENERAL_PRACTICE).slice(0, COORDINATORS).map((m) => m.id));
  participants.push(...chosen.map((m) => ({ ...m, role: roleOf(m, coordinators) })));
  const ids = new Set(participants.map((m) => m.id));
  // The nurses of the run are on duty; the others are not, so every alert goes to a connected device.
  const until = new Date(Date.now() + 12 * 3_600_000).toISOString();
  const written = await server.setAvailability(directory.filter((m) => m.profession === '60').map((m) => (ids.has(m.id) ? { id: m.id, availableUntil: until, homeVisitRadiusKm: 15 } : { id: m.id })));
  // The nurses' revisions as just written: on a cluster, the listing may still show the ones before.
  initialRevs = new Map([...(await server.docs('members')).map((d): [string, string] => [d._id, d._rev]), ...Object.entries(written)]);
  const plain = participants.filter((m) => m.role !== 'coordinator').map((m) => m.id);
  const cookies = new Map<string, string>();
  (await server.sessions(plain)).forEach((c, i) => cookies.set(plain[i], c));
  (await server.sessions([...coordinators], ['member', 'coordinator'])).forEach((c, i) => cookies.set([...coordinators][i], c));
  const scenario: Scenario = { ledger, base: new URL(server.url), random, coordinators: [...coordinators], cancelAfterMs: 40_000 };
  members = participants.map((m) => new SimulatedMember(m.id, m.role, cookies.get(m.id)!, scenario));
}, 300_000);

afterAll(async () => {
  members.forEach((m) => m.stop());
  await server?.stop();
});

describe('soak', () => {
  it(`holds ${MEMBERS} members for ${MINUTES} min: every write on the server exactly once, no error`, { timeout: CONNECT_SPREAD_MS + MINUTES * 60_000 + DRAIN_MS + 120_000 }, async () => {
    const gps = members.filter((m) => m.role === 'gp');
    const nurses = participants.filter((m) => m.role === 'nurse');
    expect(gps.length).toBeGreaterThan(0);
    expect(nurses.length).toBeGreaterThan(0);
    members.forEach((m) => m.connect(random() * CONNECT_SPREAD_MS));
    await sleep(CONNECT_SPREAD_MS + 2_000);
    const memory = new MemorySampler(server, SOAK ? 10_000 : 5_000);
    await memory.start();

    // The load: requests near a nurse of the run (patients live where nurses work), availability changes.
    let posted = 0;
    const place = () => {
      const n = pick(nurses);
      return { commune: n.commune ?? 'Metz', communeInsee: n.communeInsee ?? '57463', lat: n.location.lat + (random() - 0.5) * 0.01, lon: n.location.lon + (random() - 0.5) * 0.01 };
    };
    const stopPosting = poisson(POST_EVERY_MS, () => pick(gps).postRequest(place(), ++posted));
    const stopAvailability = poisson(AVAILABILITY_EVERY_MS, () => pick(members).changeAvailability());
    await sleep(MINUTES * 60_000);
    stopPosting();
    stopAvailability();
    gps.forEach((g) => g.cancelUntaken());

    // Drain: every device idle and served, every request closed, every answer applied.
    const drainStart = Date.now();
    const devices = members.map((m) => m.id);
    const deadline = Date.now() + DRAIN_MS;
    while (Date.now() < deadline) {
      if (members.every((m) => m.idle) && ledger.undelivered(devices) === 0) {
        const verdict = ledger.verify(await storedDocs(), initialRevs, new Set(devices));
        if (verdict.openRequests === 0 && verdict.unapplied === 0) break;
      }
      await sleep(1_000);
    }
    const drainS = Math.round((Date.now() - drainStart) / 1000);
    const stored = await storedDocs();
    const report = await memory.stop();
    const verdict = ledger.verify(stored, initialRevs, new Set(devices));
    const alerts = ledger.alerts(stored.requests, new Set(devices));
    const undelivered = ledger.undelivered(devices);
    const history = [...stored.requests.values()].flatMap((r) => (r.history ?? []) as Array<{ event: string }>);
    const taken = [...stored.requests.values()].filter((r) => r.assigneeId).length;
    const lateAccepts = history.filter((h) => h.event === 'accept-refused').length;
    const p95 = Math.round(percentile(alerts.latencies, 95));
    const summary =
      `soak: ${MEMBERS} members, ${MINUTES} min, ${verdict.writes} writes (lost ${verdict.lost}, duplicated ${verdict.duplicated}), ${ledger.errorCount} errors, ` +
      `alert p95 ${p95} ms, server RSS ${report.rss.start}→${report.rss.end} MB (peak ${report.rss.peak}); ` +
      `${posted} requests (${taken} taken, ${lateAccepts} late acceptances refused, ${verdict.openRequests} left open), ${alerts.alerted} alerts (median ${Math.round(percentile(alerts.latencies, 50))} ms, ${alerts.missed} missed), ${undelivered} deliveries missing, ` +
      `server heap ${report.heap.start}→${report.heap.end} MB (peak ${report.heap.peak}; after GC ${report.heapAfterGc.start}→${report.heapAfterGc.end}), database RSS ${report.dbRss.start}→${report.dbRss.end} MB (peak ${report.dbRss.peak}), ` +
      `CPU cores: server ${report.cores.server}, database ${report.cores.database}, clients ${report.cores.clients}; load per core ${report.loadPerCore.mean} (max ${report.loadPerCore.max})`;
    console.log(summary);
    mkdirSync('test-results', { recursive: true });
    const result = {
      date: new Date().toISOString(),
      summary,
      size: { members: MEMBERS, minutes: MINUTES, gps: gps.length, nurses: nurses.length, coordinators: COORDINATORS, longPollsPerMember: 4 },
      drainS,
      rates: { postEveryMs: POST_EVERY_MS, availabilityChangeEveryMs: AVAILABILITY_EVERY_MS },
      verdict,
      requests: { posted, taken, lateAccepts, polls: members.reduce((n, m) => n + m.polls, 0) },
      alerts: { alerted: alerts.alerted, missed: alerts.missed, latencyMs: { n: alerts.latencies.length, median: percentile(alerts.latencies, 50), p95: percentile(alerts.latencies, 95), max: Math.max(...alerts.latencies) }, stepWrittenMs: { median: percentile(alerts.stepWritten, 50), p95: percentile(alerts.stepWritten, 95) } },
      undelivered,
      errors: { count: ledger.errorCount, byKind: Object.fromEntries(ledger.errors), samples: ledger.errorSamples },
      memory: report,
    };
    writeFileSync('test-results/soak.json', JSON.stringify(result, null, 2) + '\n');

    expect(server.alive).toBe(true);
    expect(posted).toBeGreaterThan(0);
    expect(alerts.latencies.length).toBeGreaterThan(0);
    expect(taken).toBeGreaterThan(0);
    expect({ lost: verdict.lost, duplicated: verdict.duplicated, samples: verdict.samples }).toEqual({ lost: 0, duplicated: 0, samples: [] });
    expect({ errors: ledger.errorCount, samples: ledger.errorSamples }).toEqual({ errors: 0, samples: [] });
    expect({ missedAlerts: alerts.missed, undelivered, openRequests: verdict.openRequests }).toEqual({ missedAlerts: 0, undelivered: 0, openRequests: 0 });
    // What the server keeps is bounded (caches, the hubs' recent changes): its heap after a full collection does not keep growing.
    expect(report.heapAfterGc.end).toBeLessThan(2 * report.heapAfterGc.start + 64);
  });
});

async function storedDocs(): Promise<Record<Collection, Map<string, Record<string, unknown> & { _id: string; _rev?: string }>>> {
  const read = async (db: Collection) => new Map((await server.docs(db)).map((d) => [d._id, d]));
  return { requests: await read('requests'), patients: await read('patients'), messages: await read('messages'), members: await read('members') };
}
