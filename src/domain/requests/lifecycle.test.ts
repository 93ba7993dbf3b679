import { describe, expect, it } from 'vitest';
import { allowedEvents, REQUEST_STATUSES, transition, type Actor, type RequestEvent, type RequestStatus } from './lifecycle';

const ev = (type: RequestEvent['type']): RequestEvent => (type === 'close-unresolved' ? { type, reason: 'aucun créneau' } : ({ type } as RequestEvent));

describe('request lifecycle', () => {
  const legal: Array<[RequestStatus, RequestEvent['type'], Actor, RequestStatus]> = [
    ['draft', 'submit', 'requester', 'sent'],
    ['sent', 'start-search', 'server', 'searching'],
    ['searching', 'accept', 'member', 'assigned'],
    ['searching', 'accept', 'coordinator', 'assigned'],
    ['assigned', 'hand-back', 'assignee', 'searching'],
    ['assigned', 'resolve', 'assignee', 'resolved'],
    ['assigned', 'resolve', 'requester', 'resolved'],
    ['assigned', 'close-unresolved', 'assignee', 'unresolved'],
    ['searching', 'close-unresolved', 'coordinator', 'unresolved'],
    ['searching', 'cancel', 'requester', 'cancelled'],
    ['assigned', 'cancel', 'requester', 'cancelled'],
    ['sent', 'expire', 'server', 'expired'],
    ['searching', 'expire', 'server', 'expired'],
  ];

  it.each(legal)('%s --%s by %s--> %s', (from, type, actor, to) => {
    expect(transition(from, ev(type), actor)).toEqual({ ok: true, status: to });
  });

  it('refuses every transition out of a closed request, saying why', () => {
    for (const closed of ['resolved', 'unresolved', 'cancelled', 'expired'] as const) {
      for (const type of ['submit', 'accept', 'hand-back', 'resolve', 'cancel', 'expire', 'close-unresolved'] as const) {
        const result = transition(closed, ev(type), 'coordinator');
        expect(result.ok, `${closed} ${type}`).toBe(false);
      }
    }
    expect(transition('resolved', ev('cancel'), 'requester')).toEqual({ ok: false, error: 'Impossible d’annuler la demande : la demande est résolue.' });
  });

  it('refuses the wrong actor, naming who may do it', () => {
    const result = transition('searching', ev('cancel'), 'member');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toBe('Impossible d’annuler la demande : réservé au demandeur ou à la coordination.');
    expect(transition('searching', ev('accept'), 'requester').ok).toBe(false);
    expect(transition('assigned', ev('hand-back'), 'member').ok).toBe(false);
    expect(transition('searching', ev('expire'), 'coordinator').ok).toBe(false);
    expect(transition('sent', ev('start-search'), 'requester').ok).toBe(false);
  });

  it('refuses a second acceptance: the first one wins', () => {
    expect(transition('assigned', ev('accept'), 'member')).toMatchObject({ ok: false, error: expect.stringContaining('prise en charge') });
  });

  it('wants a reason to close as unresolved', () => {
    expect(transition('assigned', { type: 'close-unresolved', reason: '  ' }, 'assignee').ok).toBe(false);
  });

  it('offers each actor exactly the events the rules allow', () => {
    expect(allowedEvents('searching', 'requester').sort()).toEqual(['cancel', 'close-unresolved']);
    expect(allowedEvents('searching', 'member')).toEqual(['accept']);
    expect(allowedEvents('assigned', 'assignee').sort()).toEqual(['close-unresolved', 'hand-back', 'resolve']);
    for (const status of REQUEST_STATUSES) {
      for (const type of allowedEvents(status, 'coordinator')) expect(transition(status, ev(type), 'coordinator').ok).toBe(true);
    }
  });
});
