import { describe, expect, it } from 'vitest';
import { RecentChanges } from './recent-changes';
import type { ChangeRow } from '../storage/changes';

const row = (id: string, seq: number | string): ChangeRow => ({ id, seq, changes: [{ rev: '1-a' }], doc: { _id: id } });

describe('recent changes of a hub', () => {
  it('gives what came after a known sequence, skipping rows that are not relayed', () => {
    const recent = new RecentChanges();
    recent.mark(10);
    recent.add(11, row('a', 11));
    recent.add(12, undefined);
    recent.add(13, row('b', 13));
    recent.mark(13);
    expect(recent.after(10)!.map((r) => r.id)).toEqual(['a', 'b']);
    expect(recent.after(11)!.map((r) => r.id)).toEqual(['b']);
    expect(recent.after(13)).toEqual([]);
  });

  it('knows only the sequences it handed out, and forgets those older than its capacity', () => {
    const recent = new RecentChanges(3);
    recent.mark('0-x');
    for (let i = 1; i <= 5; i++) recent.add(`${i}-x`, row(`d${i}`, `${i}-x`));
    expect(recent.after('42-y')).toBeUndefined();
    expect(recent.after('0-x')).toBeUndefined();
    expect(recent.after('1-x')).toBeUndefined();
    expect(recent.after('2-x')!.map((r) => r.id)).toEqual(['d3', 'd4', 'd5']);
    expect(recent.after('5-x')).toEqual([]);
    expect((recent as unknown as { positions: Map<string, number> }).positions.size).toBe(4);
  });
});
