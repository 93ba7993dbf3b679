/**
 * A local stand-in for Pro Santé Connect: `oidc-provider` on 127.0.0.1 issuing claims shaped like
 * PSC's UserInfo (`SubjectNameID` = `8` + RPPS, `SubjectRefPro.exercices[].codeProfession`…), its
 * metadata also under PSC's `wallet-openid-configuration`, and a sign-in step the test decides: who
 * signs in next, or a refusal (`access_denied`).
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider, { type Account } from 'oidc-provider';
import { PSC_TEST_CLIENT } from './psc-test-client';

export interface PscPerson {
  rpps: string;
  firstName: string;
  lastName: string;
  /** RPPS profession code, e.g. `10` médecin. */
  profession: string;
}

export interface FakePsc {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** The people the provider knows, by RPPS. */
  people: Map<string, PscPerson>;
  /** What the next sign-in does: the RPPS of who signs in, or `refuse`. */
  next: string | 'refuse';
  /** Metadata documents requested, by name. */
  discovered: string[];
  close(): Promise<void>;
}


/** The UserInfo claims of PSC for this person (a sandbox-like identity, trimmed). */
export function pscClaims(person: PscPerson): Record<string, unknown> {
  const nationalId = `8${person.rpps}`;
  return {
    sub: `f:00000000-0000-0000-0000-000000000000:${nationalId}`,
    SubjectNameID: nationalId,
    preferred_username: nationalId,
    given_name: person.firstName,
    family_name: person.lastName,
    codeCivilite: 'MME',
    SubjectOrganization: `CABINET ${person.lastName.toUpperCase()}`,
    SubjectRefPro: {
      codeCivilite: 'MME',
      exercices: [
        {
          codeProfession: person.profession,
          codeCategorieProfessionnelle: 'C',
          codeCiviliteDexercice: 'DR',
          nomDexercice: person.lastName,
          prenomDexercice: person.firstName,
          activities: [{ codeModeExercice: 'L', codeSecteurDactivite: 'SA07', raisonSocialeSite: `CABINET ${person.lastName.toUpperCase()}` }],
        },
      ],
    },
    otherIds: [{ identifiant: nationalId, origine: 'RPPS', qualite: 1 }],
  };
}

/**
 * `port`: a fixed one (the browser tests' provider runs beside the app); `control`: it also takes
 * `POST /test/next` `{ person }` or `{ refuse: true }` from a test in another process.
 */
export async function startFakePsc(redirectUri: string, postLogoutRedirectUri: string, { port = 0, control = false } = {}): Promise<FakePsc> {
  // Listening first: the provider's issuer is its address.
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const fake: FakePsc = {
    issuer: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    clientId: PSC_TEST_CLIENT.id,
    clientSecret: PSC_TEST_CLIENT.secret,
    people: new Map(),
    next: 'refuse',
    discovered: [],
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };

  /** The provider's sign-in page, answered at once with what the test chose. */
  async function interact(req: IncomingMessage, res: ServerResponse, op: Provider): Promise<void> {
    const details = await op.interactionDetails(req, res);
    const person = fake.next === 'refuse' ? undefined : fake.people.get(fake.next);
    if (!person) {
      await op.interactionFinished(req, res, { error: 'access_denied', error_description: 'Connexion annulée par l’utilisateur' }, { mergeWithLastSubmission: false });
      return;
    }
    const accountId = pscClaims(person).sub as string;
    const grant = new op.Grant({ accountId, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await op.interactionFinished(req, res, { login: { accountId, acr: 'eidas1' }, consent: { grantId } }, { mergeWithLastSubmission: false });
  }

  const provider = new Provider(fake.issuer, {
    clients: [
      {
        client_id: PSC_TEST_CLIENT.id,
        client_secret: PSC_TEST_CLIENT.secret,
        redirect_uris: [redirectUri],
        post_logout_redirect_uris: [postLogoutRedirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    scopes: ['openid', 'scope_all'],
    claims: { openid: ['sub'], scope_all: ['SubjectNameID', 'SubjectRefPro', 'SubjectOrganization', 'given_name', 'family_name', 'preferred_username', 'codeCivilite', 'otherIds'] },
    acrValues: ['eidas1'],
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      // The logout is confirmed at once (PSC asks nothing more), then the browser goes back to the app.
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => {
          ctx.body = `<!DOCTYPE html><html lang="fr"><body>${form}<script>const f = document.getElementById('op.logoutForm'); const yes = document.createElement('input'); yes.type = 'hidden'; yes.name = 'logout'; yes.value = 'yes'; f.appendChild(yes); f.submit();</script></body></html>`;
        },
      },
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    cookies: { keys: ['cle-de-test-des-cookies-du-fournisseur'] },
    jwks: { keys: [{ ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), use: 'sig', alg: 'RS256', kid: 'test' }] as never },
    ttl: { Interaction: 600, Grant: 600, Session: 600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    async findAccount(_ctx, sub): Promise<Account | undefined> {
      const person = [...fake.people.values()].find((p) => pscClaims(p).sub === sub);
      return person ? { accountId: sub, claims: async () => pscClaims(person) as never } : undefined;
    },
  });
  // PSC's own name for its metadata: served as the standard document.
  provider.use(async (ctx, next) => {
    const name = /^\/\.well-known\/(.+)$/.exec(ctx.path)?.[1];
    if (name) fake.discovered.push(name);
    if (name === 'wallet-openid-configuration') ctx.path = '/.well-known/openid-configuration';
    await next();
  });

  // After every middleware: koa composes them when the callback is made.
  const handle = provider.callback();
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (control && req.method === 'POST' && req.url === '/test/next') setNext(req, res, fake).catch((err) => res.writeHead(400).end(String(err)));
    else if (req.url?.startsWith('/interaction/')) interact(req, res, provider).catch((err) => res.writeHead(500).end(String(err)));
    else handle(req, res);
  });
  return fake;
}

/** Who signs in next, as a test in another process says. */
async function setNext(req: IncomingMessage, res: ServerResponse, fake: FakePsc): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { person?: PscPerson; refuse?: boolean };
  if (body.person) {
    fake.people.set(body.person.rpps, body.person);
    fake.next = body.person.rpps;
  } else fake.next = 'refuse';
  res.writeHead(204).end();
}
