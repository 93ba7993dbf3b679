/** The client's one logger: an error goes to the console and, scrubbed, merged, rate-limited and batched, to the server and the coordinators' technical view. */
import { APP_VERSION, DEV, apiUrl } from './config';
import { onServerReachedAgain } from './data/http';
import { MAX_REPORTS_PER_BATCH, type ClientErrorBatch, type ClientErrorReport, type ClientEvent } from './domain/client-log/api';
import { scrubMessage, scrubName, scrubRoute } from './domain/client-log/scrub';

/** New reports a device keeps per minute; beyond, they are only counted (repeats of a kept one are merged, not counted). */
export const REPORTS_PER_MINUTE = 10;
/** Reports waiting for the network at most; beyond, they are only counted. */
export const MAX_WAITING = 50;
/** Errors often come in bursts: a few seconds' wait sends them in one request. */
export const BATCH_DELAY_MS = 5_000;
/** Offline (or the server starting), the batch is tried again after this long, or as soon as the network is back. */
export const RETRY_MS = 60_000;

/** What sending a batch came to: `offline` keeps it for when the server is reachable again. */
export type SendResult = 'sent' | 'offline' | 'refused';

export interface ClientLogOptions {
  now: () => number;
  send: (batch: ClientErrorBatch) => Promise<SendResult>;
  /** Runs `task` after `ms` (a timer; tests run it by hand). */
  schedule: (task: () => void, ms: number) => void;
  /** The page's path (scrubbed here). */
  route: () => string;
  appVersion?: string;
  /** The local console: the scrubbed report, and the error itself under the development server only. */
  print: (report: ClientErrorReport, err: unknown) => void;
}

export interface ClientLog {
  /** Reports an error at `event`, a fixed name chosen by the calling code. Never throws, never waits. */
  error(event: ClientEvent, err: unknown): void;
  /** Sends what waits now (the network is back). */
  retry(): void;
}

export function createClientLog(options: ClientLogOptions): ClientLog {
  const waiting: ClientErrorReport[] = [];
  let kept: number[] = [];
  let dropped = 0;
  let scheduled = false;
  let sending = false;

  const same = (a: ClientErrorReport, b: ClientErrorReport) => a.event === b.event && a.name === b.name && a.message === b.message && a.route === b.route;

  function report(event: ClientEvent, err: unknown): ClientErrorReport {
    const e = err as { name?: unknown; message?: unknown } | null | undefined;
    const message = typeof e?.message === 'string' ? e.message : typeof err === 'string' ? err : '';
    const version = options.appVersion ? { appVersion: options.appVersion } : {};
    return { event, name: scrubName(e?.name), message: scrubMessage(message), route: scrubRoute(options.route()), ...version, at: new Date(options.now()).toISOString(), count: 1 };
  }

  function error(event: ClientEvent, err: unknown): void {
    try {
      const next = report(event, err);
      try {
        options.print(next, err);
      } catch {
        // No console: the report still goes.
      }
      keep(next);
    } catch {
      // The logger must never be the next error.
    }
  }

  function keep(next: ClientErrorReport): void {
    const repeat = waiting.find((r) => same(r, next));
    if (repeat) {
      repeat.count++;
      return;
    }
    const now = options.now();
    kept = kept.filter((t) => t > now - 60_000);
    if (kept.length >= REPORTS_PER_MINUTE || waiting.length >= MAX_WAITING) dropped++;
    else {
      kept.push(now);
      waiting.push(next);
    }
    later(BATCH_DELAY_MS);
  }

  function later(ms: number): void {
    if (scheduled) return;
    scheduled = true;
    options.schedule(() => {
      scheduled = false;
      void flush();
    }, ms);
  }

  async function flush(): Promise<void> {
    if (sending || (waiting.length === 0 && dropped === 0)) return;
    sending = true;
    const reports = waiting.splice(0, MAX_REPORTS_PER_BATCH);
    const lost = dropped;
    dropped = 0;
    let result: SendResult = 'offline';
    try {
      result = await options.send(lost ? { reports, dropped: lost } : { reports });
    } catch {
      // Counted as offline: kept for later.
    }
    sending = false;
    if (result === 'offline') {
      // Back at the head of the queue; what no longer fits is counted.
      const back = reports.slice(0, Math.max(0, MAX_WAITING - waiting.length));
      waiting.unshift(...back);
      dropped += lost + reports.slice(back.length).reduce((n, r) => n + r.count, 0);
      later(RETRY_MS);
      return;
    }
    // `refused` (signed out, over the server's limit): not sent again, so a refusal cannot loop.
    if (waiting.length > 0) later(BATCH_DELAY_MS);
  }

  return { error, retry: () => void flush() };
}

async function post(batch: ClientErrorBatch): Promise<SendResult> {
  if (globalThis.navigator?.onLine === false) return 'offline';
  try {
    // Plain fetch: a report failing offline must not change what the app believes of the network.
    const res = await fetch(apiUrl('/client-log'), { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json' }, body: JSON.stringify(batch) });
    return res.ok ? 'sent' : res.status === 503 ? 'offline' : 'refused';
  } catch {
    return 'offline';
  }
}

function print(report: ClientErrorReport, err: unknown): void {
  // Under the development server the error itself helps; a production console gets the safe summary only.
  if (DEV) console.error(`[${report.event}]`, err);
  else console.error(`[${report.event}] ${report.name}: ${report.message}`);
}

const browser = typeof window !== 'undefined';

/** The app's logger. */
export const log: ClientLog = createClientLog({
  now: Date.now,
  send: post,
  schedule: (task, ms) => void setTimeout(task, ms),
  route: () => (browser ? location.pathname : '/'),
  appVersion: APP_VERSION,
  print,
});

if (browser) {
  onServerReachedAgain(() => log.retry());
  window.addEventListener('online', () => log.retry());
}
