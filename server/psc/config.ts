/**
 * Pro Santé Connect's settings, from the environment: all four of PSC_ISSUER, PSC_CLIENT_ID,
 * PSC_CLIENT_SECRET and PSC_REDIRECT_URL, or none (the feature is then off).
 */

/** Production: https://auth.esw.esante.gouv.fr/auth/realms/esante-wallet; sandbox (BAS): https://auth.bas.psc.esante.gouv.fr/auth/realms/esante-wallet. */
export interface PscConfig {
  issuer: URL;
  clientId: string;
  clientSecret: string;
  /** Where Pro Santé Connect sends the browser back: this server's `/api/auth/psc/callback`, as registered with the ANS. */
  redirectUrl: URL;
  /** Where Pro Santé Connect sends the browser after its logout (PSC_POST_LOGOUT_URL, by default the login page). */
  postLogoutUrl: URL;
  /** PSC_SCOPE, by default `openid scope_all` (every claim the ANS grants the service). */
  scope: string;
}

export class PscConfigError extends Error {}

export const CALLBACK_PATH = '/api/auth/psc/callback';
const REQUIRED = ['PSC_ISSUER', 'PSC_CLIENT_ID', 'PSC_CLIENT_SECRET', 'PSC_REDIRECT_URL'] as const;
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

type Env = Record<string, string | undefined>;

/** A URL in https; http only for a provider or a server on this machine (tests, development), never in production. */
function httpsUrl(env: Env, name: string, production: boolean): URL {
  let parsed: URL;
  try {
    parsed = new URL(env[name]!.trim());
  } catch {
    throw new PscConfigError(`${name} n’est pas une URL valide / ${name} is not a valid URL`);
  }
  const local = parsed.protocol === 'http:' && LOOPBACK.has(parsed.hostname) && !production;
  if (parsed.protocol !== 'https:' && !local) {
    throw new PscConfigError(`${name} doit commencer par https:// (http:// seulement sur cette machine, hors production) / ${name} must start with https://`);
  }
  return parsed;
}

export function readPscConfig(env: Env, production: boolean, publicUrl: URL | undefined): PscConfig | undefined {
  const given = REQUIRED.filter((name) => env[name]?.trim());
  if (!given.length) return undefined;
  const missing = REQUIRED.filter((name) => !given.includes(name));
  if (missing.length) {
    throw new PscConfigError(
      `Pro Santé Connect est à moitié configuré : il manque ${missing.join(', ')} (les quatre variables PSC_* vont ensemble, ou aucune). ` +
        `/ Pro Santé Connect is half configured: ${missing.join(', ')} missing (set all four PSC_* variables, or none).`,
    );
  }
  const issuer = httpsUrl(env, 'PSC_ISSUER', production);
  const redirectUrl = httpsUrl(env, 'PSC_REDIRECT_URL', production);
  if (redirectUrl.pathname !== CALLBACK_PATH || redirectUrl.search || redirectUrl.hash) {
    throw new PscConfigError(`PSC_REDIRECT_URL doit être l’adresse publique du serveur suivie de ${CALLBACK_PATH} / PSC_REDIRECT_URL must be this server's public address followed by ${CALLBACK_PATH}`);
  }
  // The browser's cookie of the sign-in under way is set on this server's address: the provider must send it back there.
  if (publicUrl && publicUrl.origin !== redirectUrl.origin) {
    throw new PscConfigError(`PSC_REDIRECT_URL doit être sur PUBLIC_URL (${publicUrl.origin}) / PSC_REDIRECT_URL must be on PUBLIC_URL`);
  }
  const postLogoutUrl = env.PSC_POST_LOGOUT_URL?.trim() ? httpsUrl(env, 'PSC_POST_LOGOUT_URL', production) : new URL('/connexion', redirectUrl.origin);
  const scope = env.PSC_SCOPE?.trim() || 'openid scope_all';
  if (!scope.split(/\s+/).includes('openid') || !/^[\x21-\x7e ]+$/.test(scope)) {
    throw new PscConfigError('PSC_SCOPE doit contenir « openid » (portées séparées par des espaces) / PSC_SCOPE must include "openid"');
  }
  if (env.PSC_CLIENT_ID!.trim().length > 200) throw new PscConfigError('PSC_CLIENT_ID est trop long / PSC_CLIENT_ID is too long');
  return { issuer, clientId: env.PSC_CLIENT_ID!.trim(), clientSecret: env.PSC_CLIENT_SECRET!, redirectUrl, postLogoutUrl, scope };
}
