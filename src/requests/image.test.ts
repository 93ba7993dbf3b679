/** Tests of the photo sizing of the on-device compression. */
import { describe, expect, it } from 'vitest';
import { fitWithin, isAccepted } from './image';

describe('photo sizing', () => {
  it('shrinks the long side to 1,600 px, keeping the proportions', () => {
    expect(fitWithin(4032, 3024)).toEqual({ width: 1600, height: 1200 });
    expect(fitWithin(3024, 4032)).toEqual({ width: 1200, height: 1600 });
    expect(fitWithin(4000, 1000)).toEqual({ width: 1600, height: 400 });
  });

  it('never enlarges a small picture, and never makes a side vanish', () => {
    expect(fitWithin(800, 600)).toEqual({ width: 800, height: 600 });
    expect(fitWithin(1600, 1600)).toEqual({ width: 1600, height: 1600 });
    expect(fitWithin(20000, 3)).toEqual({ width: 1600, height: 1 });
  });

  it('accepts the types the server stores', () => {
    expect(['image/jpeg', 'image/png', 'image/webp', 'application/pdf'].every(isAccepted)).toBe(true);
    expect(isAccepted('image/heic')).toBe(false);
  });
});
