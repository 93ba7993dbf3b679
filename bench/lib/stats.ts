/** Summaries of repeated measurements: median and 95th percentile (nearest rank), rounded for the report. */

export interface Summary {
  n: number;
  median: number;
  p95: number;
  min: number;
  max: number;
}

/** Nearest-rank percentile of already sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export function round(value: number, digits = 1): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

export function summarize(values: number[], digits = 1): Summary {
  const sorted = [...values].filter(Number.isFinite).sort((a, b) => a - b);
  return {
    n: sorted.length,
    median: round(percentile(sorted, 50), digits),
    p95: round(percentile(sorted, 95), digits),
    min: round(sorted[0] ?? NaN, digits),
    max: round(sorted[sorted.length - 1] ?? NaN, digits),
  };
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** The machine's load average over the last minute, per core: above 1, others were using the CPU. */
export async function loadPerCore(): Promise<number> {
  const os = await import('node:os');
  return round(os.loadavg()[0] / os.cpus().length, 2);
}

/** Calls `check` every `intervalMs` until it returns something other than false (Playwright's waitForFunction does not await promises). */
export async function until<T>(check: () => Promise<T | false>, what: string, { intervalMs = 100, timeoutMs = 300_000 } = {}): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== false) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(intervalMs);
  }
}
