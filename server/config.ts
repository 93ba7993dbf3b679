/** Server configuration, read once from the environment and validated; a bad value stops the start with the variable's name. */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { LOG_LEVELS } from './log';
import { PscConfigError, readPscConfig, type PscConfig } from './psc/config';
import { loadTerritorySettings, TerritoryError, territoryDirFrom } from './territory/load';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Apache CouchDB with credentials; absent: the embedded PouchDB Server is started. */
  couchdbUrl: string | undefined;
  /** The origins of the CouchDB nodes COUCHDB_URL lists (one unless a cluster's nodes are given, separated by commas). */
  couchdbNodes: string[];
  /** Put before the name of every database (`COUCHDB_PREFIX`), so that several platforms or test runs share one CouchDB; empty by default. */
  couchdbPrefix: string;
  demo: boolean;
  /** In demo mode, also a year of closed requests for the dashboard (DEMO_ACTIVITY=0 skips it). */
  demoActivity: boolean;
  production: boolean;
  publicUrl: URL | undefined;
  sessionSecret: string;
  /** The selected territory's folder (`TERRITORY` under `territories/`, or `TERRITORY_DIR`). */
  territoryDir: string;
  staticDir: string;
  logLevel: string;
  /** BAN search endpoint (GeoJSON), for the coordinates of practice addresses. */
  geocoderUrl: string;
  /** SMS gateway (HTTP POST of `{to, text}` with a bearer token); absent: SMS land in the outbox. */
  sms: { url: string; token: string } | undefined;
  /** SMTP server with credentials (`smtp://user:pass@host:587`); absent: e-mails land in the outbox. */
  smtpUrl: string | undefined;
  /** Sender of the e-mails, e.g. `CPTS du Val <ne-pas-repondre@cpts.example.fr>`. */
  mailFrom: string;
  /** Contact that push services see in our VAPID signature: a `mailto:` address or an `https:` URL. */
  vapidSubject: string;
  /** Days after its closing that a case's patient block and thread leave the devices (the server keeps them). */
  devicePurgeDays: number;
  /** Minutes a request nobody took stays open for the coordinators after its deadline, before it expires. */
  expiryGraceMinutes: number;
  /**
   * The key the SAS platform presents (`Authorization: Bearer …`) to read the unscheduled-care slots
   * as FHIR (`SAS_API_KEY`, at least 32 characters); absent: the FHIR endpoint answers 404.
   */
  sasApiKey: string | undefined;
  /** Pro Santé Connect, the national sign-in of health professionals (PSC_*); absent: only the password login. */
  psc: PscConfig | undefined;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function port(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new ConfigError(`${name} doit être un numéro de port (0 à 65535), reçu « ${raw} »`);
  }
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'oui'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'non'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${name} doit valoir 0 ou 1, reçu « ${raw} »`);
}

function url(env: Env, name: string, requireCredentials = false): URL | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} n’est pas une URL valide`);
  }
  if (!['http:', 'https:'].includes(parsed.protocol)) throw new ConfigError(`${name} doit commencer par http:// ou https://`);
  if (requireCredentials && !parsed.username) {
    throw new ConfigError(`${name} doit contenir l’identifiant et le mot de passe administrateur (http://user:pass@hôte:5984)`);
  }
  return parsed;
}

/** The longest prefix that leaves room for our longest database name within CouchDB's 238 characters. */
const PREFIX_MAX = 200;

/** COUCHDB_PREFIX: CouchDB's rule for database names (without `/`, which would be a folder for the embedded database). */
function databasePrefix(env: Env): string {
  const raw = env.COUCHDB_PREFIX ?? '';
  if (raw === '' || (/^[a-z][a-z0-9_$()+-]*$/.test(raw) && raw.length <= PREFIX_MAX)) return raw;
  throw new ConfigError(
    `COUCHDB_PREFIX doit commencer par une lettre minuscule et ne contenir que des minuscules, des chiffres et _ $ ( ) + - (${PREFIX_MAX} caractères au plus), reçu « ${raw} ». ` +
      `/ COUCHDB_PREFIX must start with a lowercase letter and hold only lowercase letters, digits and _ $ ( ) + - (${PREFIX_MAX} characters at most).`,
  );
}

