/**
 * Benchmark (not a test): alert latency and server cost per change as live clients grow.
 * The server runs in its own process (demo directory of about 1,700 entries and its year of 4,000
 * requests). 10 nurses are made available next to the patient; 10, 100 then 1,600 lightweight
 * long-poll clients (`server/testing/longpoll-client.ts`, RxDB's live loop) follow `requests`, the 10 nurses
 * among them. A GP posts requests through the gateway; the latency is from the post until the
 * alerted card is received by each nurse's client. CPU time of the server and of the database
 * process per posted request (in bursts, see `burst`), idle load, and memory, at each client count.
 * Writes bench/results/alerts.json.
 *
 * ALERTS_CLUSTER=1: the region's platform instead: two server instances on a three-node Apache
 * CouchDB cluster (the start script of ../shared/couchdb/, or COUCHDB_START), a directory of about
 * 16,000 members (the demo's, and copies of them spread over nine more territories), 10, 1,600 then
 * 10,000 clients spread over both instances. Writes bench/results/alerts-cluster.json.
 *
 * The nurses' clients live in this process, which times their arrivals; the others in a child
 * process (`lib/client-swarm.ts`), so that thousands of re-polls do not delay the timing; this
 * process's own event-loop delay is reported beside the servers'.
 */
import { randomBytes } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, demo } from '../server/testing/server';
import { newRequest, patientFor, post } from '../server/testing/requests';
import { LongPollClient } from '../server/testing/longpoll-client';
import { cpuMsOf, rssMbOf } from '../server/testing/proc';
import { RemoteServer, type Usage } from '../server/testing/remote-server';
import { startCluster } from '../server/testing/couchdb-cluster';
import { loadPerCore, round, sleep, summarize } from './lib/stats';
import { ClientSwarm } from './lib/client-swarm';

const QUICK = process.env.BENCH_QUICK === '1';
const CLUSTER = process.env.ALERTS_CLUSTER === '1';
const SIZES = (process.env.CLIENTS ?? (CLUSTER ? '10,1600,10000' : '10,100,1600')).split(',').map(Number);
/** The region's directory on the cluster: ten territories. */
const REGION_MEMBERS = 16_000;
// On the cluster the idle load of 10,000 clients is large beside a post's cost: more posts per window to measure it.
const POSTS = Number(process.env.POSTS ?? (QUICK ? 10 : CLUSTER ? 120 : 40));
const IDLE_MS = QUICK ? 8_000 : 16_000;
/** Windows of posts for the latency (the server's loop delay is taken over each). */
const WINDOWS = QUICK ? 2 : 4;
/** Bursts of posts over which CPU time is taken (its median is reported), and the posts in each. */
const BURSTS = QUICK ? 2 : 4;
const BURST = 20;
const ALERTED = 10;
/** The server's long-poll period (its timeout, or its heartbeat): new clients are spread over it, as real devices are. */
const SPREAD_MS = 25_000;

interface StoredRequest {
  dispatch?: { alerted: string[]; steps: Array<{ at: string }> };
  history?: Array<{ at: string; event: string }>;
}
/** Milliseconds after the post: its write returned, the dispatcher started the search, took its first step; the last alerted client had the card. */
type Phases = { written: number; started: number; stepped: number; lastArrival: number };

const cpuMs = (u: Usage) => (u.cpu.user + u.cpu.system) / 1000;
const mb = (bytes: number) => Math.round(bytes / 1024 ** 2);

/** Waits until the database's processes use under a tenth of a core over 2 s (at most 5 minutes); resolves with the time waited in ms. */
async function settle(dbCpuMs: () => number): Promise<number> {
  const start = performance.now();
  for (;;) {
    const before = dbCpuMs();
    await sleep(2000);
    if ((dbCpuMs() - before) / 2000 < 0.1 || performance.now() - start > 300_000) return performance.now() - start;
  }
}

/** Where the bench runs: one server on its embedded database, or two instances on a CouchDB cluster. */
interface Platform {
  servers: RemoteServer[];
  /** The database's processes (the embedded PouchDB Server, or the cluster's nodes). */
  dbPids: number[];
  stop(): Promise<void>;
}

async function embedded(): Promise<Platform> {
  const server = await RemoteServer.start({ DEMO_ACTIVITY: '1' });
  return { servers: [server], dbPids: [server.dbPid ?? 0], stop: () => server.stop() };
}

