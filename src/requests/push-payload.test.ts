/** Tests of reading Web Push payloads. */
import { describe, expect, it } from 'vitest';
import { alertText } from '../domain/alerts/text';
import { clickUrl, noticeFor, noticeOf, safePath } from './push-payload';

describe('push payload', () => {
  it('makes one notification per request that opens it', () => {
    expect(noticeOf({ kind: 'new-request', requestId: 'r-0123456789abcdef', title: 'Nouvelle demande : passage infirmier', body: 'Metz — dans la journée', url: '/demandes/r-0123456789abcdef' })).toEqual({
      title: 'Nouvelle demande : passage infirmier',
      body: 'Metz — dans la journée',
      url: '/demandes/r-0123456789abcdef',
      tag: 'r-0123456789abcdef',
      acceptable: true,
    });
  });

  it('offers « Accepter » on a new request only, and that button opens the request to accept it', () => {
    const alert = noticeOf({ kind: 'new-request', requestId: 'r-0123456789abcdef', title: 'Nouvelle demande', url: '/demandes/r-0123456789abcdef' });
    expect(clickUrl(alert, 'accept')).toBe('/demandes/r-0123456789abcdef?accepter=1');
    expect(clickUrl(alert, '')).toBe('/demandes/r-0123456789abcdef');
    for (const kind of ['taken', 'escalation', 'message', 'closed']) {
      const other = noticeOf({ kind, requestId: 'r-0123456789abcdef', title: 'x' });
      expect(other.acceptable).toBe(false);
      expect(clickUrl(other, 'accept')).toBe('/demandes/r-0123456789abcdef');
    }
  });

  it('never opens another origin, and survives a damaged payload', () => {
    expect(safePath('https://evil.example/x')).toBe('/demandes');
    expect(safePath('//evil.example/x')).toBe('/demandes');
    expect(noticeOf(null)).toEqual({ title: 'CPTS Metz', body: '', url: '/demandes', tag: 'cpts', acceptable: false });
    expect(noticeOf({ requestId: 'r-0123456789abcdef' }).url).toBe('/demandes/r-0123456789abcdef');
  });
});

describe('a new request seen in the app', () => {
  it('says what its Web Push and SMS say, and offers to accept', () => {
    const request = { id: 'r-0123456789abcdef', type: 'avis-specialise', urgency: '48h', place: { commune: 'Metz' } };
    expect(noticeFor(request)).toEqual({ ...alertText('new-request', request), tag: request.id, acceptable: true });
    expect(noticeFor(request).title).toBe('Nouvelle demande : avis spécialisé / télé-expertise');
  });
});