function minutes(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^[0-9]+$/.test(raw) || value < 1 || value > 10_080) throw new ConfigError(`${name} doit être un nombre entier de minutes (1 à 10080, une semaine), reçu « ${raw} »`);
  return value;
}

function days(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^[0-9]+$/.test(raw) || value < 1 || value > 3650) throw new ConfigError(`${name} doit être un nombre entier de jours (1 à 3650), reçu « ${raw} »`);
  return value;
}

/** Values copied from examples rather than generated: refused in production. */
function looksLikePlaceholder(secret: string): boolean {
  return /change|replace|remplac|example|exemple|default|defaut|défaut|secret|password|motdepasse|xxxx|0000|1234/i.test(secret) || new Set(secret).size < 12;
}

/** SESSION_SECRET from the environment, or (outside production) one generated once and kept in DATA_DIR. */
function sessionSecret(env: Env, dataDir: string, production: boolean): string {
  const raw = env.SESSION_SECRET;
  if (production && (!raw || looksLikePlaceholder(raw))) {
    throw new ConfigError(
      `SESSION_SECRET ${raw ? 'ressemble à une valeur d’exemple' : 'est obligatoire en production'} : mettez-y au moins 32 caractères aléatoires (openssl rand -base64 48). ` +
        `/ SESSION_SECRET ${raw ? 'looks like a placeholder' : 'is required in production'}: set it to 32 or more random characters (openssl rand -base64 48).`,
    );
  }
  if (raw !== undefined && raw !== '') {
    if (raw.length < 32) throw new ConfigError('SESSION_SECRET doit compter au moins 32 caractères / SESSION_SECRET must be at least 32 characters');
    return raw;
  }
  const file = path.join(dataDir, 'session-secret');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const secret = randomBytes(48).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** SMS_HTTP_URL and SMS_HTTP_TOKEN go together: the gateway is never called without its token. */
function smsGateway(env: Env): Config['sms'] {
  const gateway = url(env, 'SMS_HTTP_URL');
  if (!gateway) return undefined;
  const token = env.SMS_HTTP_TOKEN ?? '';
  if (!token.trim()) throw new ConfigError('SMS_HTTP_TOKEN est obligatoire quand SMS_HTTP_URL est défini');
  return { url: gateway.href, token };
}

function sasApiKey(env: Env): string | undefined {
  const key = env.SAS_API_KEY;
  if (key === undefined || key === '') return undefined;
  if (key.length < 32 || /\s/.test(key)) throw new ConfigError('SAS_API_KEY doit compter au moins 32 caractères, sans espace (par exemple : openssl rand -hex 32) / SAS_API_KEY must be at least 32 characters, no spaces');
  return key;
}

function smtpUrl(env: Env): string | undefined {
  const raw = env.SMTP_URL;
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError('SMTP_URL n’est pas une URL valide (smtp://utilisateur:motdepasse@hôte:587)');
  }
  if (!['smtp:', 'smtps:'].includes(parsed.protocol) || !parsed.hostname) throw new ConfigError('SMTP_URL doit commencer par smtp:// ou smtps://');
  return raw;
}