async function cluster(): Promise<Platform> {
  const script = path.resolve(process.env.COUCHDB_START ?? '../shared/couchdb/couchdb-start.sh');
  if (!existsSync(script)) throw new Error(`${script} is missing: ALERTS_CLUSTER=1 needs the CouchDB release beside the repository`);
  const dir = mkdtempSync(path.join(tmpdir(), 'cpts-bench-cluster-'));
  const couch = await startCluster(dir, script);
  const servers: RemoteServer[] = [];
  try {
    const [n1, n2, n3] = couch.urls;
    // One platform: the same databases, session secret and demo; each instance prefers another node.
    const common = { COUCHDB_PREFIX: 'bench_', SESSION_SECRET: randomBytes(24).toString('base64url'), DEMO_ACTIVITY: '1' };
    servers.push(await RemoteServer.start({ ...common, COUCHDB_URL: [n1, n2, n3].join(',') }));
    servers.push(await RemoteServer.start({ ...common, COUCHDB_URL: [n2, n3, n1].join(',') }));
    const t = performance.now();
    const added = await servers[0].call<number>('regionMembers', REGION_MEMBERS);
    console.log(`${added} members added (${REGION_MEMBERS} in all) in ${Math.round(performance.now() - t)} ms`);
  } catch (err) {
    await Promise.all(servers.map((s) => s.stop()));
    await couch.stop();
    throw err;
  }
  return {
    servers,
    dbPids: couch.pids(),
    async stop() {
      await Promise.all(servers.map((s) => s.stop()));
      await couch.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The servers' usage: CPU time summed, long-polls waiting summed, each instance's memory. */
async function usageOf(servers: RemoteServer[], collectGarbage = false) {
  const all = await Promise.all(servers.map((s) => s.usage(collectGarbage)));
  return {
    cpuMs: all.reduce((t, u) => t + cpuMs(u), 0),
    accountReads: all.reduce((t, u) => t + u.accountReads, 0),
    waiting: all.reduce((t, u) => t + (u.waiting.requests ?? 0), 0),
    loopDelayMs: { p99: Math.max(...all.map((u) => u.loopDelayMs.p99)), max: Math.max(...all.map((u) => u.loopDelayMs.max)) },
    memory: all.map((u) => u.memory),
  };
}

async function main() {
  const platform = CLUSTER ? await cluster() : await embedded();
  const { servers } = platform;
  const [server] = servers;
  const dbCpuMs = () => platform.dbPids.reduce((t, pid) => t + cpuMsOf(pid), 0);
  // The 10 nurses' clients in this process, where arrivals are timed; the others in a child process of their own.
  const clients: LongPollClient[] = [];
  let connected = 0;
  let swarm: ClientSwarm | undefined;
  try {
    const members = await server.members();
    const gp = new Client(server.url);
    const gpId = (await gp.login(demo('generaliste').email, demo('generaliste').password)).json.user.memberId as string;
    const active = members.filter((m) => m.status === 'active' && m.id !== gpId && m.id !== 'm-coordination');
    const nurses = active.filter((m) => m.profession === '60' && m.kind === 'professional').slice(0, ALERTED).map((m) => m.id);
    const others = active.filter((m) => !nurses.includes(m.id)).map((m) => m.id);
    const max = Math.max(...SIZES);
    if (others.length + ALERTED < max) throw new Error(`only ${others.length + ALERTED} members for ${max} clients`);
    // Room in their weekly alert budget for every post of the run: over it, the dispatcher would
    // rightly leave them out, and their missing arrivals would read as late cards.
    await server.makeAvailable(nurses, 0.05, 100 + SIZES.length * (POSTS + 2 + BURSTS * BURST));
    const who = [...nurses, ...others.slice(0, max - ALERTED)];
    const t = performance.now();
    const cookies = await server.sessions(who);
    console.log(`${who.length} accounts and sessions in ${Math.round(performance.now() - t)} ms`);
    if (CLUSTER) {
      // The set-up's writes (members, accounts, sessions) leave view indexes and compactions to the database: done before measuring.
      await server.call('buildViews');
      console.log(`view indexes built and database idle ${Math.round((await settle(dbCpuMs)) / 1000)} s after the sessions`);
    }
    await sleep(1500);

    // Arrivals of the card being measured, by client index; and, in a burst, the clients each card reached.
    let watched = '';
    let arrivals = new Map<number, number>();
    let burstArrivals = new Map<string, Set<number>>();
    const arrived = (i: number, ids: string[], at: number) => {
      if (ids.includes(watched) && !arrivals.has(i)) arrivals.set(i, at);
      for (const id of ids) burstArrivals.get(id)?.add(i);
    };
    swarm = new ClientSwarm(arrived);
    // Clients spread over the instances (the nurses too: every other one on each).
    const bases = servers.map((s) => new URL(s.url));
    const connect = (from: number, to: number, spreadMs: number) => {
      const others = [];
      for (let i = from; i < to; i++) {
        const delayMs = Math.random() * spreadMs;
        if (i >= ALERTED) {
          others.push({ index: i, base: bases[i % bases.length], cookie: cookies[i], delayMs });
          continue;
        }
        const client = new LongPollClient(bases[i % bases.length], 'requests', cookies[i], (docs, at) => arrived(i, docs.map((d) => String(d._id)), at));
        clients.push(client);
        client.start(delayMs);
      }
      swarm!.connect(others);
      connected = to;
    };
    const polls = async () => clients.reduce((s, c) => s + c.polls, 0) + (await swarm!.polls());

    /**
     * Posts a request and its patient block; resolves with each alerted client's latency in ms, the
     * alerted members, and where the time went (wall clock, shared by the processes of this machine).
     */
    const postOne = async (): Promise<{ latencies: number[]; alerted: string[]; phases: Phases }> => {
      const deadline = new Date(Date.now() + 48 * 3_600_000).toISOString();
      // '48h': the next circle is two hours away, so the alerted set stays the 10 nurses during the run.
      const request = newRequest(gpId, { urgency: '48h', deadline });
      watched = request.id;
      arrivals = new Map();
      const wall0 = Date.now();
      const t0 = performance.now();
      const res = await post(gp, 'requests', [request]);
      const written = performance.now() - t0;
      if (!res.json?.[0]?.ok) throw new Error(`post refused: ${JSON.stringify(res.json)}`);
      await post(gp, 'patients', [patientFor(request)]);
      const end = Date.now() + 15_000;
      while (arrivals.size < ALERTED && Date.now() < end) await sleep(5);
      const latencies = [...arrivals.values()].map((at) => at - t0);
      const stored = await server.call<StoredRequest>('request', request.id);
      const started = Date.parse(stored.history?.find((h) => h.event === 'start-search')?.at ?? '') - wall0;
      const stepped = Date.parse(stored.dispatch?.steps[0]?.at ?? '') - wall0;
      const phases = { written, started, stepped, lastArrival: latencies.length ? Math.max(...latencies) : NaN };
      return { latencies, alerted: stored.dispatch?.alerted ?? [], phases };
    };

    /**
     * CPU per posted request: BURST posts one after the other without waiting for their alerts, the
     * CPU time taken from the first post until every alerted client has every card. Over these few
     * seconds the idle load (then long-poll timeouts: 280 ms/s of the servers' CPU at 10,000 clients) was
     * small beside the posts' cost; over the latency windows, where each post waits for its arrivals
     * and a pause, it was nine tenths of the CPU time, and its noise made the net figure meaningless.
     */
    const burst = async () => {
      burstArrivals = new Map();
      const u = await usageOf(servers);
      const db = dbCpuMs();
      const t = performance.now();
      for (let i = 0; i < BURST; i++) {
        const request = newRequest(gpId, { urgency: '48h', deadline: new Date(Date.now() + 48 * 3_600_000).toISOString() });
        burstArrivals.set(request.id, new Set());
        const res = await post(gp, 'requests', [request]);
        if (!res.json?.[0]?.ok) throw new Error(`post refused: ${JSON.stringify(res.json)}`);
        await post(gp, 'patients', [patientFor(request)]);
      }
      const end = Date.now() + 30_000;
      while ([...burstArrivals.values()].some((c) => c.size < ALERTED) && Date.now() < end) await sleep(5);
      const seconds = (performance.now() - t) / 1000;
      const after = await usageOf(servers);
      const missed = [...burstArrivals.values()].reduce((n, c) => n + Math.max(0, ALERTED - c.size), 0);
      burstArrivals = new Map();
      return { seconds, serverMs: after.cpuMs - u.cpuMs, dbMs: dbCpuMs() - db, missed };
    };

    const results = [];
    for (const size of SIZES) {
      const spread = size <= 10 ? 0 : SPREAD_MS;
      connect(connected, size, spread);
      // New clients, then one session-cache lifetime (30 s), so the idle load measured is the steady one.
      await sleep(spread + 3000 + (spread ? 30_000 : 0));
      for (let i = 0; i < 2; i++) await postOne(); // warm-up
      await sleep(1000);

      // Idle, before and after the posts: what the connected clients cost with nothing happening
      // (heartbeats, and the re-polls of clients started more than 5 minutes before); the database also
      // compacts in the background now and then.
      const idleWindow = async () => {
        const polls0 = await polls();
        const u = await usageOf(servers);
        const db = dbCpuMs();
        const t = performance.now();
        await sleep(IDLE_MS / 2);
        const seconds = (performance.now() - t) / 1000;
        const end = await usageOf(servers);
        return {
          seconds,
          sessionReadsPerS: (end.accountReads - u.accountReads) / seconds,
          serverMsPerS: (end.cpuMs - u.cpuMs) / seconds,
          dbMsPerS: (dbCpuMs() - db) / seconds,
          pollsPerS: ((await polls()) - polls0) / seconds,
        };
      };
      const idleBefore = await idleWindow();

      // Posting: one request at a time, until every alerted client has it, then a short pause; the
      // server's loop delay is taken per window of posts.
      const perClient: number[] = [];
      const perPost: number[] = [];
      const phases: Phases[] = [];
      const windows: Array<{ loop: { p99: number; max: number }; ownLoop: { p99: number; max: number } }> = [];
      const ownLoop = monitorEventLoopDelay({ resolution: 10 });
      ownLoop.enable();
      let missed = 0;
      const alertedSet = new Set<string>();
      for (let w = 0; w < WINDOWS; w++) {
        const posts = Math.round(POSTS / WINDOWS);
        await usageOf(servers);
        ownLoop.reset();
        for (let i = 0; i < posts; i++) {
          const { latencies, alerted, phases: p } = await postOne();
          phases.push(p);
          alerted.forEach((a) => alertedSet.add(a));
          perClient.push(...latencies);
          if (latencies.length < ALERTED) missed += ALERTED - latencies.length;
          else perPost.push(Math.max(...latencies));
          await sleep(300 + Math.random() * 400);
        }
        windows.push({ loop: (await usageOf(servers)).loopDelayMs, ownLoop: { p99: ownLoop.percentile(99) / 1e6, max: ownLoop.max / 1e6 } });
      }
      const bursts: Array<Awaited<ReturnType<typeof burst>>> = [];
      for (let b = 0; b < BURSTS; b++) {
        bursts.push(await burst());
        await sleep(1000);
      }
      const u1 = await usageOf(servers);
      const idleAfter = await idleWindow();
      const idle = {
        seconds: idleBefore.seconds + idleAfter.seconds,
        serverMsPerS: (idleBefore.serverMsPerS + idleAfter.serverMsPerS) / 2,
        dbMsPerS: (idleBefore.dbMsPerS + idleAfter.dbMsPerS) / 2,
        pollsPerS: (idleBefore.pollsPerS + idleAfter.pollsPerS) / 2,
        sessionReadsPerS: (idleBefore.sessionReadsPerS + idleAfter.sessionReadsPerS) / 2,
      };
      const perPostOfBursts = (f: (b: (typeof bursts)[number]) => number) => summarize(bursts.map((b) => f(b) / BURST));
      const afterGc = await usageOf(servers, true);
      const unexpected = [...alertedSet].filter((a) => !nurses.includes(a));
      const result = {
        clients: size,
        instances: servers.length,
        waiting: u1.waiting,
        posts: POSTS,
        missedArrivals: missed,
        unexpectedAlerted: unexpected.length,
        latencyAllAlertedMs: summarize(perPost),
        latencyPerClientMs: summarize(perClient),
        // Medians of where the time went: post written, search started, first circle written, last arrival.
        phasesMs: {
          written: summarize(phases.map((p) => p.written)),
          searchStarted: summarize(phases.map((p) => p.started), 0),
          circleWritten: summarize(phases.map((p) => p.stepped), 0),
          lastArrival: summarize(phases.map((p) => p.lastArrival)),
        },
        serverLoopDelayMs: { p99: round(Math.max(...windows.map((w) => w.loop.p99))), max: round(Math.max(...windows.map((w) => w.loop.max))) },
        // The measuring process's (the GP, the nurses' clients): what it adds to the latencies timed.
        benchLoopDelayMs: { p99: round(Math.max(...windows.map((w) => w.ownLoop.p99))), max: round(Math.max(...windows.map((w) => w.ownLoop.max))) },
        idle: { seconds: round(idle.seconds), pollsPerSecond: round(idle.pollsPerS), sessionReadsPerSecond: round(idle.sessionReadsPerS), serverCpuMsPerSecond: round(idle.serverMsPerS), dbCpuMsPerSecond: round(idle.dbMsPerS) },
        // Medians over the bursts; "net": minus the idle load over the same time, what the change itself costs.
        perPost: {
          serverCpuMs: perPostOfBursts((b) => b.serverMs).median,
          dbCpuMs: perPostOfBursts((b) => b.dbMs).median,
          serverCpuMsNetOfIdle: perPostOfBursts((b) => b.serverMs - idle.serverMsPerS * b.seconds).median,
          dbCpuMsNetOfIdle: perPostOfBursts((b) => b.dbMs - idle.dbMsPerS * b.seconds).median,
          burst: { posts: BURST, seconds: summarize(bursts.map((b) => b.seconds)), missedArrivals: bursts.reduce((n, b) => n + b.missed, 0) },
          // The spread over the bursts.
          bursts: {
            serverCpuMsNetOfIdle: perPostOfBursts((b) => b.serverMs - idle.serverMsPerS * b.seconds),
            dbCpuMsNetOfIdle: perPostOfBursts((b) => b.dbMs - idle.dbMsPerS * b.seconds),
          },
        },
        // Per server instance; the database's processes summed.
        memory: {
          serverRssMb: Math.max(...u1.memory.map((m) => mb(m.rss))),
          serverRssMbPerInstance: u1.memory.map((m) => mb(m.rss)),
          serverHeapUsedMb: Math.max(...u1.memory.map((m) => mb(m.heapUsed))),
          serverHeapAfterGcMb: Math.max(...afterGc.memory.map((m) => mb(m.heapUsed))),
          dbRssMb: platform.dbPids.reduce((t, pid) => t + rssMbOf(pid), 0),
        },
        loadPerCore: await loadPerCore(),
      };
      results.push(result);
      console.log(
        `${size} clients (${result.waiting} waiting): all ${ALERTED} alerted median ${result.latencyAllAlertedMs.median} ms, p95 ${result.latencyAllAlertedMs.p95} ms ` +
          `(per client p95 ${result.latencyPerClientMs.p95} ms, missed ${missed}); per post: server ${result.perPost.serverCpuMs} ms CPU (net ${result.perPost.serverCpuMsNetOfIdle}), ` +
          `database ${result.perPost.dbCpuMs} ms (net ${result.perPost.dbCpuMsNetOfIdle}); idle ${result.idle.pollsPerSecond} polls/s (${result.idle.sessionReadsPerSecond} session reads/s), server ${result.idle.serverCpuMsPerSecond} ms/s, database ${result.idle.dbCpuMsPerSecond} ms/s; ` +
          `phases (median ms) written ${result.phasesMs.written.median}, search started ${result.phasesMs.searchStarted.median}, circle written ${result.phasesMs.circleWritten.median}, last arrival ${result.phasesMs.lastArrival.median}; ` +
          `server loop delay p99 ${result.serverLoopDelayMs.p99} ms, max ${result.serverLoopDelayMs.max} ms; bench's own p99 ${result.benchLoopDelayMs.p99} ms, max ${result.benchLoopDelayMs.max} ms; RSS server ${result.memory.serverRssMbPerInstance.join(' + ')} MB (heap after GC ${result.memory.serverHeapAfterGcMb} MB), database ${result.memory.dbRssMb} MB; load/core ${result.loadPerCore}`,
      );
    }
    mkdirSync('bench/results', { recursive: true });
    const where = CLUSTER ? `two server instances on a three-node Apache CouchDB cluster, ${REGION_MEMBERS} members` : 'one server on its embedded database';
    const out = { date: new Date().toISOString(), alerted: ALERTED, where, client: 'lightweight long-poll clients in Node (RxDB live loop), the 10 nurses’ in the measuring process and the others in a child process', sizes: results };
    writeFileSync(`bench/results/${CLUSTER ? 'alerts-cluster' : 'alerts'}.json`, JSON.stringify(out, null, 2) + '\n');
  } finally {
    clients.forEach((c) => c.stop());
    swarm?.stop();
    await platform.stop();
  }
}

await main();
