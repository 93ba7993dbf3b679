/** The public address links in messages point to: PUBLIC_URL when set, otherwise the request's own origin. */
import type { FastifyRequest } from 'fastify';
import type { Config } from '../config';

export function publicOrigin(config: Config, request: FastifyRequest): string {
  if (config.publicUrl) return config.publicUrl.origin;
  return `${request.protocol}://${request.host}`;
}
