/** Tests of the pending-changes bookkeeping. */
import { describe, expect, it } from 'vitest';
import { acknowledge, addPending, parsePending, pendingKey } from './pending';

const T1 = '2025-03-01T10:00:00.000Z';
const T2 = '2025-03-01T10:05:00.000Z';

describe('pending changes', () => {
  it('counts one entry per document, keeping the latest write', () => {
    let map = addPending({}, 'members', 'a', T1);
    map = addPending(map, 'members', 'a', T2);
    map = addPending(map, 'members', 'b', T1);
    expect(Object.keys(map)).toHaveLength(2);
    expect(map[pendingKey('members', 'a')]).toBe(T2);
  });

  it('is acknowledged by the same or a later state', () => {
    const map = addPending(addPending({}, 'members', 'a', T1), 'members', 'b', T1);
    expect(acknowledge(map, 'members', 'a', T1)).toEqual({ 'members/b': T1 });
    expect(acknowledge(map, 'members', 'b', T2)).toEqual({ 'members/a': T1 });
  });

  it('stays pending when an older state is sent', () => {
    const map = addPending({}, 'members', 'a', T2);
    expect(acknowledge(map, 'members', 'a', T1)).toBe(map);
  });

  it('ignores documents it does not know and other collections', () => {
    const map = addPending({}, 'members', 'a', T1);
    expect(acknowledge(map, 'members', 'z', T2)).toBe(map);
    expect(acknowledge(map, 'requests', 'a', T2)).toBe(map);
  });

  it('reads damaged storage as empty', () => {
    expect(parsePending(null)).toEqual({});
    expect(parsePending('not json')).toEqual({});
    expect(parsePending('[1,2]')).toEqual({});
    expect(parsePending('{"members/a":"x","bad":3}')).toEqual({ 'members/a': 'x' });
  });
});
