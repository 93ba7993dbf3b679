/**
 * The audit log of patient data: who read, opened or downloaded what, when and how. Kept in a
 * server-only database (at least 6 months); entries are batched so a sync of many documents costs
 * one write. Entries from devices (a case opened offline) carry their own id, so a retried upload
 * is recorded once.
 */
import { randomUUID } from 'node:crypto';
import type { AuditEntry } from '../../src/domain/audit/api';
import type { Logger } from '../log';
import type { Couch, Db } from '../storage/couch';

type StoredEntry = Omit<AuditEntry, 'id'> & { _id: string };

const FLUSH_MS = 300;

export class AuditLog {
  private readonly db: Db<StoredEntry>;
  private buffer: StoredEntry[] = [];
  private timer: NodeJS.Timeout | undefined;

  constructor(
    couch: Couch,
    private readonly log: Logger,
  ) {
    this.db = couch.use<StoredEntry>('audit');
  }

  record(entries: AuditEntry[]): void {
    for (const { id, ...entry } of entries) this.buffer.push({ ...entry, _id: id ?? `audit-${entry.at}-${randomUUID()}` });
    this.timer ??= setTimeout(() => void this.flush(), FLUSH_MS);
  }

  /** Writes what is buffered; a device entry already stored (same id) is a harmless conflict. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.buffer;
    this.buffer = [];
    if (!batch.length) return;
    try {
      const res = await this.db.bulk({ docs: batch });
      const failed = res.filter((r) => r.error && r.error !== 'conflict');
      if (failed.length) this.log.error({ failed: failed.length }, 'journal d’accès : écritures refusées');
    } catch (err) {
      // Kept for the next flush rather than lost.
      this.buffer.unshift(...batch);
      this.log.error({ err: (err as Error).message }, 'journal d’accès indisponible ; nouvel essai');
      this.timer ??= setTimeout(() => void this.flush(), 5000);
    }
  }

  async forRequest(requestId: string): Promise<AuditEntry[]> {
    await this.flush();
    const res = await this.db.view<null>('audit', 'by_request', { key: requestId, include_docs: true });
    return res.rows.map((r) => {
      const { _id, _rev, ...entry } = r.doc as StoredEntry & { _rev: string };
      void _rev;
      return { id: _id, ...entry };
    });
  }
}
