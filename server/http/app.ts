/** Builds the HTTP application: security headers, error handling, the API areas and the static app. */
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type FastifyRequest } from 'fastify';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { constants as zlib } from 'node:zlib';
import type { Listener } from './listener';
import type { Config } from '../config';
import type { Logger } from '../log';
import { currentUser } from '../session/auth';
import type { Sessions } from '../session/sessions';
import { HttpError, toErrorResponse, unauthorized } from './errors';
import { securityHeaders } from './headers';
import { serveApp } from './static';

export const BODY_LIMIT = 1024 * 1024;

function isApi(request: FastifyRequest): boolean {
  return request.url === '/api' || request.url.startsWith('/api/');
}

/** The application answers through `listener`, which keeps answering 503 until it is handed the application. */
export async function createApp(config: Config, listener: Listener, sessions: Sessions, log: Logger): Promise<FastifyInstance> {
  const app = Fastify<Server, IncomingMessage, ServerResponse, FastifyBaseLogger>({
    serverFactory: (handler) => listener.factory(handler),
    loggerInstance: log,
    // Request lines would log ids and addresses for every call; errors are logged by the handler below.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: BODY_LIMIT,
    trustProxy: config.publicUrl !== undefined,
    routerOptions: { maxParamLength: 200 },
  });
  // Devices are often on a weak mobile signal: the app's files and the sync's JSON go compressed
  // (JSON shrinks several-fold). Brotli at a quality cheap enough for answers made per request;
  // answers under 1 KB (the device key, most writes' answers) are not worth it and go as they are.
  // Awaited: its hook then applies to the routes added after this function returns.
  await app.register(fastifyCompress, { encodings: ['br', 'gzip'], threshold: 1024, brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } } });
  app.register(fastifyCookie, { secret: config.sessionSecret });
  securityHeaders(app, config);

  app.setErrorHandler((err, request, reply) => {
    const { status, body } = toErrorResponse(err);
    if (status >= 500) request.log.error({ err, method: request.method, route: request.routeOptions?.url }, 'erreur interne');
    reply.code(status).type('application/json; charset=utf-8').send(body);
  });

  const appServed = serveApp(app, config.staticDir);
  app.setNotFoundHandler(async (request, reply) => {
    if (isApi(request)) {
      const path = request.url.split('?')[0].slice(0, 200);
      // The gateway answers 401 to anyone without a session, whatever the path.
      if (path.startsWith('/api/sync/') && !(await currentUser(request, sessions))) throw unauthorized();
      throw new HttpError(404, `Adresse ou méthode non prise en charge : ${request.method} ${path}`);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') throw new HttpError(405, 'Méthode non autorisée.');
    if (!appServed) throw new HttpError(404, 'Application non construite : lancez « npm run build ».');
    // Client-side routes of the single-page app.
    return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html');
  });

  return app;
}
