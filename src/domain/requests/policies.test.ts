import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../session/user';
import { canRead } from '../sync/policy';
import { REQUEST_ID, sampleMessage, samplePatient, sampleRequest } from './fixtures';
import { messagesPolicy, patientsPolicy, requestsPolicy } from './policies';

const user = (memberId: string, roles: SessionUser['roles'] = ['member']): SessionUser => ({ id: `acc-${memberId}`, memberId, name: memberId, roles });
const gp = user('m-gp');
const nurse = user('m-nurse');
const other = user('m-other');
const coordinator = user('m-coord', ['member', 'coordinator']);
const searching = sampleRequest({ status: 'searching', dispatch: { alerted: ['m-nurse', 'm-nurse2'], steps: [] }, readers: ['m-nurse', 'm-nurse2'] });
const related = (request = searching) => new Map([[`requests/${REQUEST_ID}`, request]]);

describe('requests: who reads the card', () => {
  it('the requester, the members it lists as readers, the coordination; nobody else', () => {
    expect(canRead(requestsPolicy, gp, searching)).toBe(true);
    expect(canRead(requestsPolicy, nurse, searching)).toBe(true);
    expect(canRead(requestsPolicy, coordinator, searching)).toBe(true);
    expect(canRead(requestsPolicy, other, searching)).toBe(false);
  });
});

describe('requests: who writes the card', () => {
  it('lets a member post a request in their own name, as a draft or sent', () => {
    expect(requestsPolicy.refuseWrite(gp, undefined, sampleRequest())).toBeNull();
    expect(requestsPolicy.refuseWrite(gp, undefined, sampleRequest({ status: 'draft' }))).toBeNull();
    expect(requestsPolicy.refuseWrite(other, undefined, sampleRequest())).toMatch(/en son nom propre/);
  });

  it('keeps status, assignee, dispatch and readers for the server', () => {
    expect(requestsPolicy.refuseWrite(gp, undefined, sampleRequest({ status: 'assigned' }))).toMatch(/brouillon ou une demande envoyée/);
    expect(requestsPolicy.refuseWrite(gp, undefined, sampleRequest({ assigneeId: 'm-gp' }))).toMatch(/assigneeId/);
    expect(requestsPolicy.refuseWrite(gp, undefined, sampleRequest({ readers: ['m-other'] }))).toMatch(/readers/);
    expect(requestsPolicy.refuseWrite(gp, undefined, sampleRequest({ dispatch: { alerted: [], steps: [] } }))).toMatch(/dispatch/);
  });

  it('freezes a sent request: it is cancelled through a message', () => {
    expect(requestsPolicy.refuseWrite(gp, searching, { ...searching, question: 'autre chose' })).toMatch(/ne se modifie plus/);
    expect(requestsPolicy.refuseWrite(gp, searching, { ...searching, status: 'cancelled' })).toMatch(/ne se modifie plus/);
    const draft = sampleRequest({ status: 'draft' });
    expect(requestsPolicy.refuseWrite(gp, draft, { ...draft, status: 'sent' })).toBeNull();
    expect(requestsPolicy.refuseWrite(gp, draft, { ...draft, _deleted: true })).toBeNull();
  });
});

describe('patient blocks', () => {
  it('are read by the requester, the assignee once listed, and the coordination only', () => {
    const block = samplePatient({ readers: ['m-nurse'] });
    expect(canRead(patientsPolicy, gp, block)).toBe(true);
    expect(canRead(patientsPolicy, nurse, block)).toBe(true);
    expect(canRead(patientsPolicy, coordinator, block)).toBe(true);
    expect(canRead(patientsPolicy, other, block)).toBe(false);
    expect(canRead(patientsPolicy, nurse, samplePatient())).toBe(false);
  });

  it('are written by the requester only, with the consent they collected, readers left to the server', () => {
    expect(patientsPolicy.refuseWrite(gp, undefined, samplePatient(), related())).toBeNull();
    expect(patientsPolicy.refuseWrite(nurse, undefined, samplePatient(), related())).toMatch(/seul le demandeur/);
    expect(patientsPolicy.refuseWrite(gp, undefined, samplePatient({ readers: ['m-other'] }), related())).toMatch(/readers/);
    expect(patientsPolicy.refuseWrite(gp, undefined, samplePatient({ consent: { informed: true, at: 'x', by: 'm-other' } }), related())).toMatch(/consentement/);
    expect(patientsPolicy.refuseWrite(gp, undefined, samplePatient({ id: 'p-aaaaaaaaaaaa' }), related())).toMatch(/identifiant/);
    expect(patientsPolicy.refuseWrite(gp, samplePatient(), { ...samplePatient(), _deleted: true }, related())).toMatch(/ne se supprime pas/);
    expect(patientsPolicy.refuseWrite(gp, samplePatient(), { ...samplePatient(), _deleted: true }, related(sampleRequest({ status: 'draft' })))).toBeNull();
    expect(patientsPolicy.refuseWrite(gp, undefined, samplePatient(), related(sampleRequest({ requesterId: 'm-other' })))).toMatch(/ne correspond pas/);
  });
});

