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

export function securityHeaders(app: FastifyInstance, config: Config): void {
  const csp = contentSecurityPolicy();
  const https = config.publicUrl?.protocol === 'https:';
  app.addHook('onSend', async (_request, reply, payload) => {
    reply.header('content-security-policy', csp);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('x-frame-options', 'DENY');
    reply.header('referrer-policy', 'same-origin');
    reply.header('cross-origin-opener-policy', 'same-origin');
    reply.header('permissions-policy', 'geolocation=(self), camera=(self), microphone=()');
    if (https) reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    return payload;
  });
}
