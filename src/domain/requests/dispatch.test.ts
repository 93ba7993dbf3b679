import { describe, expect, it } from 'vitest';
import { alertCoordinatorsOfFollowUp, applyMessage, circleStepsDone, escalate, expire, hasMessageNotes, recordStep, startSearch, withoutMessageNotes } from './dispatch';
import { sampleMessage, sampleRequest } from './fixtures';

const now = Date.parse('2026-11-23T10:00:00Z');
const searching = () => recordStep(startSearch(sampleRequest(), now), { kind: 'circle', radiusKm: 10, alert: ['m-n1', 'm-n2'], reason: 'cercle 1' }, now, now + 60_000);

describe('dispatch of a request', () => {
  it('starts the search and records each step: who was alerted, when, why; alerted members become readers', () => {
    const r = searching();
    expect(r.status).toBe('searching');
    expect(r.dispatch).toMatchObject({ alerted: ['m-n1', 'm-n2'], nextStepAt: '2026-11-23T10:01:00.000Z' });
    expect(r.dispatch!.steps[0]).toMatchObject({ kind: 'circle', radiusKm: 10, alerted: ['m-n1', 'm-n2'], reason: 'cercle 1', at: '2026-11-23T10:00:00.000Z' });
    expect(r.readers).toEqual(['m-n1', 'm-n2']);
    expect(r.history!.map((h) => h.event)).toEqual(['start-search']);
    const wider = recordStep(r, { kind: 'circle', radiusKm: 20, alert: ['m-n2', 'm-n3'], reason: 'cercle 2' }, now + 60_000, undefined);
    expect(wider.dispatch!.alerted).toEqual(['m-n1', 'm-n2', 'm-n3']);
    expect(wider.dispatch!.nextStepAt).toBeUndefined();
    expect(circleStepsDone(wider)).toBe(2);
  });

  it('gives the request to the first acceptance; a second one is refused and kept in the history', () => {
    const first = applyMessage(searching(), sampleMessage('m-n1', 'accept'), false, now + 1000);
    expect(first.applied).toBe(true);
    expect(first.request).toMatchObject({ status: 'assigned', assigneeId: 'm-n1' });
    expect(first.request.dispatch!.nextStepAt).toBeUndefined();
    const second = applyMessage(first.request, sampleMessage('m-n2', 'accept'), false, now + 2000);
    expect(second.applied).toBe(false);
    expect(second.request.assigneeId).toBe('m-n1');
    expect(second.request.history!.at(-1)).toMatchObject({ event: 'accept-refused', by: 'm-n2' });
  });

  it('recognises a message applied twice (after a restart) and changes nothing', () => {
    const once = applyMessage(searching(), sampleMessage('m-n1', 'accept'), false, now).request;
    const twice = applyMessage(once, sampleMessage('m-n1', 'accept'), false, now + 5);
    expect(twice.applied).toBe(false);
    expect(twice.request).toBe(once);
  });

  it('records declines and advice without changing the status', () => {
    const message = sampleMessage('m-n2', 'decline', { text: 'en congé' });
    const r = applyMessage(searching(), message, false, now);
    expect(r.request.status).toBe('searching');
    expect(r.request.history!.at(-1)).toEqual({ at: new Date(now).toISOString(), event: 'decline', by: 'm-n2', ref: message.id });
  });

  it('never copies what a message says onto the card every alerted member reads', () => {
    const words = 'Mme Durand, 12 rue des Lilas, sort de chirurgie';
    const assigned = applyMessage(searching(), sampleMessage('m-n1', 'accept'), false, now).request;
    const kinds = [
      applyMessage(searching(), sampleMessage('m-n2', 'decline', { text: words }), false, now),
      applyMessage(searching(), sampleMessage('m-n2', 'advice', { text: words }), false, now),
      applyMessage(searching(), sampleMessage('m-coord', 'call', { text: words, subjectId: 'm-n2', outcome: 'agreed' }), true, now),
      applyMessage(searching(), sampleMessage('m-coord', 'note', { text: words }), true, now),
      applyMessage(searching(), sampleMessage('m-n2', 'flag', { text: words }), false, now),
      applyMessage(assigned, sampleMessage('m-n1', 'close-unresolved', { text: words }), false, now),
    ];
    for (const outcome of kinds) {
      expect(outcome.applied).toBe(true);
      expect(JSON.stringify(outcome.request)).not.toContain('Durand');
    }
  });

  it('takes the words of messages off a card written before, and keeps the refusals the server explains', () => {
    const card = {
      ...searching(),
      history: [
        { at: '2026-01-05T09:00:00.000Z', event: 'decline', by: 'm-n2', ref: 'r1--m-n2--a', note: 'Mme Durand est connue du service' },
        { at: '2026-01-05T09:01:00.000Z', event: 'accept-refused', by: 'm-n3', ref: 'r1--m-n3--b', note: 'déjà prise en charge' },
        { at: '2026-01-05T09:02:00.000Z', event: 'start-search', by: 'server' },
      ],
    };
    expect(hasMessageNotes(card)).toBe(true);
    const cleared = withoutMessageNotes(card, now);
    expect(cleared.history).toEqual([
      { at: '2026-01-05T09:00:00.000Z', event: 'decline', by: 'm-n2', ref: 'r1--m-n2--a' },
      card.history[1],
      card.history[2],
    ]);
    expect(hasMessageNotes(cleared)).toBe(false);
    // A new version, so that every device holding the card replaces it.
    expect(cleared.updatedAt).toBe(new Date(Math.max(now, Date.parse(card.updatedAt) + 1)).toISOString());
    expect(cleared.updatedAt).not.toBe(card.updatedAt);
  });

  it('hands back, cancels and closes by the rules of the lifecycle', () => {
    const assigned = applyMessage(searching(), sampleMessage('m-n1', 'accept'), false, now).request;
    const back = applyMessage(assigned, sampleMessage('m-n1', 'hand-back'), false, now);
    expect(back.request.status).toBe('searching');
    expect(back.request.assigneeId).toBeUndefined();
    expect(applyMessage(assigned, sampleMessage('m-n2', 'hand-back'), false, now).applied).toBe(false);
    expect(applyMessage(assigned, sampleMessage('m-gp', 'cancel'), false, now).request.status).toBe('cancelled');
    expect(applyMessage(assigned, sampleMessage('m-n1', 'resolve'), false, now).request.status).toBe('resolved');
    const unresolved = applyMessage(assigned, sampleMessage('m-n1', 'close-unresolved', { text: 'patient hospitalisé' }), false, now);
    expect(unresolved.request.status).toBe('unresolved');
    expect(applyMessage(assigned, sampleMessage('m-n1', 'close-unresolved'), false, now).applied).toBe(false);
  });

  it('records a follow-up, told apart when it went badly, and reopens a resolved case to its assignee at the requester’s word', () => {
    const resolved = applyMessage(applyMessage(searching(), sampleMessage('m-n1', 'accept'), false, now).request, sampleMessage('m-n1', 'resolve'), false, now).request;
    const good = applyMessage(resolved, sampleMessage('m-gp', 'follow-up', { id: `${resolved.id}--m-gp--fu-good`, covered: true, emergency: false }), false, now);
    expect(good).toMatchObject({ applied: true, event: 'follow-up', request: { status: 'resolved' } });
    const bad = applyMessage(resolved, sampleMessage('m-gp', 'follow-up', { id: `${resolved.id}--m-gp--fu-bad1`, covered: true, emergency: true }), false, now);
    expect(bad).toMatchObject({ applied: true, event: 'follow-up-alert' });
    expect(bad.request.history!.at(-1)).toEqual({ at: new Date(now).toISOString(), event: 'follow-up-alert', by: 'm-gp', ref: `${resolved.id}--m-gp--fu-bad1` });
    const reopened = applyMessage(bad.request, sampleMessage('m-gp', 'reopen'), false, now);
    expect(reopened).toMatchObject({ applied: true, event: 'reopen', request: { status: 'assigned', assigneeId: 'm-n1' } });
    // The coordinators on duty are named on the card, for the alert (in the same write).
    expect(alertCoordinatorsOfFollowUp(bad.request, ['m-coord']).dispatch!.escalatedTo).toEqual(['m-coord']);
    expect(alertCoordinatorsOfFollowUp(bad.request, [])).toBe(bad.request);
    // Only a resolved case reopens, and not at the assignee's word.
    expect(applyMessage(resolved, sampleMessage('m-n1', 'reopen'), false, now).applied).toBe(false);
    expect(applyMessage(searching(), sampleMessage('m-gp', 'reopen'), false, now).applied).toBe(false);
  });

  it('escalates at the deadline, then expires', () => {
    const escalated = escalate(searching(), now, ['m-coord'], now + 3_600_000);
    expect(escalated.dispatch).toMatchObject({ escalated: true, nextStepAt: '2026-11-23T11:00:00.000Z' });
    const expired = expire(escalated, now + 3_600_000);
    expect(expired.status).toBe('expired');
    expect(expired.dispatch!.nextStepAt).toBeUndefined();
    const assigned = applyMessage(searching(), sampleMessage('m-n1', 'accept'), false, now).request;
    expect(expire(assigned, now).status).toBe('assigned');
  });

  it('always moves updatedAt forward', () => {
    const r = startSearch(sampleRequest({ updatedAt: '2026-11-23T12:00:00.000Z' }), now);
    expect(Date.parse(r.updatedAt)).toBeGreaterThan(Date.parse('2026-11-23T12:00:00.000Z'));
  });
});

describe('a new search', () => {
  it('lifts an escalation and gives a passed deadline the urgency’s window again', async () => {
    const { redispatch } = await import('./dispatch');
    const escalated = escalate(searching(), now, ['m-coord'], now + 3_600_000);
    const later = Date.parse('2026-11-24T10:00:00Z');
    const again = redispatch({ ...escalated, deadline: '2026-11-23T12:00:00.000Z' }, 'élargie', later);
    expect(again.dispatch!.escalated).toBeUndefined();
    expect(again.dispatch!.escalatedTo).toBeUndefined();
    expect(again.dispatch!.steps.at(-1)).toMatchObject({ kind: 'redispatch', reason: 'élargie' });
    expect(Date.parse(again.deadline)).toBe(later + 12 * 3_600_000);
    expect(circleStepsDone(again)).toBe(0);
  });
});
