/**
 * The backup file: gzipped JSON lines. A header, the server's own files (VAPID keys, session
 * secret), every document of every database with its revision and attachments, then for each
 * followed database the documents its reactions had not handled yet, and an end line with counts.
 */

export const BACKUP_FORMAT = 'cpts-backup';
export const BACKUP_VERSION = 1;

/** Files of DATA_DIR that a platform needs back with its databases, when they exist. */
export const DATA_FILES = ['vapid.json', 'session-secret'] as const;

export type BackupLine =
  | { kind: 'header'; format: typeof BACKUP_FORMAT; version: number; createdAt: string; territory: string; databases: string[] }
  | { kind: 'file'; name: (typeof DATA_FILES)[number]; content: string }
  | { kind: 'doc'; db: string; doc: StoredDoc }
  /** Documents changed after the oldest checkpoint of a reaction following `db`: handled again after a restore. */
  | { kind: 'pending'; db: string; ids: string[] }
  | { kind: 'end'; counts: Record<string, number>; attachments: number };

export interface StoredDoc {
  _id: string;
  _rev: string;
  _attachments?: Record<string, { content_type: string; data?: string; stub?: boolean; length?: number; digest?: string; revpos?: number }>;
  [field: string]: unknown;
}

export class BackupFileError extends Error {}

/** A line read back, checked enough that a wrong or damaged file stops the restore with its line number. */
export function parseLine(text: string, line: number): BackupLine {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new BackupFileError(`ligne ${line} illisible : le fichier est tronqué ou n’est pas une sauvegarde`);
  }
  const kind = (value as { kind?: unknown })?.kind;
  if (line === 1) {
    const header = value as { format?: unknown; version?: unknown };
    if (kind !== 'header' || header.format !== BACKUP_FORMAT) throw new BackupFileError('ce fichier n’est pas une sauvegarde de la plateforme');
    if (header.version !== BACKUP_VERSION) throw new BackupFileError(`sauvegarde au format ${String(header.version)}, cette version lit le format ${BACKUP_VERSION}`);
  }
  if (!['header', 'file', 'doc', 'pending', 'end'].includes(kind as string)) throw new BackupFileError(`ligne ${line} : type « ${String(kind)} » inconnu`);
  return value as BackupLine;
}
