/** A clock a test moves forward: the work the server does on a timer runs when the test says, to its end, never behind its back. */
import type { Clock } from '../clock';

interface Timer {
  everyMs: number;
  /** When it next runs, in time advanced by the test. */
  dueAt: number;
  work: () => Promise<void> | void;
}

export class TestClock implements Clock {
  private advanced = 0;
  private readonly timers = new Set<Timer>();

  /** The real time plus what the test advanced: what tests write with the real time stays in order with what the server writes. */
  readonly now = () => Date.now() + this.advanced;

  every(everyMs: number, work: () => Promise<void> | void): () => void {
    const timer = { everyMs, dueAt: this.advanced + everyMs, work };
    this.timers.add(timer);
    return () => void this.timers.delete(timer);
  }

  /**
   * Moves the clock forward, then runs each timer that came due, one after the other, each awaited:
   * once, however many periods the move spans, as a late interval does. Only advancing runs a
   * timer, so what runs does not depend on how long the test took.
   */
  async advance(ms: number): Promise<void> {
    this.advanced += ms;
    for (const timer of [...this.timers]) {
      if (timer.dueAt > this.advanced || !this.timers.has(timer)) continue;
      timer.dueAt = this.advanced + timer.everyMs;
      await timer.work();
    }
  }
}
