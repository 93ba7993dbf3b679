/** The case files: one document per upload in the server-only `uploads` database, the file as its attachment `file`. */
import type { Readable } from 'node:stream';
import type { Couch, Db } from '../storage/couch';
import { isConflict } from '../storage/couch';
import { getOrUndefined } from '../storage/docs';
import type { UploadType } from './magic';
import type { CaseParties } from './rights';

export interface UploadMeta {
  _id: string;
  requestId: string;
  authorId: string;
  contentType: UploadType;
  size: number;
  createdAt: string;
}

const ATTACHMENT = 'file';

export class Uploads {
  private readonly db: Db<UploadMeta>;
  private readonly requests: Db<CaseParties>;

  constructor(couch: Couch) {
    this.db = couch.use<UploadMeta>('uploads');
    this.requests = couch.use<CaseParties>('requests');
  }

  /** The request's requester and assignee, as the server has them (the client's copy may not be synced yet). */
  async parties(requestId: string): Promise<CaseParties | undefined> {
    const doc = await getOrUndefined(this.requests, requestId);
    return doc ? { requesterId: doc.requesterId, assigneeId: doc.assigneeId } : undefined;
  }

  async find(uploadId: string): Promise<UploadMeta | undefined> {
    const doc = await getOrUndefined(this.db, uploadId);
    if (!doc) return undefined;
    const { _id, requestId, authorId, contentType, size, createdAt } = doc;
    return { _id, requestId, authorId, contentType, size, createdAt };
  }

  /**
   * Writes the document and its file in one request, so a crash never leaves one without the
   * other. When the id was taken meanwhile (the same file sent twice at once), the stored one is
   * returned and `created` is false.
   */
  async store(meta: UploadMeta, content: Buffer): Promise<{ upload: UploadMeta; created: boolean }> {
    const doc = { ...meta, _attachments: { [ATTACHMENT]: { content_type: meta.contentType, data: content.toString('base64') } } };
    try {
      await this.db.insert(doc as UploadMeta);
      return { upload: meta, created: true };
    } catch (err) {
      if (!isConflict(err)) throw err;
      const stored = await this.find(meta._id);
      if (!stored) throw err;
      return { upload: stored, created: false };
    }
  }

  open(uploadId: string): Readable {
    return this.db.attachment.getAsStream(uploadId, ATTACHMENT);
  }
}
