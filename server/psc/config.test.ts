import { describe, expect, it } from 'vitest';
import { PscConfigError, readPscConfig } from './config';

const full = {
  PSC_ISSUER: 'https://auth.bas.psc.esante.gouv.fr/auth/realms/esante-wallet',
  PSC_CLIENT_ID: 'cpts-du-val',
  PSC_CLIENT_SECRET: 's3cr3t-from-the-ans',
  PSC_REDIRECT_URL: 'https://cpts.example.fr/api/auth/psc/callback',
};

describe('readPscConfig', () => {
  it('is off when no PSC_* variable is set', () => {
    expect(readPscConfig({}, true, undefined)).toBeUndefined();
    expect(readPscConfig({ PSC_ISSUER: ' ' }, false, undefined)).toBeUndefined();
  });

  it('reads the four variables, with the login page after logout and every claim by default', () => {
    const psc = readPscConfig(full, true, new URL('https://cpts.example.fr'))!;
    expect(psc.issuer.href).toBe(full.PSC_ISSUER);
    expect(psc.clientId).toBe('cpts-du-val');
    expect(psc.postLogoutUrl.href).toBe('https://cpts.example.fr/connexion');
    expect(psc.scope).toBe('openid scope_all');
  });

  it('names the missing variables when half configured, in French and English', () => {
    const { PSC_CLIENT_SECRET, PSC_REDIRECT_URL, ...half } = full;
    expect(() => readPscConfig(half, false, undefined)).toThrow(PscConfigError);
    expect(() => readPscConfig(half, false, undefined)).toThrow(/il manque PSC_CLIENT_SECRET, PSC_REDIRECT_URL.*half configured/);
  });

  it('takes http only for a provider on this machine, outside production', () => {
    const local = { ...full, PSC_ISSUER: 'http://127.0.0.1:4000', PSC_REDIRECT_URL: 'http://127.0.0.1:8080/api/auth/psc/callback' };
    expect(readPscConfig(local, false, undefined)!.issuer.origin).toBe('http://127.0.0.1:4000');
    expect(() => readPscConfig(local, true, undefined)).toThrow(/PSC_ISSUER doit commencer par https/);
    expect(() => readPscConfig({ ...full, PSC_ISSUER: 'http://auth.example.fr' }, false, undefined)).toThrow(/PSC_ISSUER/);
  });

  it('wants the callback route on the public address, and « openid » in the scope', () => {
    expect(() => readPscConfig({ ...full, PSC_REDIRECT_URL: 'https://cpts.example.fr/retour' }, false, undefined)).toThrow(/\/api\/auth\/psc\/callback/);
    expect(() => readPscConfig(full, false, new URL('https://autre.example.fr'))).toThrow(/PUBLIC_URL/);
    expect(() => readPscConfig({ ...full, PSC_SCOPE: 'scope_all' }, false, undefined)).toThrow(/openid/);
    expect(() => readPscConfig({ ...full, PSC_ISSUER: 'pas une url' }, false, undefined)).toThrow(/PSC_ISSUER n’est pas une URL valide/);
  });
});
