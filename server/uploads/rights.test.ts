import { describe, expect, it } from 'vitest';
import type { SessionUser } from '../../src/domain/session/user';
import { isParticipant } from './rights';

const user = (memberId: string, roles: SessionUser['roles'] = ['member']): SessionUser => ({ id: `acc-${memberId}`, memberId, name: memberId, roles });
const parties = { requesterId: 'm-gp', assigneeId: 'm-nurse' };

describe('participants of a case', () => {
  it('are the requester, the assignee and the coordination', () => {
    expect(isParticipant(user('m-gp'), parties)).toBe(true);
    expect(isParticipant(user('m-nurse'), parties)).toBe(true);
    expect(isParticipant(user('m-coordination', ['member', 'coordinator']), parties)).toBe(true);
    expect(isParticipant(user('m-admin', ['admin']), parties)).toBe(true);
  });

  it('exclude everyone else, including members who were only alerted, and anyone but the coordination once the request is gone', () => {
    expect(isParticipant(user('m-other-nurse'), parties)).toBe(false);
    expect(isParticipant(user('m-nurse'), { requesterId: 'm-gp' })).toBe(false);
    expect(isParticipant(user('m-gp'), undefined)).toBe(false);
    expect(isParticipant(user('m-coordination', ['coordinator']), undefined)).toBe(true);
  });
});
