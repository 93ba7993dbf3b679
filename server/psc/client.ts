/**
 * The OpenID Connect client of Pro Santé Connect (`openid-client`): authorization code flow with
 * PKCE (S256), state and nonce, the eIDAS level PSC requires, the UserInfo claims, and the provider's
 * logout address. The provider's metadata is read at the first sign-in, and again after a failure.
 */
import * as oidc from 'openid-client';
import type { PscError } from '../../src/domain/psc/api';
import type { PscConfig } from './config';
import { newPending, type PendingLogin } from './pending';

/** PSC's authentication level: the only one it offers (CPS card or e-CPS). */
const EIDAS_LEVEL = 'eidas1';
const TIMEOUT_SECONDS = 10;
/**
 * PSC publishes the metadata pointing the browser to its wallet (`wallet.esw.esante.gouv.fr`) under
 * this name; the standard document is read when it is absent (another provider, the tests').
 */
const WELL_KNOWN = ['wallet-openid-configuration', 'openid-configuration'];

/** A sign-in that cannot go on, with the code the login page shows. */
export class PscFailure extends Error {
  constructor(
    readonly code: PscError,
    /** What went wrong, for the log: a class of error, never a person's data. */
    readonly reason: string,
  ) {
    super(`Pro Santé Connect : ${code} (${reason})`);
  }
}

export interface PscSignIn {
  /** The claims of the UserInfo endpoint. */
  claims: Record<string, unknown>;
  idToken: string | undefined;
}

const trimSlash = (s: string) => s.replace(/\/+$/, '');
/** An OAuth error code as the provider sent it, or « autre »: the log gets nothing else from the provider. */
const errorCode = (value: unknown) => (typeof value === 'string' && /^[a-z_]{1,40}$/.test(value) ? value : 'autre');

/** Why a call to the provider failed, as a login page's code: the provider refused, is out of reach, or answered what does not check. */
function failure(err: unknown): PscFailure {
  if (err instanceof PscFailure) return err;
  if (err instanceof oidc.AuthorizationResponseError) return new PscFailure('refuse', `réponse « ${errorCode(err.error)} »`);
  const code = (err as { code?: string }).code ?? '';
  if (err instanceof TypeError || ['OAUTH_TIMEOUT', 'OAUTH_ABORT', 'OAUTH_RESPONSE_IS_NOT_CONFORM'].includes(code)) {
    return new PscFailure('indisponible', err instanceof TypeError ? 'réseau' : code);
  }
  if (err instanceof oidc.ResponseBodyError) return new PscFailure('invalide', `jeton refusé (${errorCode(err.error)})`);
  return new PscFailure('invalide', code || (err as Error).name || 'erreur');
}

export class PscClient {
  private configuration: Promise<oidc.Configuration> | undefined;

  constructor(
    private readonly settings: PscConfig,
    private readonly now: () => number,
  ) {}

  private async discover(): Promise<oidc.Configuration> {
    const { issuer, clientId, clientSecret } = this.settings;
    for (const name of WELL_KNOWN) {
      const res = await fetch(`${trimSlash(issuer.href)}/.well-known/${name}`, { headers: { accept: 'application/json' }, redirect: 'error', signal: AbortSignal.timeout(TIMEOUT_SECONDS * 1000) });
      if (res.status === 404) continue;
      if (!res.ok) throw new PscFailure('indisponible', `métadonnées : HTTP ${res.status}`);
      const metadata = (await res.json()) as oidc.ServerMetadata;
      // What the standard discovery checks: the document speaks for the configured issuer.
      if (typeof metadata?.issuer !== 'string' || trimSlash(metadata.issuer) !== trimSlash(issuer.href)) throw new PscFailure('indisponible', 'métadonnées d’un autre émetteur');
      const configuration = new oidc.Configuration(metadata, clientId, clientSecret, oidc.ClientSecretBasic(clientSecret));
      configuration.timeout = TIMEOUT_SECONDS;
      // The configuration accepts http only for a provider on this machine (tests, development).
      if (issuer.protocol === 'http:') oidc.allowInsecureRequests(configuration);
      return configuration;
    }
    throw new PscFailure('indisponible', 'métadonnées introuvables');
  }

  /** The provider's configuration, read once; a failed reading is tried again at the next sign-in. */
  private config(): Promise<oidc.Configuration> {
    this.configuration ??= this.discover().catch((err) => {
      this.configuration = undefined;
      throw err instanceof PscFailure ? err : new PscFailure('indisponible', `métadonnées : ${(err as Error).name}`);
    });
    return this.configuration;
  }

  /** Where to send the browser, and what it must bring back. */
  async start(): Promise<{ url: URL; pending: PendingLogin }> {
    const config = await this.config();
    const verifier = oidc.randomPKCECodeVerifier();
    const pending = newPending({ verifier, state: oidc.randomState(), nonce: oidc.randomNonce() }, this.now());
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: this.settings.redirectUrl.href,
      scope: this.settings.scope,
      response_type: 'code',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
      acr_values: EIDAS_LEVEL,
    });
    return { url, pending };
  }

  /** Checks the provider's answer against the browser's sign-in, exchanges the code, and reads who signed in. */
  async finish(query: string, pending: PendingLogin): Promise<PscSignIn> {
    try {
      const config = await this.config();
      // The registered address with the provider's parameters: the token request repeats that address.
      const callback = new URL(this.settings.redirectUrl);
      callback.search = query;
      const tokens = await oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: pending.verifier, expectedState: pending.state, expectedNonce: pending.nonce });
      const idClaims = tokens.claims();
      if (!idClaims) throw new PscFailure('invalide', 'jeton d’identité absent');
      if (idClaims.acr !== EIDAS_LEVEL) throw new PscFailure('invalide', 'niveau d’authentification insuffisant');
      const claims = await oidc.fetchUserInfo(config, tokens.access_token, idClaims.sub);
      return { claims, idToken: tokens.id_token };
    } catch (err) {
      throw failure(err);
    }
  }

  /** The provider's logout address for the session this ID Token stands for, or undefined when it has none or cannot be reached. */
  async endSessionUrl(idToken: string): Promise<string | undefined> {
    let config: oidc.Configuration;
    try {
      config = await this.config();
    } catch {
      return undefined;
    }
    if (!config.serverMetadata().end_session_endpoint) return undefined;
    return oidc.buildEndSessionUrl(config, { post_logout_redirect_uri: this.settings.postLogoutUrl.href, id_token_hint: idToken }).href;
  }
}
