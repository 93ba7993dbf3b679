/** The server's time, passed to every part that reads it or works on a timer, so that a test moves a clock of its own instead of waiting or patching. */

export interface Clock {
  /** Milliseconds since the epoch. */
  readonly now: () => number;
  /** Runs `work` every `ms` until the returned function is called. `work` handles its own errors. */
  every(ms: number, work: () => Promise<void> | void): () => void;
}

/** The machine's clock. Its timers never keep the process alive: the listener does, until the server stops them. */
export const systemClock: Clock = {
  now: Date.now,
  every(ms, work) {
    const timer = setInterval(() => void work(), ms);
    timer.unref();
    return () => clearInterval(timer);
  },
};
