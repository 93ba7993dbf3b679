/** `GET /api/geocode?q=…`: candidate places for the patient's address on the map, for signed-in members. */
import type { FastifyInstance } from 'fastify';
import type { GeocodeAnswer } from '../../src/domain/geocoding/api';
import { badRequest } from '../http/errors';
import type { Sessions } from '../session/sessions';
import type { Geocoder } from './geocoder';
import { requireUser } from '../session/auth';

const MIN_LENGTH = 3;
const MAX_LENGTH = 200;

function queryOf(raw: unknown): string {
  const q = typeof raw === 'string' ? raw.trim() : '';
  if (q.length < MIN_LENGTH || q.length > MAX_LENGTH) {
    throw badRequest(`Paramètre « q » : saisissez une adresse de ${MIN_LENGTH} à ${MAX_LENGTH} caractères.`, [{ field: 'q', message: 'adresse trop courte ou trop longue' }]);
  }
  return q;
}

export function geocodeRoutes(app: FastifyInstance, { sessions, geocoder }: { sessions: Sessions; geocoder: Geocoder }): void {
  app.get('/api/geocode', { preHandler: requireUser(sessions) }, async (request, reply): Promise<GeocodeAnswer> => {
    const q = queryOf((request.query as Record<string, unknown>).q);
    // A patient's address: never kept by a cache between the browser and the server.
    reply.header('cache-control', 'no-store');
    return { places: await geocoder.search(q) };
  });
}