describe('messages', () => {
  it('are read by their author, the readers the server lists, and the coordination', () => {
    const message = sampleMessage('m-nurse', 'accept', { readers: ['m-gp'] });
    expect(canRead(messagesPolicy, nurse, message)).toBe(true);
    expect(canRead(messagesPolicy, gp, message)).toBe(true);
    expect(canRead(messagesPolicy, other, message)).toBe(false);
  });

  it('let the alerted answer, the participants write on the thread, and nobody else', () => {
    expect(messagesPolicy.refuseWrite(nurse, undefined, sampleMessage('m-nurse', 'accept'), related())).toBeNull();
    expect(messagesPolicy.refuseWrite(nurse, undefined, sampleMessage('m-nurse', 'decline'), related())).toBeNull();
    expect(messagesPolicy.refuseWrite(other, undefined, sampleMessage('m-other', 'accept'), related())).toMatch(/ne participez pas/);
    expect(messagesPolicy.refuseWrite(nurse, undefined, sampleMessage('m-nurse', 'message'), related())).toMatch(/ne participez pas/);
    const assigned = { ...searching, status: 'assigned' as const, assigneeId: 'm-nurse' };
    expect(messagesPolicy.refuseWrite(nurse, undefined, sampleMessage('m-nurse', 'message'), related(assigned))).toBeNull();
    expect(messagesPolicy.refuseWrite(nurse, undefined, sampleMessage('m-nurse', 'hand-back'), related(assigned))).toBeNull();
    expect(messagesPolicy.refuseWrite(gp, undefined, sampleMessage('m-gp', 'cancel'), related())).toBeNull();
    expect(messagesPolicy.refuseWrite(nurse, undefined, sampleMessage('m-nurse', 'cancel'), related())).toMatch(/ne participez pas/);
    // The follow-up and the reopening are the requester's.
    const resolved = { ...assigned, status: 'resolved' as const };
    expect(messagesPolicy.refuseWrite(gp, undefined, sampleMessage('m-gp', 'follow-up', { covered: false, emergency: false }), related(resolved))).toBeNull();
    expect(messagesPolicy.refuseWrite(gp, undefined, sampleMessage('m-gp', 'reopen'), related(resolved))).toBeNull();
    expect(messagesPolicy.refuseWrite(nurse, undefined, sampleMessage('m-nurse', 'follow-up', { covered: true, emergency: false }), related(resolved))).toMatch(/ne participez pas/);
    expect(messagesPolicy.refuseWrite(nurse, undefined, sampleMessage('m-nurse', 'reopen'), related(resolved))).toMatch(/ne participez pas/);
  });

  it('are append-only, in their author’s name, with an id derived from request and author', () => {
    const message = sampleMessage('m-nurse', 'accept');
    expect(messagesPolicy.refuseWrite(nurse, message, { ...message, text: 'changé' }, related())).toMatch(/ne se modifie pas/);
    expect(messagesPolicy.refuseWrite(nurse, undefined, sampleMessage('m-gp', 'accept'), related())).toMatch(/en son nom propre/);
    expect(messagesPolicy.refuseWrite(nurse, undefined, { ...message, id: `${REQUEST_ID}--m-gp--a1b2c3d4` }, related())).toMatch(/identifiant/);
    expect(messagesPolicy.refuseWrite(nurse, undefined, { ...message, readers: ['m-other'] }, related())).toMatch(/readers/);
    expect(messagesPolicy.refuseWrite(nurse, undefined, { ...message, onBehalfOf: 'm-other' }, related())).toMatch(/pour le compte/);
    expect(messagesPolicy.refuseWrite(nurse, undefined, message, new Map())).toMatch(/demande inconnue/);
  });

  it('validate against their schema', () => {
    expect(messagesPolicy.validate(sampleMessage('m-nurse', 'accept')).ok).toBe(true);
    expect(messagesPolicy.validate({ ...sampleMessage('m-nurse', 'accept'), kind: 'hack' }).ok).toBe(false);
    expect(messagesPolicy.validate(sampleMessage('m-gp', 'follow-up', { covered: true, emergency: false })).ok).toBe(true);
    expect(messagesPolicy.validate({ ...sampleMessage('m-gp', 'follow-up'), covered: 'oui' }).ok).toBe(false);
    expect(requestsPolicy.validate(sampleRequest()).ok).toBe(true);
    expect(requestsPolicy.validate(sampleRequest({ id: 'r-../../x' })).ok).toBe(false);
    expect(patientsPolicy.validate(samplePatient()).ok).toBe(true);
    expect(patientsPolicy.validate(samplePatient({ insStatus: 'qualifiee' as never })).ok).toBe(false);
    expect(patientsPolicy.validate({ ...samplePatient(), consent: { informed: false, at: 'x', by: 'm-gp' } }).ok).toBe(false);
  });
});

