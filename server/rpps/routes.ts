/** `/api/rpps/import`: a coordinator sends the RPPS extract as the request body, streamed into the import; `/status` follows it. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Readable } from 'node:stream';
import { isCoordinator } from '../../src/domain/session/user';
import { forbidden, HttpError } from '../http/errors';
import type { Sessions } from '../session/sessions';
import type { Couch } from '../storage/couch';
import type { Commune } from '../../src/domain/territory/communes';
import { requireUser } from '../session/auth';
import { MAX_FILE_BYTES, RppsFileError } from './guard';
import { importRpps } from './import';
import { ImportTracker } from './tracker';

/** What a browser sends for a `.txt` file, or for a file whose type it does not know. */
const ACCEPTED_TYPES = ['text/plain', 'text/csv', 'application/octet-stream'];

/**
 * Every refusal of an upload closes the connection, so the server does not read (and throw away)
 * the rest of a 1 GB body it has already refused.
 */
function refuse(reply: FastifyReply, error: HttpError): HttpError {
  reply.header('connection', 'close');
  return error;
}

function coordinatorOnly(sessions: Sessions) {
  const signedIn = requireUser(sessions);
  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    try {
      await signedIn(request, reply);
    } catch (err) {
      throw err instanceof HttpError ? refuse(reply, err) : err;
    }
    if (!isCoordinator(request.user!)) throw refuse(reply, forbidden('L’import RPPS est réservé à la coordination et aux administrateurs de la CPTS.'));
  };
}

export function rppsRoutes(app: FastifyInstance, { sessions, couch, communes }: { sessions: Sessions; couch: Couch; communes: readonly Commune[] }): void {
  const tracker = new ImportTracker();
  const allowed = coordinatorOnly(sessions);

  void app.register(async (scope) => {
    // The body is the file itself: handed to the import as a stream, never buffered nor size-limited by Fastify.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_request, payload, done) => done(null, payload));

    // Rights are checked on the request line, before a byte of the body is read.
    scope.post('/api/rpps/import', { onRequest: allowed }, async (request, reply) => {
      const type = String(request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      if (!ACCEPTED_TYPES.includes(type)) {
        throw refuse(reply, new HttpError(415, 'Envoyez le fichier de l’extrait RPPS tel quel (texte séparé par des |), pas un formulaire ni du JSON.'));
      }
      if (Number(request.headers['content-length'] ?? 0) > MAX_FILE_BYTES) {
        throw refuse(reply, new HttpError(413, `Le fichier dépasse la taille maximale (${MAX_FILE_BYTES / 1024 ** 3} Go).`));
      }
      tracker.start();
      const started = Date.now();
      try {
        const report = await importRpps({
          // An empty body is not handed to the parser: it is an empty file.
          input: request.body instanceof Readable ? request.body : Readable.from([]),
          db: couch.use('members'),
          communes,
          maxBytes: MAX_FILE_BYTES,
          onProgress: (counts) => tracker.progress(counts),
        });
        request.log.info({ account: request.user!.id, ...report.counts, ms: Date.now() - started }, 'import RPPS terminé');
        return tracker.finish(report);
      } catch (err) {
        const message = err instanceof RppsFileError ? err.message : 'L’import a été interrompu (envoi coupé ou base indisponible) ; ce qui précède est enregistré, relancez-le.';
        tracker.fail(message);
        if (err instanceof RppsFileError) throw refuse(reply, new HttpError(err.tooLarge ? 413 : 400, message));
        request.log.warn({ err: (err as Error).message }, 'import RPPS interrompu');
        throw err;
      }
    });
  });

  app.get('/api/rpps/import/status', { onRequest: allowed }, async (_request, reply) => {
    reply.header('cache-control', 'no-store');
    return tracker.current();
  });
}
