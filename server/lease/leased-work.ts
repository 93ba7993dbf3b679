/**
 * Runs work while this instance holds its lease: started when the lease is taken, stopped when it is
 * lost or cannot be renewed before it expires. One round at start (a lone server takes it at once),
 * then one every third of the lease's life.
 */
import type { Clock } from '../clock';
import type { Logger } from '../log';
import type { Lease } from './lease';

export interface Work {
  start(): Promise<void>;
  stop(): Promise<void>;
}

export class LeasedWork {
  private running = false;
  private round?: Promise<void>;
  private stopTimer?: () => void;
  private stopped = false;

  constructor(
    private readonly lease: Lease,
    private readonly work: Work,
    private readonly log: Logger,
    private readonly clock: Pick<Clock, 'every'>,
  ) {}

  /** Whether the work runs on this instance. */
  get active(): boolean {
    return this.running;
  }

  async start(): Promise<void> {
    await this.check();
    this.stopTimer = this.clock.every(Math.max(100, Math.floor(this.lease.ttlMs / 3)), () => this.check());
  }

  /** Stops the work and hands the lease over at once. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.stopTimer?.();
    await this.round;
    if (this.running) await this.work.stop();
    this.running = false;
    await this.lease.release().catch(() => undefined);
  }

  /** One round at a time: a slow database does not pile them up. */
  check(): Promise<void> {
    this.round ??= this.renew().finally(() => (this.round = undefined));
    return this.round;
  }

  private async renew(): Promise<void> {
    let held: boolean;
    try {
      held = await this.lease.tryHold();
    } catch (err) {
      // The database out of reach: the work goes on until the lease would expire, then stops.
      held = this.lease.holds();
      if (!held && this.running) this.log.warn({ err: (err as Error).message }, 'bail non renouvelé / lease not renewed');
    }
    if (this.stopped) return;
    if (held && !this.running) {
      this.running = true;
      this.log.info({ holder: this.lease.holder }, 'cette instance assure le travail unique / this instance runs the once-only work');
      try {
        await this.work.start();
      } catch (err) {
        // Started in part (the database failed meanwhile): stopped, and started again next round.
        this.log.warn({ err: (err as Error).message }, 'démarrage du travail unique impossible ; nouvel essai / once-only work could not start; retrying');
        this.running = false;
        await this.work.stop().catch(() => undefined);
      }
    } else if (!held && this.running) {
      this.running = false;
      this.log.warn({ holder: this.lease.holder }, 'bail perdu : travail unique arrêté sur cette instance / lease lost: once-only work stopped here');
      await this.work.stop();
    }
  }
}
