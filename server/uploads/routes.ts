/** `/api/uploads/:uploadId`: a participant of a case sends a photo or a PDF as the raw body, and participants download it. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { badRequest, forbidden, HttpError, notFound } from '../http/errors';
import type { Sessions } from '../session/sessions';
import type { Uploads } from './uploads';
import type { AuditLog } from '../audit/audit';
import { requireUser } from '../session/auth';
import { readAtMost } from './body';
import { isUploadType, matchesType, mediaType } from './magic';
import { isParticipant } from './rights';

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
const UPLOAD_ID = /^[a-z0-9-]{8,80}$/;
const REQUEST_ID = /^r-[a-z0-9-]{8,62}$/;

const tooLarge = () => new HttpError(413, `Le fichier dépasse la taille maximale (${MAX_UPLOAD_BYTES / 1024 / 1024} Mo) : réduisez la photo ou le document.`);
const notParticipant = () => forbidden('Seuls le demandeur, le professionnel qui a pris en charge la demande et la coordination ont accès aux fichiers de ce dossier.');

function uploadIdOf(request: FastifyRequest): string {
  const id = (request.params as { uploadId: string }).uploadId;
  if (!UPLOAD_ID.test(id)) throw badRequest('Identifiant de fichier invalide : 8 à 80 caractères parmi a-z, 0-9 et « - ».', [{ field: 'uploadId', message: 'identifiant invalide' }]);
  return id;
}

function requestIdOf(request: FastifyRequest): string {
  const id = (request.query as Record<string, unknown>).requestId;
  if (typeof id !== 'string' || !REQUEST_ID.test(id)) {
    throw badRequest('Paramètre « requestId » : identifiant de demande manquant ou invalide (r-…).', [{ field: 'requestId', message: 'identifiant invalide' }]);
  }
  return id;
}

/**
 * A body left unread (a refusal, or a file already stored) is drained, at most the size limit and
 * nothing kept, so the browser's outbox reliably reads the answer instead of a reset connection
 * and retrying for ever; a body beyond the limit is cut by closing the connection.
 */
async function settleUnreadBody(request: FastifyRequest, reply: FastifyReply, error?: unknown): Promise<void> {
  if (!(await drained(request, error))) reply.header('connection', 'close');
}

async function drained(request: FastifyRequest, error: unknown): Promise<boolean> {
  if ((error as HttpError | undefined)?.status === 413) return false;
  if (Number(request.headers['content-length'] ?? 0) > MAX_UPLOAD_BYTES) return false;
  if (!(request.body instanceof Readable)) return true;
  const rest = await readAtMost(request.body, MAX_UPLOAD_BYTES, false).catch(() => undefined);
  return rest !== undefined;
}

export function uploadRoutes(app: FastifyInstance, { sessions, uploads, audit }: { sessions: Sessions; uploads: Uploads; audit: AuditLog }): void {
  const signedIn = requireUser(sessions);

  void app.register(async (scope) => {
    // The body is the file itself, read by the handler once the rights are checked (and never past the limit).
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    scope.addHook('onError', settleUnreadBody);

    scope.put('/api/uploads/:uploadId', { preHandler: signedIn }, async (request, reply) => {
      const user = request.user!;
      const uploadId = uploadIdOf(request);
      const requestId = requestIdOf(request);
      const type = mediaType(request.headers['content-type']);
      if (!isUploadType(type)) throw new HttpError(415, 'Type de fichier non accepté : photos JPEG, PNG ou WebP, et documents PDF seulement.');
      if (Number(request.headers['content-length'] ?? 0) > MAX_UPLOAD_BYTES) throw tooLarge();
      const parties = await uploads.parties(requestId);
      if (!parties) throw notFound('Demande inconnue du serveur : si elle a été créée hors ligne, réessayez après synchronisation.');
      if (!isParticipant(user, parties)) throw notParticipant();

      const existing = await uploads.find(uploadId);
      if (existing && existing.requestId !== requestId) throw new HttpError(409, 'Cet identifiant de fichier est déjà utilisé pour une autre demande.');
      if (existing) {
        // A retry from the device's outbox: the file is already here, nothing is rewritten.
        await settleUnreadBody(request, reply);
        return reply.code(200).send(describe(existing));
      }

      const content = await fileOf(request);
      if (!matchesType(type, content)) throw badRequest(`Le contenu du fichier ne correspond pas au type annoncé (${type}).`);
      const { upload, created } = await uploads.store(
        { _id: uploadId, requestId, authorId: user.memberId, contentType: type, size: content.length, createdAt: new Date().toISOString() },
        content,
      );
      if (upload.requestId !== requestId) throw new HttpError(409, 'Cet identifiant de fichier est déjà utilisé pour une autre demande.');
      return reply.code(created ? 201 : 200).send(describe(upload));
    });
  });

  app.get('/api/uploads/:uploadId', { preHandler: signedIn }, async (request, reply) => {
    const user = request.user!;
    const upload = await uploads.find(uploadIdOf(request));
    if (!upload) throw notFound('Fichier introuvable.');
    // A request gone from the server leaves its files to the coordination only.
    if (!isParticipant(user, await uploads.parties(upload.requestId))) throw notParticipant();
    if (request.method === 'GET') {
      audit.record([{ at: new Date().toISOString(), memberId: user.memberId, action: 'download', collection: 'uploads', docId: upload._id, requestId: upload.requestId, via: 'upload' }]);
    }
    return reply
      .type(upload.contentType)
      .header('content-length', upload.size)
      .header('cache-control', 'private, max-age=31536000, immutable')
      .header('x-content-type-options', 'nosniff')
      .header('content-disposition', 'inline')
      .send(uploads.open(upload._id));
  });
}

/** The body, read up to the limit; a client that goes away meanwhile gets a 400 nobody will read, rather than a logged 500. */
async function fileOf(request: FastifyRequest): Promise<Buffer> {
  if (!(request.body instanceof Readable)) throw badRequest('Le fichier est vide.');
  let content: Buffer | undefined;
  try {
    content = await readAtMost(request.body, MAX_UPLOAD_BYTES);
  } catch {
    throw badRequest('L’envoi du fichier a été interrompu.');
  }
  if (!content) throw tooLarge();
  if (content.length === 0) throw badRequest('Le fichier est vide.');
  return content;
}

function describe(upload: { _id: string; requestId: string; contentType: string; size: number; createdAt: string }) {
  return { id: upload._id, requestId: upload.requestId, contentType: upload.contentType, size: upload.size, createdAt: upload.createdAt };
}
