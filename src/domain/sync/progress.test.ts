import { describe, expect, it } from 'vitest';
import { overall, readTotals, whatIsLeft, type CollectionProgress } from './progress';

const progress: CollectionProgress[] = [
  { collection: 'members', received: 1000, total: 1650, done: false },
  { collection: 'requests', received: 12, total: 12, done: false },
  { collection: 'patients', received: 0, done: false },
  { collection: 'messages', received: 3, total: 40, done: true },
];

describe('a first sync’s progress', () => {
  it('says what is left of each collection under way, not of those finished, complete or of unknown size', () => {
    expect(whatIsLeft(progress)).toEqual([{ collection: 'members', left: 650 }]);
    expect(whatIsLeft([{ collection: 'requests', received: 4050, total: 4000, done: false }])).toEqual([]);
  });

  it('sums what is known, a finished collection as complete and a count never past its total', () => {
    expect(overall(progress)).toEqual({ received: 1000 + 12 + 40, total: 1650 + 12 + 40 });
    expect(overall([{ collection: 'requests', received: 4050, total: 4000, done: false }])).toEqual({ received: 4000, total: 4000 });
  });

  it('keeps only counts from the server’s answer', () => {
    expect(readTotals({ members: 1650, requests: -1, patients: 'x', messages: 2.5, evil: 3 })).toEqual({ members: 1650, evil: 3 });
    expect(readTotals(null)).toEqual({});
    expect(readTotals('1650')).toEqual({});
  });
});
