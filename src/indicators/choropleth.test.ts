import { describe, expect, it } from 'vitest';
import { classBreaks, classOf, colourOf, legendOf, NONE, PALETTE } from './choropleth';

describe('commune map classes', () => {
  const counts = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 200];

  it('breaks the communes with requests into five quantile classes', () => {
    expect(classBreaks(counts)).toEqual([3, 5, 7, 9, 200]);
  });

  it('puts each count in its class, none for zero', () => {
    const breaks = classBreaks(counts);
    expect([0, 1, 3, 4, 9, 10, 200, 500].map((n) => classOf(n, breaks))).toEqual([-1, 0, 0, 1, 3, 4, 4, 4]);
    expect(colourOf(0, breaks)).toBe(NONE);
    expect(colourOf(1, breaks)).toBe(PALETTE[0]);
    expect(colourOf(200, breaks)).toBe(PALETTE[4]);
  });

  it('keeps the darkest colour for the top class when few values differ', () => {
    const breaks = classBreaks([4, 4, 4, 9]);
    expect(breaks).toEqual([4, 9]);
    expect(colourOf(4, breaks)).toBe(PALETTE[0]);
    expect(colourOf(9, breaks)).toBe(PALETTE[4]);
    expect(classBreaks([0, 0])).toEqual([]);
    expect(colourOf(3, [])).toBe(NONE);
  });

  it('gives the legend’s ranges', () => {
    expect(legendOf([3, 5, 200])).toEqual([
      { colour: PALETTE[0], from: 1, to: 3 },
      { colour: PALETTE[2], from: 4, to: 5 },
      { colour: PALETTE[4], from: 6, to: 200 },
    ]);
  });
});
