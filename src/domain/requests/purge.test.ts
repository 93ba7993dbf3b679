import { describe, expect, it } from 'vitest';
import type { RequestStatus } from './lifecycle';
import { isPurgeDue, purgeCutoff } from './purge';

const now = Date.parse('2026-12-01T12:00:00.000Z');

describe('purge of closed cases from devices', () => {
  it('is due `days` after the closed card last changed, never for an open case', () => {
    expect(purgeCutoff(30, now)).toBe('2026-11-01T12:00:00.000Z');
    expect(isPurgeDue({ status: 'resolved', updatedAt: '2026-11-01T11:59:59.999Z' }, 30, now)).toBe(true);
    expect(isPurgeDue({ status: 'resolved', updatedAt: '2026-11-01T12:00:00.000Z' }, 30, now)).toBe(false);
    for (const status of ['unresolved', 'cancelled', 'expired'] as RequestStatus[]) expect(isPurgeDue({ status, updatedAt: '2026-01-01T00:00:00.000Z' }, 30, now), status).toBe(true);
    for (const status of ['draft', 'sent', 'searching', 'assigned'] as RequestStatus[]) expect(isPurgeDue({ status, updatedAt: '2026-01-01T00:00:00.000Z' }, 30, now), status).toBe(false);
    expect(isPurgeDue({ status: 'resolved', updatedAt: '2026-11-25T00:00:00.000Z' }, 7, now)).toBe(false);
    expect(isPurgeDue({ status: 'resolved', updatedAt: '2026-11-23T00:00:00.000Z' }, 7, now)).toBe(true);
  });
});
