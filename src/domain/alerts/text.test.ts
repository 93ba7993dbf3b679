import { describe, expect, it } from 'vitest';
import { alertSms, alertText } from './text';

const request = { id: 'r-1', type: 'passage-infirmier', urgency: 'today', place: { commune: 'Pont-à-Mousson' } };

describe('the words of an alert', () => {
  it('names the need, the place and the urgency, and opens the request', () => {
    expect(alertText('new-request', request)).toEqual({
      title: 'Nouvelle demande : passage infirmier à domicile (retour à domicile)',
      body: 'Pont-à-Mousson — dans la journée',
      url: '/demandes/r-1',
    });
    expect(alertText('escalation', request).title).toBe('Demande sans preneur : passage infirmier à domicile (retour à domicile)');
  });

  it('never carries the patient, whatever the request object holds', () => {
    const withPatient = { ...request, patient: { lastName: 'Dupont', firstName: 'Jeanne' }, question: 'Mme Dupont, pansement' };
    const words = JSON.stringify(alertText('new-request', withPatient)) + alertSms('CPTS du Val', alertText('new-request', withPatient));
    expect(words).not.toMatch(/Dupont|Jeanne|pansement/);
  });

  it('says the same in a text message, opened by the network', () => {
    expect(alertSms('CPTS du Val', alertText('new-request', request))).toBe(
      'CPTS du Val — Nouvelle demande : passage infirmier à domicile (retour à domicile) (Pont-à-Mousson — dans la journée). Ouvrez l’application pour répondre.',
    );
  });
});
