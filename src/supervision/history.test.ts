import { describe, expect, it } from 'vitest';
import { sampleMessage, sampleRequest } from '../domain/requests/fixtures';
import { agreedBy, callsOf, timeline } from './history';

describe('timeline', () => {
  const call = sampleMessage('m-coord', 'call', { id: 'r-0f3c9a1b2c3d4e5f--m-coord--c1', subjectId: 'm-nurse', outcome: 'agreed', text: 'Passe ce soir', createdAt: '2026-11-23T12:00:00.000Z' });
  const request = sampleRequest({
    dispatch: {
      alerted: ['m-a'],
      steps: [
        { at: '2026-11-23T10:00:00.000Z', kind: 'circle', radiusKm: 10, alerted: ['m-a'], reason: 'cercle 1' },
        { at: '2026-11-23T11:00:00.000Z', kind: 'escalation', alerted: [], reason: 'personne n’a accepté' },
      ],
    },
    history: [
      { at: '2026-11-23T10:00:00.000Z', event: 'start-search', by: 'server' },
      { at: '2026-11-23T12:00:01.000Z', event: 'call', by: 'm-coord', ref: call.id, note: '→ m-nurse · agreed · Passe ce soir' },
      { at: '2026-11-23T12:01:00.000Z', event: 'accept', by: 'm-coord', ref: 'r-0f3c9a1b2c3d4e5f--m-coord--missing', note: 'pour le compte de m-nurse' },
    ],
  });

  it('merges history and dispatch steps in time order, the history entry first at one instant', () => {
    expect(timeline(request, [call]).map((e) => e.event)).toEqual(['start-search', 'circle', 'escalation', 'call', 'accept']);
  });

  it('completes an entry with its message, and falls back to the server’s note without it', () => {
    const entries = timeline(request, [call]);
    expect(entries[3]).toMatchObject({ by: 'm-coord', subjectId: 'm-nurse', outcome: 'agreed', text: 'Passe ce soir' });
    expect(entries[4]).toMatchObject({ by: 'm-coord', text: 'pour le compte de m-nurse' });
    expect(entries[1]).toMatchObject({ by: 'server', alerted: 1, text: 'cercle 1' });
  });
});

describe('calls', () => {
  const at = (m: number) => `2026-11-23T12:0${m}:00.000Z`;
  const messages = [
    sampleMessage('m-coord', 'call', { id: 'x1', subjectId: 'm-a', outcome: 'agreed', createdAt: at(1) }),
    sampleMessage('m-coord', 'call', { id: 'x2', subjectId: 'm-b', outcome: 'no-answer', createdAt: at(2) }),
    sampleMessage('m-coord', 'call', { id: 'x3', subjectId: 'm-b', outcome: 'agreed', createdAt: at(3) }),
    sampleMessage('m-coord', 'call', { id: 'x4', subjectId: 'm-a', outcome: 'declined', createdAt: at(4) }),
    sampleMessage('m-coord', 'note', { id: 'x5', text: 'rappeler', createdAt: at(5) }),
  ];

  it('says a follow-up’s two answers in words', () => {
    const answer = sampleMessage('m-gp', 'follow-up', { id: 'r-0f3c9a1b2c3d4e5f--m-gp--fu01', covered: false, emergency: true });
    const resolved = { ...sampleRequest(), history: [{ at: '2026-11-25T09:00:00.000Z', event: 'follow-up-alert', by: 'm-gp', ref: answer.id }] };
    expect(timeline(resolved, [answer])[0]).toMatchObject({ event: 'follow-up-alert', text: 'Le besoin est-il couvert ? non · Le patient est-il allé aux urgences depuis ? oui' });
  });

  it('lists calls newest first', () => {
    expect(callsOf(messages).map((m) => m.id)).toEqual(['x4', 'x3', 'x2', 'x1']);
  });

  it('offers to assign only those whose last call was an agreement', () => {
    expect(agreedBy(messages)).toEqual(['m-b']);
  });
});
