import { describe, expect, it } from 'vitest';
import { REQUEST_ID, sampleRequest } from '../domain/requests/fixtures';
import type { SessionUser } from '../domain/session/user';
import { buildCoordinationMessage } from './coordination';

const coordinator: SessionUser = { id: 'a-1', memberId: 'm-coord', name: 'Hélène Marchal', roles: ['member', 'coordinator'] };
const member: SessionUser = { id: 'a-2', memberId: 'm-gp2', name: 'Dr X', roles: ['member'] };
const now = Date.parse('2026-11-23T12:00:00Z');
const searching = sampleRequest({ status: 'searching', dispatch: { alerted: [], steps: [], escalated: true } });

describe('coordination messages', () => {
  it('records a call with its subject and outcome, under an id derived from the request and the author', () => {
    const built = buildCoordinationMessage(coordinator, searching, { kind: 'call', subjectId: 'm-nurse', outcome: 'agreed', text: '  passe à 18 h ' }, now, 'abcd1234');
    expect(built).toEqual({
      ok: true,
      message: { id: `${REQUEST_ID}--m-coord--abcd1234`, requestId: REQUEST_ID, authorId: 'm-coord', kind: 'call', subjectId: 'm-nurse', outcome: 'agreed', text: 'passe à 18 h', createdAt: '2026-11-23T12:00:00.000Z' },
    });
  });

  it('assigns on someone’s behalf while searching, and not once assigned', () => {
    const built = buildCoordinationMessage(coordinator, searching, { kind: 'accept', onBehalfOf: 'm-nurse' }, now, 'abcd1234');
    expect(built.ok && built.message).toMatchObject({ kind: 'accept', onBehalfOf: 'm-nurse' });
    const late = buildCoordinationMessage(coordinator, { ...searching, status: 'assigned', assigneeId: 'm-a' }, { kind: 'accept', onBehalfOf: 'm-nurse' }, now, 'abcd1234');
    expect(late).toEqual({ ok: false, error: 'Impossible d’accepter la demande : la demande est prise en charge.' });
  });

  it('asks for what each action needs: who was called, a note’s text, the reason of an unresolved closure', () => {
    expect(buildCoordinationMessage(coordinator, searching, { kind: 'call', subjectId: '', outcome: 'agreed' }, now, 'abcd1234')).toEqual({ ok: false, error: 'Choisissez la personne appelée.' });
    expect(buildCoordinationMessage(coordinator, searching, { kind: 'note', text: '  ' }, now, 'abcd1234').ok).toBe(false);
    expect(buildCoordinationMessage(coordinator, searching, { kind: 'close-unresolved', text: '' }, now, 'abcd1234')).toEqual({ ok: false, error: 'Indiquez la raison.' });
    expect(buildCoordinationMessage(coordinator, searching, { kind: 'close-unresolved', text: 'Aucun transport disponible' }, now, 'abcd1234').ok).toBe(true);
  });

  it('closes only what the state machine allows the coordinator', () => {
    expect(buildCoordinationMessage(coordinator, searching, { kind: 'resolve' }, now, 'abcd1234').ok).toBe(false);
    expect(buildCoordinationMessage(coordinator, { ...searching, status: 'assigned', assigneeId: 'm-a' }, { kind: 'resolve' }, now, 'abcd1234').ok).toBe(true);
    expect(buildCoordinationMessage(coordinator, searching, { kind: 'cancel', text: 'doublon' }, now, 'abcd1234').ok).toBe(true);
    expect(buildCoordinationMessage(coordinator, { ...searching, status: 'expired' }, { kind: 'cancel' }, now, 'abcd1234').ok).toBe(false);
  });

  it('widens the search of a searching request only', () => {
    expect(buildCoordinationMessage(coordinator, searching, { kind: 'redispatch' }, now, 'abcd1234').ok).toBe(true);
    expect(buildCoordinationMessage(coordinator, { ...searching, status: 'assigned' }, { kind: 'redispatch' }, now, 'abcd1234').ok).toBe(false);
  });

  it('is refused to a member who is not of the coordination, as the server would', () => {
    const built = buildCoordinationMessage(member, searching, { kind: 'note', text: 'je peux aider' }, now, 'abcd1234');
    expect(built).toEqual({ ok: false, error: 'Réservé à la coordination.' });
  });
});
