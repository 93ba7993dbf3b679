import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const dir = () => mkdtempSync(path.join(tmpdir(), 'cpts-config-'));
const PRODUCTION = { NODE_ENV: 'production', COUCHDB_URL: 'http://admin:pw@127.0.0.1:5984', SESSION_SECRET: 'Zq8v3LrT0pWb6NcYh2KdFs9Xa1GmUe7J' };

describe('configuration', () => {
  it('takes a cluster’s nodes from COUCHDB_URL, separated by commas, each one checked', () => {
    const config = loadConfig({ DATA_DIR: dir(), COUCHDB_URL: 'http://admin:pw@10.0.0.1:5984, http://admin:pw@10.0.0.2:5984/,http://admin:pw@10.0.0.3:5984' });
    expect(config.couchdbUrl).toBe('http://admin:pw@10.0.0.1:5984/');
    expect(config.couchdbNodes).toEqual(['http://10.0.0.1:5984', 'http://10.0.0.2:5984', 'http://10.0.0.3:5984']);
    expect(loadConfig({ DATA_DIR: dir() }).couchdbNodes).toEqual([]);
    expect(() => loadConfig({ DATA_DIR: dir(), COUCHDB_URL: 'http://admin:pw@10.0.0.1:5984,pas une url' })).toThrow('COUCHDB_URL n’est pas une URL valide');
  });

  it('has working defaults and keeps a generated session secret in DATA_DIR', () => {
    const d = dir();
    const config = loadConfig({ DATA_DIR: d });
    expect(config).toMatchObject({ port: 8080, demo: true, production: false, couchdbUrl: undefined });
    expect(config.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(path.join(d, 'session-secret'), 'utf8')).toBe(config.sessionSecret);
    expect(loadConfig({ DATA_DIR: d }).sessionSecret).toBe(config.sessionSecret);
  });

  it('purges closed cases from devices after 30 days unless DEVICE_PURGE_DAYS says otherwise', () => {
    expect(loadConfig({ DATA_DIR: dir() }).devicePurgeDays).toBe(30);
    expect(loadConfig({ DATA_DIR: dir(), DEVICE_PURGE_DAYS: '7' }).devicePurgeDays).toBe(7);
  });

  it('keeps a request nobody took open 12 hours after its deadline unless EXPIRY_GRACE_MINUTES says otherwise', () => {
    expect(loadConfig({ DATA_DIR: dir() }).expiryGraceMinutes).toBe(720);
    expect(loadConfig({ DATA_DIR: dir(), EXPIRY_GRACE_MINUTES: '90' }).expiryGraceMinutes).toBe(90);
  });

  it('never enables demo data in production or with DEMO=0', () => {
    expect(loadConfig({ DATA_DIR: dir(), ...PRODUCTION }).demo).toBe(false);
    expect(loadConfig({ DATA_DIR: dir(), DEMO: '0' }).demo).toBe(false);
  });

  it('refuses an unsafe production start, saying what to set in French and English', () => {
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ DEMO: '1' }, /DEMO=1 est refusé en production.*DEMO=1 is refused/],
      [{ COUCHDB_URL: '' }, /COUCHDB_URL est obligatoire en production.*COUCHDB_URL is required/],
      [{ SESSION_SECRET: '' }, /SESSION_SECRET est obligatoire en production.*SESSION_SECRET is required/],
      [{ SESSION_SECRET: 'change-me-change-me-change-me-change-me' }, /ressemble à une valeur d’exemple.*looks like a placeholder/],
      [{ SESSION_SECRET: 'a'.repeat(40) }, /looks like a placeholder/],
    ];
    for (const [env, message] of cases) expect(() => loadConfig({ DATA_DIR: dir(), ...PRODUCTION, ...env })).toThrow(message);
    expect(loadConfig({ DATA_DIR: dir(), ...PRODUCTION }).sessionSecret).toBe(PRODUCTION.SESSION_SECRET);
  });

  it('listens on loopback only in demo mode, unless HOST says otherwise', () => {
    expect(loadConfig({ DATA_DIR: dir() }).host).toBe('127.0.0.1');
    expect(loadConfig({ DATA_DIR: dir(), HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ DATA_DIR: dir(), DEMO: '0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ DATA_DIR: dir(), ...PRODUCTION }).host).toBe('0.0.0.0');
  });

  it('takes the territory from territories/ by name, or from TERRITORY_DIR, and names the variable when it is wrong', () => {
    expect(loadConfig({ DATA_DIR: dir() }).territoryDir).toBe(path.resolve('territories/metz'));
    expect(loadConfig({ DATA_DIR: dir(), TERRITORY: 'metz' }).territoryDir).toBe(path.resolve('territories/metz'));
    expect(loadConfig({ DATA_DIR: dir(), TERRITORY_DIR: 'territories/metz' }).territoryDir).toBe(path.resolve('territories/metz'));
    expect(() => loadConfig({ DATA_DIR: dir(), TERRITORY: 'lune' })).toThrow(/^TERRITORY : Territoire incomplet/);
    expect(() => loadConfig({ DATA_DIR: dir(), TERRITORY: '../etc' })).toThrow(/TERRITORY doit être le nom d’un dossier/);
    expect(() => loadConfig({ DATA_DIR: dir(), TERRITORY_DIR: dir() })).toThrow(/^TERRITORY_DIR : /);
  });

  it('fails fast with the name of the bad variable', () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ PORT: 'huit' }, 'PORT'],
      [{ PORT: '70000' }, 'PORT'],
      [{ DEMO: 'peut-être' }, 'DEMO'],
      [{ COUCHDB_URL: 'pas une url' }, 'COUCHDB_URL'],
      [{ COUCHDB_URL: 'http://localhost:5984' }, 'COUCHDB_URL'],
      [{ COUCHDB_URL: 'ftp://a:b@localhost' }, 'COUCHDB_URL'],
      [{ COUCHDB_PREFIX: 'Cpts_' }, 'COUCHDB_PREFIX'],
      [{ COUCHDB_PREFIX: '_cpts' }, 'COUCHDB_PREFIX'],
      [{ COUCHDB_PREFIX: 'cpts/' }, 'COUCHDB_PREFIX'],
      [{ COUCHDB_PREFIX: 'c'.repeat(201) }, 'COUCHDB_PREFIX'],
      [{ PUBLIC_URL: 'example' }, 'PUBLIC_URL'],
      [{ SESSION_SECRET: 'court' }, 'SESSION_SECRET'],
      [{ LOG_LEVEL: 'bavard' }, 'LOG_LEVEL'],
      [{ SMS_HTTP_URL: 'pas une url', SMS_HTTP_TOKEN: 't' }, 'SMS_HTTP_URL'],
      [{ SMS_HTTP_URL: 'https://sms.example.fr/send' }, 'SMS_HTTP_TOKEN'],
      [{ SMTP_URL: 'http://mail.example.fr' }, 'SMTP_URL'],
      [{ SMTP_URL: 'smtp//mail' }, 'SMTP_URL'],
      [{ MAIL_FROM: 'pas une adresse' }, 'MAIL_FROM'],
      [{ VAPID_SUBJECT: 'contact@cpts.example.fr' }, 'VAPID_SUBJECT'],
      [{ VAPID_SUBJECT: 'http://cpts.example.fr' }, 'VAPID_SUBJECT'],
      [{ DEVICE_PURGE_DAYS: '0' }, 'DEVICE_PURGE_DAYS'],
      [{ DEVICE_PURGE_DAYS: '2.5' }, 'DEVICE_PURGE_DAYS'],
      [{ DEVICE_PURGE_DAYS: 'trente' }, 'DEVICE_PURGE_DAYS'],
      [{ EXPIRY_GRACE_MINUTES: '0' }, 'EXPIRY_GRACE_MINUTES'],
      [{ EXPIRY_GRACE_MINUTES: '1.5' }, 'EXPIRY_GRACE_MINUTES'],
      [{ EXPIRY_GRACE_MINUTES: '20000' }, 'EXPIRY_GRACE_MINUTES'],
      [{ SAS_API_KEY: 'courte' }, 'SAS_API_KEY'],
      [{ SAS_API_KEY: 'une clé avec des espaces, assez longue pour le reste' }, 'SAS_API_KEY'],
    ];
    for (const [env, name] of cases) {
      expect(() => loadConfig({ DATA_DIR: dir(), ...env }), name).toThrow(ConfigError);
      expect(() => loadConfig({ DATA_DIR: dir(), ...env }), name).toThrow(name);
    }
  });

  it('keeps messages in the outbox unless an SMS gateway or an SMTP server is configured', () => {
    expect(loadConfig({ DATA_DIR: dir() })).toMatchObject({ sms: undefined, smtpUrl: undefined, mailFrom: 'CPTS Metz <ne-pas-repondre@localhost>' });
    const config = loadConfig({
      DATA_DIR: dir(),
      SMS_HTTP_URL: 'https://sms.example.fr/send',
      SMS_HTTP_TOKEN: 'jeton',
      SMTP_URL: 'smtp://u:p@mail.example.fr:587',
      MAIL_FROM: 'CPTS Metz <ne-pas-repondre@cpts.example.fr>',
    });
    expect(config).toMatchObject({
      sms: { url: 'https://sms.example.fr/send', token: 'jeton' },
      smtpUrl: 'smtp://u:p@mail.example.fr:587',
      mailFrom: 'CPTS Metz <ne-pas-repondre@cpts.example.fr>',
    });
  });

  it('signs Web Push with VAPID_SUBJECT, else the https public address, else the e-mails’ sender', () => {
    expect(loadConfig({ DATA_DIR: dir(), VAPID_SUBJECT: 'mailto:coordination@cpts.example.fr' }).vapidSubject).toBe('mailto:coordination@cpts.example.fr');
    expect(loadConfig({ DATA_DIR: dir(), PUBLIC_URL: 'https://cpts.example.fr/app' }).vapidSubject).toBe('https://cpts.example.fr');
    expect(loadConfig({ DATA_DIR: dir(), MAIL_FROM: 'CPTS Metz <contact@cpts.example.fr>' }).vapidSubject).toBe('mailto:contact@cpts.example.fr');
  });

  it('accepts a CouchDB URL with credentials', () => {
    expect(loadConfig({ DATA_DIR: dir(), COUCHDB_URL: 'http://admin:secret@couch:5984' }).couchdbUrl).toBe('http://admin:secret@couch:5984/');
  });

  it('names the databases as they are unless COUCHDB_PREFIX is set, and says in French and English what a prefix may hold', () => {
    expect(loadConfig({ DATA_DIR: dir() }).couchdbPrefix).toBe('');
    expect(loadConfig({ DATA_DIR: dir(), COUCHDB_PREFIX: 'cpts-metz_' }).couchdbPrefix).toBe('cpts-metz_');
    expect(() => loadConfig({ DATA_DIR: dir(), COUCHDB_PREFIX: 'CPTS' })).toThrow(/COUCHDB_PREFIX doit commencer par une lettre minuscule.*reçu « CPTS ».*COUCHDB_PREFIX must start with a lowercase letter/);
  });
});
