/** What an RPPS import reports, as the server sends it and the import page shows it. */

export interface ImportCounts {
  /** Data lines read (the header and blank lines excluded). */
  read: number;
  /** Lines of the territory's communes. */
  kept: number;
  created: number;
  updated: number;
  unchanged: number;
  /** Registered members' entries and entries deleted by a coordinator, left as they are. */
  skipped: number;
  /** Further activities of an RPPS already imported from the file. */
  duplicates: number;
  /** Malformed lines anywhere, and rows of the territory that cannot become an entry. */
  rejected: number;
}

export interface Rejection {
  /** Line number in the file, the header being line 1. */
  line: number;
  reason: string;
}

/** The import under way or the last one (`GET /api/rpps/import/status`, and the answer to an upload). */
export interface ImportStatus {
  state: 'idle' | 'running' | 'done' | 'failed';
  startedAt?: string;
  finishedAt?: string;
  counts: ImportCounts;
  /** `read N, kept N, created N, updated N, rejected N` */
  summary?: string;
  /** The first rejections; `counts.rejected` counts them all. */
  rejections?: Rejection[];
  error?: string;
}

export const emptyCounts = (): ImportCounts => ({ read: 0, kept: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, duplicates: 0, rejected: 0 });

/** The command's last line, for scripts: `read N, kept N, created N, updated N, rejected N`. */
export function summaryLine(c: ImportCounts): string {
  return `read ${c.read}, kept ${c.kept}, created ${c.created}, updated ${c.updated}, rejected ${c.rejected}`;
}
