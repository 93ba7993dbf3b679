/** Tests of the server's reading of a device's error reports: the schema's checks in French, scrubbing again, the dropped count. */
import { describe, expect, it } from 'vitest';
import { DROPPED_EVENT } from '../../src/domain/client-log/api';
import type { SessionUser } from '../../src/domain/session/user';
import { HttpError } from '../http/errors';
import { deviceOf, entriesOf, parseBatch } from './entries';

const user: SessionUser = { id: 'acc-1', memberId: 'm-1', name: 'Dr Arthur Mathis', roles: ['member'] };
const report = { event: 'sync.start', name: 'TypeError', message: 'Échec', at: '2026-03-02T08:00:00.000Z', count: 1 };
const ANDROID = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Mobile Safari/537.36';

function refusal(body: unknown): HttpError {
  try {
    parseBatch(body);
  } catch (err) {
    if (err instanceof HttpError) return err;
    throw err;
  }
  throw new Error('accepted');
}

describe('client error batches', () => {
  it('accepts a well-formed batch', () => {
    expect(parseBatch({ reports: [report], dropped: 2 })).toEqual({ reports: [report], dropped: 2 });
  });

  it('refuses a bad batch with a French message naming the field', () => {
    expect(refusal('texte').message).toBe('Envoyez un objet JSON.');
    expect(refusal({}).message).toBe('Champ « reports » : champ obligatoire manquant.');
    expect(refusal({ reports: Array(21).fill(report) }).message).toBe('Champ « reports » : trop d’éléments.');
    expect(refusal({ reports: [{ ...report, event: 'Patient Dupont' }] }).message).toBe('Champ « reports.0.event » : format invalide.');
    expect(refusal({ reports: [{ ...report, message: 'x'.repeat(1001) }] }).fields).toEqual([{ field: 'reports.0.message', message: 'texte trop long' }]);
    expect(refusal({ reports: [{ ...report, patient: 'Jeanne' }] }).message).toBe('Champ « reports.0.patient » : champ inconnu.');
    expect(refusal({ reports: [{ ...report, count: 0 }] }).status).toBe(400);
  });

  it('scrubs again what a device sent, and adds who sent it from what', () => {
    const sent = { ...report, name: 'Jeanne Dupont', message: 'Écrire à jeanne@example.fr ou au 0612345678', route: '/demandes/r-12?x=1', appVersion: '0.1.0' };
    expect(entriesOf({ reports: [sent] }, user, ANDROID, 0)).toEqual([
      { event: 'sync.start', name: 'Error', message: 'Écrire à [e-mail] ou au [nombre]', route: '/demandes/:id', appVersion: '0.1.0', at: report.at, count: 1, memberId: 'm-1', memberName: 'Dr Arthur Mathis', device: 'Android · Chrome' },
    ]);
  });

  it('turns the count of dropped reports into an entry of its own', () => {
    const entries = entriesOf({ reports: [], dropped: 7 }, user, undefined, Date.parse('2026-03-02T09:00:00Z'));
    expect(entries).toEqual([{ event: DROPPED_EVENT, name: 'Error', message: '', at: '2026-03-02T09:00:00.000Z', count: 7, memberId: 'm-1', memberName: 'Dr Arthur Mathis' }]);
  });

  it('describes the device by its system and browser only', () => {
    expect(deviceOf(ANDROID)).toBe('Android · Chrome');
    expect(deviceOf('Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1')).toBe('iOS · Safari');
    expect(deviceOf('Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36 Edg/124.0.0.0')).toBe('Windows · Edge');
    expect(deviceOf('Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0')).toBe('Linux · Firefox');
    expect(deviceOf('curl/8.5.0')).toBe('autre système · autre navigateur');
    expect(deviceOf(undefined)).toBeUndefined();
  });
});
