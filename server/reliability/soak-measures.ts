/** Measures for the soak test: the server's and its database's memory over time, CPU shares, the machine's load; percentiles. */
import os from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { cpuMsOf, rssMbOf } from '../testing/proc';
import type { RemoteServer } from '../testing/remote-server';

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Nearest-rank percentile; NaN when there is nothing. */
export function percentile(values: number[], p: number): number {
  if (!values.length) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

interface Sample {
  atS: number;
  rssMb: number;
  heapUsedMb: number;
  dbRssMb: number;
  waiting: number;
  /** Session lookups that missed the server's cache (each reads the session and the account), per second since the previous sample. */
  sessionReadsPerS: number;
  /** Longest event-loop delay since the previous sample, server and this (clients') process, ms. */
  serverLoopMaxMs: number;
  clientLoopMaxMs: number;
  loadPerCore: number;
}
type Range = { start: number; peak: number; end: number };

const mb = (bytes: number) => Math.round(bytes / 1024 ** 2);
const range = (values: number[]): Range => ({ start: values[0], peak: Math.max(...values), end: values[values.length - 1] });
const round2 = (n: number) => Math.round(n * 100) / 100;

export interface MemoryReport {
  rss: Range;
  heap: Range;
  /** JavaScript heap after a full garbage collection, before the load and after it. */
  heapAfterGc: { start: number; end: number };
  dbRss: Range;
  /** CPU time over wall time, from the first sample to the last: 1 is one core. */
  cores: { server: number; database: number; clients: number };
  loadPerCore: { mean: number; max: number };
  samples: Sample[];
}

/** Samples the server process (resident memory, JavaScript heap, waiting long-polls) and its database's memory. */
export class MemorySampler {
  private readonly samples: Sample[] = [];
  private timer: NodeJS.Timeout | undefined;
  private t0 = 0;
  private cpu0 = { server: 0, database: 0, clients: 0 };
  private heapAfterGc0 = 0;
  private last = { at: 0, accountReads: 0 };
  private readonly loop = monitorEventLoopDelay({ resolution: 10 });

  constructor(
    private readonly server: RemoteServer,
    private readonly everyMs: number,
  ) {}

  async start(): Promise<void> {
    this.heapAfterGc0 = mb((await this.server.usage(true)).memory.heapUsed);
    this.loop.enable();
    this.t0 = performance.now();
    this.cpu0 = await this.cpu();
    await this.sample();
    this.timer = setInterval(() => void this.sample().catch(() => undefined), this.everyMs);
  }

  async stop(): Promise<MemoryReport> {
    clearInterval(this.timer);
    await this.sample();
    const cpu = await this.cpu();
    const wallMs = performance.now() - this.t0;
    const heapAfterGc = { start: this.heapAfterGc0, end: mb((await this.server.usage(true)).memory.heapUsed) };
    this.loop.disable();
    const loads = this.samples.map((s) => s.loadPerCore);
    return {
      rss: range(this.samples.map((s) => s.rssMb)),
      heap: range(this.samples.map((s) => s.heapUsedMb)),
      heapAfterGc,
      dbRss: range(this.samples.map((s) => s.dbRssMb)),
      cores: {
        server: round2((cpu.server - this.cpu0.server) / wallMs),
        database: round2((cpu.database - this.cpu0.database) / wallMs),
        clients: round2((cpu.clients - this.cpu0.clients) / wallMs),
      },
      loadPerCore: { mean: round2(loads.reduce((a, b) => a + b, 0) / loads.length), max: round2(Math.max(...loads)) },
      samples: this.samples,
    };
  }

  private async sample(): Promise<void> {
    const u = await this.server.usage();
    const clientLoopMaxMs = Math.round(this.loop.max / 1e6);
    this.loop.reset();
    const now = performance.now();
    const sessionReadsPerS = this.last.at ? Math.round(((u.accountReads - this.last.accountReads) * 1000) / (now - this.last.at)) : 0;
    this.last = { at: now, accountReads: u.accountReads };
    this.samples.push({
      atS: Math.round((performance.now() - this.t0) / 1000),
      rssMb: mb(u.memory.rss),
      heapUsedMb: mb(u.memory.heapUsed),
      dbRssMb: rssMbOf(u.dbPid),
      waiting: Object.values(u.waiting).reduce((a, b) => a + b, 0),
      sessionReadsPerS,
      serverLoopMaxMs: Math.round(u.loopDelayMs.max),
      clientLoopMaxMs,
      loadPerCore: round2(os.loadavg()[0] / os.cpus().length),
    });
  }

  private async cpu(): Promise<{ server: number; database: number; clients: number }> {
    const u = await this.server.usage();
    const own = process.cpuUsage();
    return { server: (u.cpu.user + u.cpu.system) / 1000, database: cpuMsOf(u.dbPid), clients: (own.user + own.system) / 1000 };
  }
}
