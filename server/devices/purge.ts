/**
 * The purge of closed cases from devices, as the Community Health Toolkit does: once a case has been
 * closed for `DEVICE_PURGE_DAYS`, its patient block and messages are marked `purgedFromDevices`
 * (once; the server keeps them whole), and the gateway then hands devices a deletion without data.
 * Runs at start and every hour; a document written meanwhile is caught by the next run.
 */
import { purgeCutoff } from '../../src/domain/requests/purge';
import type { Logger } from '../log';
import type { Couch } from '../storage/couch';
import type { Clock } from '../clock';

const HOUR_MS = 3_600_000;
/** Keys per view request: a sweep after a long pause may find thousands of cases. */
const CHUNK = 200;

export interface PurgeCounts {
  patients: number;
  messages: number;
}

export class DevicePurge {
  private stopTimer: (() => void) | undefined;
  private running: Promise<PurgeCounts> | undefined;

  constructor(
    private readonly couch: Couch,
    private readonly days: number,
    private readonly log: Logger,
    /** A test moves it forward instead of waiting weeks. */
    private readonly clock: Clock,
  ) {}

  start(): void {
    const run = () =>
      this.sweep().then(() => undefined, (err: unknown) => this.log.error({ err: (err as Error).message }, 'retrait des dossiers clos des appareils'));
    void run();
    this.stopTimer = this.clock.every(HOUR_MS, run);
  }

  /** Stops the timer and lets a running sweep finish, so a stopping server does not cut it off from the database. */
  async stop(): Promise<void> {
    this.stopTimer?.();
    await this.running?.catch(() => undefined);
  }

  /** Marks what is due now; one sweep at a time (a second call waits for the running one, then runs). */
  async sweep(): Promise<PurgeCounts> {
    while (this.running) await this.running.catch(() => undefined);
    this.running = this.sweepOnce();
    try {
      return await this.running;
    } finally {
      this.running = undefined;
    }
  }

  private async sweepOnce(): Promise<PurgeCounts> {
    const now = this.clock.now();
    const closed = await this.couch.use('requests').view('purge', 'closed', { endkey: purgeCutoff(this.days, now), inclusive_end: false });
    const requestIds = closed.rows.map((r) => r.id);
    const counts = { patients: await this.mark('patients', requestIds, now), messages: await this.mark('messages', requestIds, now) };
    if (counts.patients || counts.messages) this.log.info({ ...counts, days: this.days }, 'dossiers clos retirés des appareils');
    return counts;
  }

  /** Marks the documents of these requests that devices still keep; a conflict is left to the next run. */
  private async mark(dbName: 'patients' | 'messages', requestIds: string[], now: number): Promise<number> {
    const db = this.couch.use<Record<string, unknown>>(dbName);
    const at = new Date(now).toISOString();
    let marked = 0;
    for (let i = 0; i < requestIds.length; i += CHUNK) {
      const kept = await db.view('purge', 'kept', { keys: requestIds.slice(i, i + CHUNK), include_docs: true });
      const docs = kept.rows.map((r) => r.doc).filter((d): d is NonNullable<typeof d> => Boolean(d));
      if (!docs.length) continue;
      const written = await db.bulk({ docs: docs.map((d) => ({ ...d, purgedFromDevices: at })) });
      marked += written.filter((w) => !w.error).length;
    }
    return marked;
  }
}