describe('server-stamped readers', () => {
  it('give a message to the request’s requester and assignee, and a patient block to the assignee', () => {
    const assigned = { ...searching, status: 'assigned' as const, assigneeId: 'm-nurse' };
    expect(messagesPolicy.stamp!(sampleMessage('m-nurse', 'message'), related(assigned)).readers).toEqual(['m-gp']);
    expect(messagesPolicy.stamp!(sampleMessage('m-gp', 'message'), related(assigned)).readers).toEqual(['m-nurse']);
    expect(messagesPolicy.stamp!(sampleMessage('m-nurse2', 'decline'), related(searching)).readers).toEqual(['m-gp']);
    expect(patientsPolicy.stamp!(samplePatient(), related(assigned)).readers).toEqual(['m-nurse']);
    expect(patientsPolicy.stamp!(samplePatient(), related(searching)).readers).toEqual([]);
  });
});

describe('closed cases withdrawn from devices', () => {
  const at = '2026-12-24T10:00:00.000Z';

  it('are sent as deletions that keep their readers and their schema, not their data', () => {
    const patient = samplePatient({ readers: ['m-nurse'], purgedFromDevices: at });
    const stub = patientsPolicy.withdrawn!(patient)!;
    expect(JSON.stringify(stub)).not.toMatch(/Durand|Jeanne|1941|Lilas|06 12/);
    expect(patientsPolicy.validate(stub).ok).toBe(true);
    expect(patientsPolicy.audience(stub)).toEqual(patientsPolicy.audience(patient));
    const message = sampleMessage('m-nurse', 'message', { text: 'Code de la porte : 4812', readers: ['m-gp'], purgedFromDevices: at });
    const gone = messagesPolicy.withdrawn!(message)!;
    expect(gone).not.toHaveProperty('text');
    expect(messagesPolicy.validate(gone).ok).toBe(true);
    expect(messagesPolicy.audience(gone)).toEqual(messagesPolicy.audience(message));
  });

  it('only once the server marked them, and the mark is the server’s alone', () => {
    expect(patientsPolicy.withdrawn!(samplePatient())).toBeUndefined();
    expect(messagesPolicy.withdrawn!(sampleMessage('m-gp', 'message'))).toBeUndefined();
    expect(patientsPolicy.refuseWrite(gp, undefined, samplePatient({ purgedFromDevices: at }), related())).toMatch(/purgedFromDevices/);
    expect(patientsPolicy.refuseWrite(gp, samplePatient({ purgedFromDevices: at }), samplePatient(), related())).toMatch(/purgedFromDevices/);
    expect(messagesPolicy.refuseWrite(gp, undefined, sampleMessage('m-gp', 'message', { purgedFromDevices: at }), related())).toMatch(/purgedFromDevices/);
  });
});
