/** Security headers on every response: a CSP without inline script, no sniffing, no framing, HSTS behind HTTPS. */
import type { FastifyInstance } from 'fastify';
import type { Config } from '../config';

export const TILE_ORIGINS = ['https://data.geopf.fr'];

export function contentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    "script-src 'self'",
    // Solid and Leaflet position elements through style attributes.
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob: ${TILE_ORIGINS.join(' ')}`,
    // The map's « préparer la carte hors ligne » fetch()es tiles, and the service worker fetches them to cache.
    `connect-src 'self' ${TILE_ORIGINS.join(' ')}`,
    "worker-src 'self'",
    "manifest-src 'self'",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The headers every response carries; an answer written by hand (a long-poll kept alive) sets them itself. */
export function securityHeaderValues(config: Config): Record<string, string> {
  return {
    'content-security-policy': contentSecurityPolicy(),
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': 'same-origin',
    'cross-origin-opener-policy': 'same-origin',
    'permissions-policy': 'geolocation=(self), camera=(self), microphone=()',
    ...(config.publicUrl?.protocol === 'https:' ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

export function securityHeaders(app: FastifyInstance, config: Config): void {
  const values = securityHeaderValues(config);
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.headers(values);
    return payload;
  });
}