function mailFrom(env: Env, publicUrl: URL | undefined, network: string): string {
  const raw = env.MAIL_FROM;
  if (raw === undefined || raw === '') return `${network.replace(/[<>@\r\n"]/g, '')} <ne-pas-repondre@${publicUrl?.hostname ?? 'localhost'}>`;
  if (!/^([^<>@\r\n]*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/.test(raw.trim())) {
    throw new ConfigError('MAIL_FROM doit être une adresse e-mail, éventuellement « Nom <adresse@domaine> »');
  }
  return raw.trim();
}

/** VAPID_SUBJECT, or the public site when it is https, or the e-mails' sender: push services refuse anything but mailto: or https:. */
function vapidSubject(env: Env, publicUrl: URL | undefined, sender: string): string {
  const raw = env.VAPID_SUBJECT;
  if (raw === undefined || raw === '') {
    if (publicUrl?.protocol === 'https:') return publicUrl.origin;
    return `mailto:${/<([^<>]+)>/.exec(sender)?.[1] ?? sender}`;
  }
  const value = raw.trim();
  if (/^mailto:[^<>@\s]+@[^<>@\s]+$/.test(value)) return value;
  if (/^https:\/\//.test(value)) {
    try {
      if (new URL(value).hostname) return value;
    } catch {
      // reported below
    }
  }
  throw new ConfigError('VAPID_SUBJECT doit être une adresse « mailto:contact@domaine » ou une URL https://');
}


/** The territory's folder, checked now so that a wrong TERRITORY stops the start with its name. */
function territory(env: Env, cwd: string): { dir: string; shortName: string } {
  try {
    const dir = territoryDirFrom(env, cwd);
    return { dir, shortName: loadTerritorySettings(dir).shortName };
  } catch (err) {
    if (err instanceof TerritoryError) throw new ConfigError(`${env.TERRITORY_DIR ? 'TERRITORY_DIR' : 'TERRITORY'} : ${err.message}`);
    throw err;
  }
}

function psc(env: Env, production: boolean, publicUrl: URL | undefined): PscConfig | undefined {
  try {
    return readPscConfig(env, production, publicUrl);
  } catch (err) {
    if (err instanceof PscConfigError) throw new ConfigError(err.message);
    throw err;
  }
}

/** Production refuses what is only safe on a developer's machine, saying what to set, in French and English. */
function productionChecks(env: Env): void {
  if (flag(env, 'DEMO', false)) {
    throw new ConfigError('DEMO=1 est refusé en production : les mots de passe de démonstration sont publics ; retirez DEMO. / DEMO=1 is refused in production: the demo passwords are public; unset DEMO.');
  }
  if (!env.COUCHDB_URL) {
    throw new ConfigError(
      'COUCHDB_URL est obligatoire en production (Apache CouchDB 3, http://admin:motdepasse@hôte:5984) : la base embarquée est réservée à la démonstration. ' +
        '/ COUCHDB_URL is required in production (Apache CouchDB 3): the embedded database is for the demo only.',
    );
  }
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const production = env.NODE_ENV === 'production';
  if (production) productionChecks(env);
  const dataDir = path.resolve(cwd, env.DATA_DIR || 'data');
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (err) {
    throw new ConfigError(`DATA_DIR « ${dataDir} » ne peut pas être créé : ${(err as Error).message}`);
  }
  const demo = flag(env, 'DEMO', true) && !production;
  // One URL, or a cluster's nodes separated by commas; the first one's credentials serve for all.
  const nodes = (env.COUCHDB_URL ?? '').split(',').map((raw) => raw.trim()).filter(Boolean).map((raw) => url({ COUCHDB_URL: raw }, 'COUCHDB_URL', true)!);
  const couchdb = nodes[0];
  const publicUrl = url(env, 'PUBLIC_URL');
  // A clean start prints its address and nothing else; LOG_LEVEL=info shows what it did.
  const logLevel = env.LOG_LEVEL || 'warn';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL doit être l’un de ${LOG_LEVELS.join(', ')}`);
  }
  const selected = territory(env, cwd);
  const sender = mailFrom(env, publicUrl, selected.shortName);
  return {
    port: port(env, 'PORT', 8080),
    // The demo's passwords are public: reachable from this machine only, unless HOST says otherwise.
    host: env.HOST || (demo ? '127.0.0.1' : '0.0.0.0'),
    dataDir,
    couchdbUrl: couchdb?.href,
    couchdbNodes: nodes.map((node) => node.origin),
    couchdbPrefix: databasePrefix(env),
    demo,
    demoActivity: flag(env, 'DEMO_ACTIVITY', true),
    production,
    publicUrl,
    sessionSecret: sessionSecret(env, dataDir, production),
    territoryDir: selected.dir,
    staticDir: path.resolve(cwd, env.STATIC_DIR || 'dist'),
    logLevel,
    geocoderUrl: (url(env, 'GEOCODER_URL') ?? new URL('https://api-adresse.data.gouv.fr/search/')).href,
    sms: smsGateway(env),
    smtpUrl: smtpUrl(env),
    sasApiKey: sasApiKey(env),
    mailFrom: sender,
    vapidSubject: vapidSubject(env, publicUrl, sender),
    devicePurgeDays: days(env, 'DEVICE_PURGE_DAYS', 30),
    expiryGraceMinutes: minutes(env, 'EXPIRY_GRACE_MINUTES', 720),
    psc: psc(env, production, publicUrl),
  };
}
