/** Server configuration, read once from the environment and validated; a bad value stops the start with the variable's name. */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Apache CouchDB with credentials; absent: the embedded PouchDB Server is started. */
  couchdbUrl: string | undefined;
  demo: boolean;
  /** In demo mode, also a year of closed requests for the dashboard (DEMO_ACTIVITY=0 skips it). */
  demoActivity: boolean;
  production: boolean;
  publicUrl: URL | undefined;
  sessionSecret: string;
  territoryDir: string;
  staticDir: string;
  logLevel: string;
  /** BAN search endpoint (GeoJSON), for the coordinates of practice addresses. */
  geocoderUrl: string;
  /** SMS gateway (HTTP POST of `{to, text}` with a bearer token); absent: SMS land in the outbox. */
  sms: { url: string; token: string } | undefined;
  /** SMTP server with credentials (`smtp://user:pass@host:587`); absent: e-mails land in the outbox. */
  smtpUrl: string | undefined;
  /** Sender of the e-mails, e.g. `CPTS Metz <ne-pas-repondre@cpts.example.fr>`. */
  mailFrom: string;
  /** Contact that push services see in our VAPID signature: a `mailto:` address or an `https:` URL. */
  vapidSubject: string;
  /** Days after its closing that a case's patient block and thread leave the devices (the server keeps them). */
  devicePurgeDays: number;
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

function days(env: Env, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^[0-9]+$/.test(raw) || value < 1 || value > 3650) throw new ConfigError(`${name} doit être un nombre entier de jours (1 à 3650), reçu « ${raw} »`);
  return value;
}

/** SESSION_SECRET from the environment, or one generated once and kept in DATA_DIR. */
function sessionSecret(env: Env, dataDir: string): string {
  const raw = env.SESSION_SECRET;
  if (raw !== undefined && raw !== '') {
    if (raw.length < 32) throw new ConfigError('SESSION_SECRET doit compter au moins 32 caractères');
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

function mailFrom(env: Env, publicUrl: URL | undefined): string {
  const raw = env.MAIL_FROM;
  if (raw === undefined || raw === '') return `CPTS <ne-pas-repondre@${publicUrl?.hostname ?? 'localhost'}>`;
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

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const production = env.NODE_ENV === 'production';
  const dataDir = path.resolve(cwd, env.DATA_DIR || 'data');
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (err) {
    throw new ConfigError(`DATA_DIR « ${dataDir} » ne peut pas être créé : ${(err as Error).message}`);
  }
  const demo = flag(env, 'DEMO', true) && !production;
  const couchdb = url(env, 'COUCHDB_URL', true);
  const publicUrl = url(env, 'PUBLIC_URL');
  const logLevel = env.LOG_LEVEL || 'info';
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL doit être l’un de fatal, error, warn, info, debug, trace, silent`);
  }
  return {
    port: port(env, 'PORT', 8080),
    host: env.HOST || '0.0.0.0',
    dataDir,
    couchdbUrl: couchdb?.href,
    demo,
    demoActivity: flag(env, 'DEMO_ACTIVITY', true),
    production,
    publicUrl,
    sessionSecret: sessionSecret(env, dataDir),
    territoryDir: path.resolve(cwd, env.TERRITORY_DIR || '../shared/data/territory'),
    staticDir: path.resolve(cwd, env.STATIC_DIR || 'dist'),
    logLevel,
    geocoderUrl: (url(env, 'GEOCODER_URL') ?? new URL('https://api-adresse.data.gouv.fr/search/')).href,
    sms: smsGateway(env),
    smtpUrl: smtpUrl(env),
    mailFrom: mailFrom(env, publicUrl),
    vapidSubject: vapidSubject(env, publicUrl, mailFrom(env, publicUrl)),
    devicePurgeDays: days(env, 'DEVICE_PURGE_DAYS', 30),
  };
}
