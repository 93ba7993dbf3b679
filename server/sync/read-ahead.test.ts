import { describe, expect, it } from 'vitest';
import { ReadAhead } from './read-ahead';

describe('read-ahead of the next page', () => {
  it('hands a page out once, while fresh', async () => {
    let now = 0;
    const ahead = new ReadAhead<string>(10, 1000, () => now);
    ahead.start('a', async () => 'page a');
    expect(await ahead.take('a')).toBe('page a');
    expect(ahead.take('a')).toBeUndefined();
    ahead.start('b', async () => 'page b');
    now = 1000;
    expect(ahead.take('b')).toBeUndefined();
  });

  it('does not read again a page being read under the same key', async () => {
    const ahead = new ReadAhead<string>(10, 1000, () => 0);
    let reads = 0;
    const read = async () => `page ${++reads}`;
    ahead.start('a', read);
    ahead.start('a', read);
    expect(reads).toBe(1);
    expect(await ahead.take('a')).toBe('page 1');
    ahead.start('a', read);
    expect(await ahead.take('a')).toBe('page 2');
  });

  it('keeps at most `max` pages and swallows failed reads', async () => {
    const ahead = new ReadAhead<string>(2, 1000, () => 0);
    for (const k of ['a', 'b', 'c']) ahead.start(k, async () => k);
    ahead.start('bad', () => Promise.reject(new Error('gone')));
    expect((ahead as unknown as { pages: Map<string, unknown> }).pages.size).toBeLessThanOrEqual(2);
    await expect(ahead.take('bad')).rejects.toThrow('gone');
  });
});
