import { PassThrough, Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readAtMost } from './body';

describe('reading a body with a limit', () => {
  it('returns the bytes of a body within the limit', async () => {
    expect(await readAtMost(Readable.from([Buffer.from('abc'), Buffer.from('def')]), 6)).toEqual(Buffer.from('abcdef'));
  });

  it('stops as soon as the limit is passed, without keeping what follows', async () => {
    const stream = new PassThrough();
    const result = readAtMost(stream, 5);
    stream.write(Buffer.from('abcd'));
    stream.write(Buffer.from('efgh'));
    expect(await result).toBeUndefined();
    expect(stream.destroyed).toBe(false);
  });

  it('drains without keeping when asked, and rejects when the sender goes away', async () => {
    expect(await readAtMost(Readable.from([Buffer.alloc(1000)]), 1000, false)).toEqual(Buffer.alloc(0));
    const cut = new PassThrough();
    const result = readAtMost(cut, 100);
    cut.write(Buffer.from('ab'));
    cut.destroy();
    await expect(result).rejects.toThrow();
    // Already gone before reading: no wait for events that will never come.
    await expect(readAtMost(cut, 100, false)).rejects.toThrow();
  });
});
