/** Tests of the derived lists (alerts, cases, mine) and « déjà pris en charge ». */
import { describe, expect, it } from 'vitest';
import { sampleMessage, sampleRequest } from '../domain/requests/fixtures';
import type { SessionUser } from '../domain/session/user';
import { actorOf, answerOutcome, isParticipant, myAlerts, myAnswers, myCases, myRequests, standingOf } from './lists';

const searching = (id: string, over = {}) =>
  sampleRequest({ id, status: 'searching', dispatch: { alerted: ['m-nurse', 'm-nurse2'], steps: [] }, createdAt: `2026-11-23T10:0${id.slice(-1)}:00Z`, ...over });
const user = (memberId: string, roles: SessionUser['roles'] = ['member']): SessionUser => ({ id: `acc-${memberId}`, memberId, name: memberId, roles });

describe('derived lists', () => {
  const requests = [
    searching('r-aaaaaaaa1', { deadline: '2026-11-23T20:00:00Z' }),
    searching('r-aaaaaaaa2', { deadline: '2026-11-23T12:00:00Z' }),
    searching('r-aaaaaaaa3', { status: 'assigned', assigneeId: 'm-nurse2' }),
    searching('r-aaaaaaaa4', { status: 'assigned', assigneeId: 'm-nurse' }),
    searching('r-aaaaaaaa5', { status: 'resolved', assigneeId: 'm-nurse' }),
    searching('r-aaaaaaaa6', { requesterId: 'm-nurse' }),
  ];

  it('alerts: alerted, still searching, not answered; the nearest deadline first', () => {
    expect(myAlerts(requests, [], 'm-nurse').map((r) => r.id)).toEqual(['r-aaaaaaaa2', 'r-aaaaaaaa1']);
    const declined = [sampleMessage('m-nurse', 'decline', { requestId: 'r-aaaaaaaa2' })];
    expect(myAlerts(requests, declined, 'm-nurse').map((r) => r.id)).toEqual(['r-aaaaaaaa1']);
    // Someone else's answer changes nothing for me.
    expect(myAlerts(requests, [sampleMessage('m-nurse2', 'accept', { requestId: 'r-aaaaaaaa1' })], 'm-nurse')).toHaveLength(2);
    expect(myAlerts(requests, [], 'm-other')).toEqual([]);
  });

  it('cases: assigned to me, open first; taken or closed ones leave the alerts', () => {
    expect(myCases(requests, 'm-nurse').map((r) => r.id)).toEqual(['r-aaaaaaaa4', 'r-aaaaaaaa5']);
    expect(myAlerts(requests, [], 'm-nurse2').map((r) => r.id)).not.toContain('r-aaaaaaaa3');
  });

  it('mine: posted by me, open first then the most recent', () => {
    const mine = [sampleRequest({ id: 'r-bbbbbbbb1', status: 'cancelled', createdAt: '2026-11-23T12:00:00Z' }), sampleRequest({ id: 'r-bbbbbbbb2', createdAt: '2026-11-23T09:00:00Z' }), sampleRequest({ id: 'r-bbbbbbbb3', createdAt: '2026-11-23T11:00:00Z' })];
    expect(myRequests(requests, 'm-nurse').map((r) => r.id)).toEqual(['r-aaaaaaaa6']);
    expect(myRequests(mine, 'm-gp').map((r) => r.id)).toEqual(['r-bbbbbbbb3', 'r-bbbbbbbb2', 'r-bbbbbbbb1']);
  });
});

