import { describe, expect, it } from 'vitest';
import { PageReads } from './page-reads';

/** A read that ends when told to, recording when it started. */
function gate(log: string[], name: string) {
  let open = () => {};
  const done = new Promise<void>((resolve) => (open = resolve));
  return { read: async () => (log.push(`start ${name}`), await done, log.push(`end ${name}`), name), open: () => open() };
}
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('page reads of one user, in turn', () => {
  it('starts a user’s next read only when the one before has ended, in the order asked', async () => {
    const reads = new PageReads();
    const log: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((n) => gate(log, n));
    const results = [reads.run('u1', a.read), reads.run('u1', b.read), reads.run('u1', c.read)];
    await tick();
    expect(log).toEqual(['start a']);
    a.open();
    await tick();
    expect(log).toEqual(['start a', 'end a', 'start b']);
    b.open();
    c.open();
    expect(await Promise.all(results)).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
    expect(reads.users).toBe(0);
  });

  it('lets other users read meanwhile', async () => {
    const reads = new PageReads();
    const log: string[] = [];
    const [a, b] = ['a', 'b'].map((n) => gate(log, n));
    const results = [reads.run('u1', a.read), reads.run('u2', b.read)];
    await tick();
    expect(log).toEqual(['start a', 'start b']);
    expect(reads.users).toBe(2);
    a.open();
    b.open();
    await Promise.all(results);
  });

  it('frees the turn after a failed read, and hands the failure to its caller only', async () => {
    const reads = new PageReads();
    const failed = reads.run('u1', async () => {
      throw new Error('database unreachable');
    });
    const next = reads.run('u1', async () => 'next page');
    await expect(failed).rejects.toThrow('database unreachable');
    expect(await next).toBe('next page');
    expect(reads.users).toBe(0);
  });

  it('runs as many reads at once as it is allowed', async () => {
    const reads = new PageReads(2);
    const log: string[] = [];
    const [a, b, c] = ['a', 'b', 'c'].map((n) => gate(log, n));
    const results = [reads.run('u1', a.read), reads.run('u1', b.read), reads.run('u1', c.read)];
    await tick();
    expect(log).toEqual(['start a', 'start b']);
    b.open();
    await tick();
    expect(log).toEqual(['start a', 'start b', 'end b', 'start c']);
    a.open();
    c.open();
    await Promise.all(results);
  });
});
