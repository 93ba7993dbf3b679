/** The RPPS import under way or the last one, for the page that follows it; one import at a time. */
import { HttpError } from '../http/errors';
import { emptyCounts, summaryLine, type ImportCounts, type ImportStatus } from '../../src/domain/rpps/report';
import type { ImportReport } from './import';

/** Rejections sent to the page; the count covers them all. */
export const REJECTIONS_SHOWN = 100;

const TIME = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });

export class ImportTracker {
  private status: ImportStatus = { state: 'idle', counts: emptyCounts() };

  /** Two imports at once would each read the other's half-written batches: the second is refused. */
  start(now = new Date()): void {
    if (this.status.state === 'running') {
      throw new HttpError(409, `Un import RPPS est déjà en cours (commencé à ${TIME.format(Date.parse(this.status.startedAt!))}) : attendez qu’il se termine.`);
    }
    this.status = { state: 'running', startedAt: now.toISOString(), counts: emptyCounts() };
  }

  progress(counts: Readonly<ImportCounts>): void {
    this.status.counts = { ...counts };
  }

  finish(report: ImportReport, now = new Date()): ImportStatus {
    this.status = {
      ...this.status,
      state: 'done',
      finishedAt: now.toISOString(),
      counts: report.counts,
      summary: summaryLine(report.counts),
      rejections: report.rejections.slice(0, REJECTIONS_SHOWN),
    };
    return this.status;
  }

  fail(message: string, now = new Date()): void {
    this.status = { ...this.status, state: 'failed', finishedAt: now.toISOString(), error: message };
  }

  current(): ImportStatus {
    return this.status;
  }
}