describe('« déjà pris en charge »', () => {
  const accepted = (who: string) => [sampleMessage(who, 'accept')];

  it('tells a late acceptance from a case taken while I had not accepted', () => {
    const taken = sampleRequest({ status: 'assigned', assigneeId: 'm-nurse', dispatch: { alerted: ['m-nurse', 'm-nurse2'], steps: [] } });
    expect(standingOf(taken, accepted('m-nurse2'), 'm-nurse2')).toEqual({ kind: 'too-late', by: 'm-nurse' });
    expect(standingOf(taken, [], 'm-nurse2')).toEqual({ kind: 'taken', by: 'm-nurse' });
    expect(standingOf(taken, accepted('m-nurse'), 'm-nurse')).toEqual({ kind: 'assigned-to-me' });
    expect(standingOf(taken, [], 'm-gp')).toBeNull();
  });

  it('waits for the server after an acceptance, and forgets it once the request is closed', () => {
    const open = sampleRequest({ status: 'searching', dispatch: { alerted: ['m-nurse'], steps: [] } });
    expect(standingOf(open, accepted('m-nurse'), 'm-nurse')).toEqual({ kind: 'waiting' });
    expect(standingOf({ ...open, status: 'resolved' }, accepted('m-nurse'), 'm-nurse')).toBeNull();
  });

  it('follows a hand-back, a cancellation and an expiry after I accepted', () => {
    const [accept] = accepted('m-nurse');
    const applied = { at: '2026-11-23T10:05:01.000Z', event: 'accept', by: 'm-nurse', ref: accept.id };
    const handBack = { at: '2026-11-23T11:00:00.000Z', event: 'hand-back', by: 'm-nurse', ref: 'x' };
    const handedBack = sampleRequest({ status: 'searching', dispatch: { alerted: ['m-nurse'], steps: [] }, history: [applied, handBack] });
    expect(standingOf(handedBack, [accept], 'm-nurse')).toEqual({ kind: 'handed-back', by: 'm-nurse' });
    // Handed back before my acceptance was even applied: my acceptance still waits.
    expect(standingOf({ ...handedBack, history: [handBack] }, [accept], 'm-nurse')).toEqual({ kind: 'waiting' });
    // Accepted again after the hand-back: waiting for the server again.
    const again = sampleMessage('m-nurse', 'accept', { id: 'again', createdAt: '2026-11-23T11:30:00.000Z' });
    expect(standingOf(handedBack, [accept, again], 'm-nurse')).toEqual({ kind: 'waiting' });
    expect(standingOf({ ...handedBack, status: 'cancelled' }, [accept], 'm-nurse')).toEqual({ kind: 'closed', status: 'cancelled' });
    expect(standingOf({ ...handedBack, status: 'expired' }, [accept], 'm-nurse')).toEqual({ kind: 'closed', status: 'expired' });
    expect(standingOf({ ...handedBack, status: 'cancelled', assigneeId: 'm-nurse' }, [], 'm-nurse')).toEqual({ kind: 'closed', status: 'cancelled' });
  });
});

describe('roles on a request', () => {
  const request = sampleRequest({ status: 'assigned', assigneeId: 'm-nurse', dispatch: { alerted: ['m-nurse', 'm-nurse2'], steps: [] } });
  it('names the actor of the lifecycle and the participants of the case', () => {
    expect(actorOf(request, user('m-gp'))).toBe('requester');
    expect(actorOf(request, user('m-nurse'))).toBe('assignee');
    expect(actorOf(request, user('m-nurse2'))).toBe('member');
    expect(actorOf(request, user('m-coord', ['member', 'coordinator']))).toBe('coordinator');
    expect(actorOf(request, user('m-other'))).toBeNull();
    expect([user('m-gp'), user('m-nurse'), user('m-nurse2'), user('m-c', ['coordinator'])].map((u) => isParticipant(request, u))).toEqual([true, true, false, true]);
  });
});

describe('my answers', () => {
  const [accept] = [sampleMessage('m-nurse', 'accept', { requestId: 'r-cccccccc1' })];
  const applied = { at: '2026-11-23T10:05:01.000Z', event: 'accept', by: 'm-nurse', ref: accept.id };
  const handBack = { at: '2026-11-23T11:00:00.000Z', event: 'hand-back', by: 'm-nurse', ref: 'x' };
  const requests = [
    searching('r-cccccccc1', { history: [applied, handBack] }),
    searching('r-cccccccc2', { status: 'assigned', assigneeId: 'm-nurse2' }),
    searching('r-cccccccc3', { status: 'cancelled', assigneeId: 'm-nurse' }),
    searching('r-cccccccc4'),
    searching('r-cccccccc5'),
  ];
  const messages = [
    accept,
    sampleMessage('m-nurse', 'accept', { requestId: 'r-cccccccc2' }),
    sampleMessage('m-nurse', 'accept', { requestId: 'r-cccccccc3' }),
    sampleMessage('m-nurse', 'decline', { requestId: 'r-cccccccc4' }),
  ];

  it('keep a handed-back case and a late acceptance in view, not my current cases nor the alerts', () => {
    expect(myAnswers(requests, messages, 'm-nurse').map((r) => r.id)).toEqual(['r-cccccccc4', 'r-cccccccc2', 'r-cccccccc1']);
    expect(myCases(requests, 'm-nurse').map((r) => r.id)).toEqual(['r-cccccccc3']);
    expect(myAlerts(requests, messages, 'm-nurse').map((r) => r.id)).toEqual(['r-cccccccc5']);
  });

  it('say what became of each answer', () => {
    const outcome = (id: string) => answerOutcome(requests.find((r) => r.id === id)!, messages, 'm-nurse');
    expect(['r-cccccccc1', 'r-cccccccc2', 'r-cccccccc3', 'r-cccccccc4', 'r-cccccccc5'].map(outcome)).toEqual(['handed-back', 'too-late', 'cancelled', 'declined', null]);
  });
});
