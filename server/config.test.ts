import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

const dir = () => mkdtempSync(path.join(tmpdir(), 'cpts-config-'));

describe('configuration', () => {
  it('has working defaults and keeps a generated session secret in DATA_DIR', () => {
    const d = dir();
    const config = loadConfig({ DATA_DIR: d });
    expect(config).toMatchObject({ port: 8080, demo: true, production: false, couchdbUrl: undefined });
    expect(config.sessionSecret.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(path.join(d, 'session-secret'), 'utf8')).toBe(config.sessionSecret);
    expect(loadConfig({ DATA_DIR: d }).sessionSecret).toBe(config.sessionSecret);
  });

  it('never enables demo data in production or with DEMO=0', () => {
    expect(loadConfig({ DATA_DIR: dir(), NODE_ENV: 'production' }).demo).toBe(false);
    expect(loadConfig({ DATA_DIR: dir(), NODE_ENV: 'production', DEMO: '1' }).demo).toBe(false);
    expect(loadConfig({ DATA_DIR: dir(), DEMO: '0' }).demo).toBe(false);
  });

  it('fails fast with the name of the bad variable', () => {
    const cases: Array<[Record<string, string>, string]> = [
      [{ PORT: 'huit' }, 'PORT'],
      [{ PORT: '70000' }, 'PORT'],
      [{ DEMO: 'peut-être' }, 'DEMO'],
      [{ COUCHDB_URL: 'pas une url' }, 'COUCHDB_URL'],
      [{ COUCHDB_URL: 'http://localhost:5984' }, 'COUCHDB_URL'],
      [{ COUCHDB_URL: 'ftp://a:b@localhost' }, 'COUCHDB_URL'],
      [{ PUBLIC_URL: 'example' }, 'PUBLIC_URL'],
      [{ SESSION_SECRET: 'court' }, 'SESSION_SECRET'],
      [{ LOG_LEVEL: 'bavard' }, 'LOG_LEVEL'],
    ];
    for (const [env, name] of cases) {
      expect(() => loadConfig({ DATA_DIR: dir(), ...env }), name).toThrow(ConfigError);
      expect(() => loadConfig({ DATA_DIR: dir(), ...env }), name).toThrow(name);
    }
  });

  it('accepts a CouchDB URL with credentials', () => {
    expect(loadConfig({ DATA_DIR: dir(), COUCHDB_URL: 'http://admin:secret@couch:5984' }).couchdbUrl).toBe('http://admin:secret@couch:5984/');
  });
});
