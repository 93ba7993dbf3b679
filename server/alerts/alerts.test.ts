import { describe, expect, it } from 'vitest';
import type { Member } from '../../src/domain/members/schema';
import type { CareRequest } from '../../src/domain/requests/schema';
import { AlertSender } from './alerts';
import type { Alert, AlertChannel, DeliveryTracking } from './channel';

const members = new Map(['m-a', 'm-b', 'm-c'].map((id) => [id, { id, profession: '60' } as Member]));
const request = { id: 'r-1', type: 'passage-infirmier', urgency: 'today', place: { commune: 'Metz' }, patientId: 'p-1' } as unknown as CareRequest;

/** A channel of the test's own: adding one is an object implementing the interface, handed to the sender. */
function recording(name: string, wants: (member: Member) => boolean): AlertChannel & { sent: Array<{ alert: Alert; to: string[] }> } {
  const sent: Array<{ alert: Alert; to: string[] }> = [];
  return {
    name,
    sent,
    wants: (member) => wants(member),
    async send(alert, chosen, tracking?: DeliveryTracking) {
      sent.push({ alert, to: chosen.map((m) => m.id) });
      chosen.forEach((m) => tracking?.delivered(`${name}:${m.id}`));
    },
  };
}

describe('sending an alert through the channels', () => {
  it('hands each channel the members it wants, with the same words for all', async () => {
    const push = recording('push', () => true);
    const mssante = recording('mssante', (m) => m.id === 'm-b');
    await new AlertSender(members, [push, mssante]).send('new-request', request, ['m-a', 'm-b', 'm-unknown'], 'alert-1');
    expect(push.sent.map((s) => s.to)).toEqual([['m-a', 'm-b']]);
    expect(mssante.sent.map((s) => s.to)).toEqual([['m-b']]);
    expect(push.sent[0].alert.text).toEqual({ title: 'Nouvelle demande : passage infirmier à domicile (retour à domicile)', body: 'Metz — dans la journée', url: '/demandes/r-1' });
    expect(mssante.sent[0].alert).toBe(push.sent[0].alert);
    expect(push.sent[0].alert.id).toBe('alert-1');
  });

  it('skips a channel nobody is wanted for, and sends nothing for no member', async () => {
    const none = recording('none', () => false);
    const all = recording('all', () => true);
    await new AlertSender(members, [none, all]).send('taken', request, ['m-c'], 'alert-2');
    await new AlertSender(members, [none, all]).send('taken', request, [], 'alert-3');
    expect(none.sent).toEqual([]);
    expect(all.sent.map((s) => s.to)).toEqual([['m-c']]);
  });

  it('stops at a channel that could not start, so the outbox tries the alert again', async () => {
    const failing: AlertChannel = { name: 'down', wants: () => true, send: async () => Promise.reject(new Error('abonnements illisibles')) };
    const after = recording('after', () => true);
    await expect(new AlertSender(members, [failing, after]).send('new-request', request, ['m-a'], 'alert-4')).rejects.toThrow('abonnements illisibles');
    expect(after.sent).toEqual([]);
  });
});
