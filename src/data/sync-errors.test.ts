/** Tests of the sync status rule and of how replication errors are read. */
import { describe, expect, it } from 'vitest';
import { describeSyncError, forbiddenReason, reportedByFetch, syncStatus } from './sync-errors';

const idle = { browserOnline: true, networkDown: false, active: false, error: null };

describe('sync status', () => {
  it('is offline when the browser or the last request says so', () => {
    expect(syncStatus({ ...idle, browserOnline: false, error: 'x' })).toBe('offline');
    expect(syncStatus({ ...idle, networkDown: true, active: true })).toBe('offline');
  });

  it('puts a blocking error before activity', () => {
    expect(syncStatus({ ...idle, active: true, error: 'refusé' })).toBe('error');
    expect(syncStatus({ ...idle, active: true })).toBe('syncing');
    expect(syncStatus(idle)).toBe('online');
  });
});

describe('replication errors', () => {
  const forbidden = {
    code: 'SNH',
    parameters: { args: { writeResultRow: { id: 'a', error: 'forbidden', reason: 'champ « kind » protégé' } } },
  };

  it('reads the reason of a refused write', () => {
    expect(forbiddenReason(forbidden)).toBe('champ « kind » protégé');
    expect(describeSyncError(forbidden)).toContain('champ « kind » protégé');
    expect(forbiddenReason({ code: 'SNH', parameters: { args: { writeResultRow: { error: 'conflict' } } } })).toBeNull();
  });

  it('leaves HTTP and network failures to the fetch wrapper', () => {
    const pull = { code: 'RC_PULL', parameters: { errors: [{ name: 'HttpError', code: 'HTTP_401' }] } };
    const stream = { code: 'RC_STREAM', parameters: { error: { name: 'HttpError', code: 'HTTP_0' } } };
    expect(reportedByFetch(pull)).toBe(true);
    expect(reportedByFetch(stream)).toBe(true);
    expect(describeSyncError(pull)).toBeNull();
  });

  it('reports anything else as unexpected', () => {
    const parse = { code: 'RC_PULL', parameters: { errors: [{ name: 'SyntaxError' }] } };
    expect(describeSyncError(parse)).not.toBeNull();
    expect(describeSyncError(new Error('boom'))).not.toBeNull();
  });
});
