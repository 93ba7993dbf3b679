/** Tests of the scrubbing of error reports: nothing that names a person or opens a door leaves a device, or reaches the log. */
import { describe, expect, it } from 'vitest';
import { MESSAGE_LENGTH, scrubMessage, scrubName, scrubRoute } from './scrub';

describe('scrubMessage', () => {
  it('removes e-mail addresses', () => {
    expect(scrubMessage('Compte jeanne.dupont@example.fr introuvable')).toBe('Compte [e-mail] introuvable');
    expect(scrubMessage('<admin@localhost>')).toBe('<[e-mail]>');
  });

  it('removes phone numbers, NIR, RPPS and dates, with or without separators', () => {
    expect(scrubMessage('Appeler le 06 12 34 56 78 ou +33 6 12 34 56 78')).toBe('Appeler le [nombre] ou [nombre]');
    expect(scrubMessage('NIR 1 85 05 78 006 084 36, RPPS 10000000017')).toBe('NIR [nombre], RPPS [nombre]');
    expect(scrubMessage('née le 12/05/1985 (06.12.34.56.78)')).toBe('née le [nombre] ([nombre])');
  });

  it('keeps short numbers, which tell errors apart', () => {
    expect(scrubMessage('HTTP 404 après 3 essais, code 12345')).toBe('HTTP 404 après 3 essais, code 12345');
  });

  it('removes what follows ? or # in a URL or a path, and bare query strings', () => {
    expect(scrubMessage('GET https://cpts.example.fr/api/sync/patients/_changes?since=12&token=abc failed')).toBe('GET https://cpts.example.fr/api/sync/patients/_changes failed');
    expect(scrubMessage('lien /reinitialisation#jeton=abc et /demandes?patient=Dupont')).toBe('lien /reinitialisation et /demandes');
    expect(scrubMessage('appel ?q=Jeanne refusé')).toBe('appel refusé');
  });

  it('removes long tokens', () => {
    expect(scrubMessage('clé eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9xyz invalide')).toBe('clé [jeton] invalide');
  });

  it('keeps the first line only, without JSON objects: RxDB’s parameters and stacks carry documents', () => {
    const rxdb = '\nDocument update conflict.\n--------------------\nParameters:\ndocument: {\n  "lastName": "Dupont"\n}\n';
    expect(scrubMessage(rxdb)).toBe('Document update conflict.');
    expect(scrubMessage('Valeur invalide {"lastName":"Dupont","firstName":"Jeanne"} refusée')).toBe('Valeur invalide {…}');
    expect(scrubMessage('ligne\t1\u0000fin\n    at f (app.js:1:2)')).toBe('ligne 1 fin');
  });

  it('makes a message of at most MESSAGE_LENGTH characters', () => {
    const long = scrubMessage('mot '.repeat(500));
    expect(long).toHaveLength(MESSAGE_LENGTH);
    expect(long.endsWith('…')).toBe(true);
  });

  it('leaves no piece of a number or address cut at the end of a long message', () => {
    const message = scrubMessage(`${'x'.repeat(190)} jeanne.dupont@example.fr 0612345678`);
    expect(message).not.toMatch(/@|\d{3}/);
  });

  it('is stable: scrubbing twice (device, then server) changes nothing more', () => {
    const once = scrubMessage('Échec pour jeanne@example.fr au 06 12 34 56 78 sur /api/x?y=1');
    expect(scrubMessage(once)).toBe(once);
  });
});

describe('scrubRoute', () => {
  it('keeps the route pattern and replaces ids and anything odd by :id', () => {
    expect(scrubRoute('/demandes/r-8f2c1e90')).toBe('/demandes/:id');
    expect(scrubRoute('/coordination/demandes/r-1?onglet=patient#x')).toBe('/coordination/demandes/:id');
    expect(scrubRoute('/annuaire/jeanne@example.fr')).toBe('/annuaire/:id');
    expect(scrubRoute('/mot-de-passe-oublie')).toBe('/mot-de-passe-oublie');
    expect(scrubRoute('')).toBe('/');
  });
});

describe('scrubName', () => {
  it('keeps an error class name and nothing else', () => {
    expect(scrubName('QuotaExceededError')).toBe('QuotaExceededError');
    expect(scrubName('RxError (SNH)')).toBe('RxError (SNH)');
    expect(scrubName('RxError (RC_PULL)')).toBe('RxError (RC_PULL)');
    expect(scrubName('Patient Jeanne Dupont')).toBe('Error');
    expect(scrubName(undefined)).toBe('Error');
  });
});
