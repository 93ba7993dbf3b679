/** Tests of answers held for undo: written after the delay, dropped by undo, written at once by a flush. */
import { describe, expect, it } from 'vitest';
import { HeldAnswers, type Timer } from './held';

/** A timer the test advances by hand. */
function manualTimer() {
  let now = 0;
  const due: { at: number; run: () => void; cancelled: boolean }[] = [];
  const timer: Timer = (run, ms) => {
    const entry = { at: now + ms, run, cancelled: false };
    due.push(entry);
    return () => void (entry.cancelled = true);
  };
  const advance = (ms: number) => {
    now += ms;
    for (const entry of due.splice(0)) {
      if (entry.cancelled) continue;
      if (entry.at <= now) entry.run();
      else due.push(entry);
    }
  };
  return { timer, advance };
}

function setUp() {
  const { timer, advance } = manualTimer();
  const written: string[] = [];
  const seen: string[][] = [];
  const held = new HeldAnswers(5000, timer, (keys) => seen.push([...keys]));
  const write = (key: string) => async () => void written.push(key);
  return { held, advance, written, seen, write };
}

describe('answers held for undo', () => {
  it('writes an answer once the delay has passed, not before', async () => {
    const { held, advance, written, seen, write } = setUp();
    held.hold('r-1', write('r-1'));
    expect(held.has('r-1')).toBe(true);
    advance(4999);
    expect(written).toEqual([]);
    advance(1);
    await Promise.resolve();
    expect(written).toEqual(['r-1']);
    expect(held.has('r-1')).toBe(false);
    expect(seen).toEqual([['r-1'], []]);
  });

  it('writes nothing when undone, and the key can be held again', async () => {
    const { held, advance, written, write } = setUp();
    held.hold('r-1', write('r-1'));
    expect(held.undo('r-1')).toBe(true);
    advance(10_000);
    expect(written).toEqual([]);
    expect(held.undo('r-1')).toBe(false);
    held.hold('r-1', write('r-1 again'));
    advance(5000);
    await Promise.resolve();
    expect(written).toEqual(['r-1 again']);
  });

  it('keeps one answer per key: a second tap does not write twice', async () => {
    const { held, advance, written, write } = setUp();
    held.hold('r-1', write('first'));
    held.hold('r-1', write('second'));
    advance(5000);
    await Promise.resolve();
    expect(written).toEqual(['first']);
  });

  it('writes every held answer at once on a flush (the page goes away), and never again after', async () => {
    const { held, advance, written, write } = setUp();
    held.hold('r-1', write('r-1'));
    held.hold('r-2', write('r-2'));
    await held.flush();
    expect(written.sort()).toEqual(['r-1', 'r-2']);
    advance(5000);
    await Promise.resolve();
    expect(written).toHaveLength(2);
  });
});
