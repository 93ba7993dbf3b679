/** Colour classes of the commune map: quantile breaks over the communes with requests, a sequential palette, the legend. Pure. */

/** Light to dark blue (ColorBrewer « Blues », colour-blind safe); communes without a request stay pale grey. */
export const PALETTE = ['#deebf7', '#9ecae1', '#6baed6', '#3182bd', '#08519c'] as const;
export const NONE = '#f4f5f7';

/** Upper bounds of each class, ascending and distinct (fewer classes when few values differ). */
export function classBreaks(values: readonly number[], classes = PALETTE.length): number[] {
  const sorted = values.filter((v) => v > 0).sort((a, b) => a - b);
  if (!sorted.length) return [];
  const bounds = new Set<number>();
  for (let i = 1; i <= classes; i++) bounds.add(sorted[Math.min(sorted.length - 1, Math.ceil((i / classes) * sorted.length) - 1)]);
  return [...bounds].sort((a, b) => a - b);
}

/** The class of a count (0-based), or -1 for none. */
export function classOf(value: number, breaks: readonly number[]): number {
  if (!(value > 0) || !breaks.length) return -1;
  const i = breaks.findIndex((b) => value <= b);
  return i === -1 ? breaks.length - 1 : i;
}

/** The class's colour, spread over the palette when there are fewer classes than colours. */
export function colourOf(value: number, breaks: readonly number[]): string {
  const i = classOf(value, breaks);
  if (i < 0) return NONE;
  const step = breaks.length > 1 ? (PALETTE.length - 1) / (breaks.length - 1) : 0;
  return PALETTE[Math.round(breaks.length > 1 ? i * step : PALETTE.length - 1)];
}

export interface LegendItem {
  colour: string;
  from: number;
  to: number;
}

/** « 1 – 4 », « 5 – 12 »…: each class with its range of counts. */
export function legendOf(breaks: readonly number[]): LegendItem[] {
  return breaks.map((to, i) => ({ colour: colourOf(to, breaks), from: i === 0 ? 1 : breaks[i - 1] + 1, to }));
}
