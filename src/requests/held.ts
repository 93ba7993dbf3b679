/**
 * Answers held a few seconds on the device before they are written, so a tap can be undone (an
 * accept sent by mistake would otherwise need a hand-back). Leaving the page writes them at once:
 * a tap is never lost. The timer is passed in, so tests drive it.
 */

/** Runs `run` after `ms`; the returned function cancels it. */
export type Timer = (run: () => void, ms: number) => () => void;

export const browserTimer: Timer = (run, ms) => {
  const id = setTimeout(run, ms);
  return () => clearTimeout(id);
};

interface Held {
  write: () => Promise<void>;
  cancelTimer: () => void;
}

export class HeldAnswers {
  private readonly held = new Map<string, Held>();

  constructor(
    /** How long an answer can be undone. */
    private readonly delayMs: number,
    private readonly timer: Timer,
    /** Called with the held keys whenever they change. */
    private readonly onChange: (keys: ReadonlySet<string>) => void,
  ) {}

  /** Holds `write` under `key` (one per request); a second hold of the same key keeps the first. */
  hold(key: string, write: () => Promise<void>): void {
    if (this.held.has(key)) return;
    const cancelTimer = this.timer(() => void this.release(key), this.delayMs);
    this.held.set(key, { write, cancelTimer });
    this.changed();
  }

  /** Drops the held answer: nothing is written. True when there was one. */
  undo(key: string): boolean {
    const held = this.held.get(key);
    if (!held) return false;
    held.cancelTimer();
    this.held.delete(key);
    this.changed();
    return true;
  }

  /** Writes every held answer now (the page is going away, or the user confirmed). */
  async flush(): Promise<void> {
    await Promise.all([...this.held.keys()].map((key) => this.release(key)));
  }

  /** Writes the held answer under `key` now. */
  async release(key: string): Promise<void> {
    const held = this.held.get(key);
    if (!held) return;
    held.cancelTimer();
    this.held.delete(key);
    this.changed();
    await held.write();
  }

  has(key: string): boolean {
    return this.held.has(key);
  }

  private changed(): void {
    this.onChange(new Set(this.held.keys()));
  }
}
