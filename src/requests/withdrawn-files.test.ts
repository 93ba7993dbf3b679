import { describe, expect, it } from 'vitest';
import { wantedFiles } from './withdrawn-files';

describe('files kept on the device', () => {
  it('are those of messages it holds, and of cards whose case is open or whose patient block it holds', () => {
    const cards = [
      { id: 'r-open', status: 'assigned', photos: [{ id: 'f-open' }] },
      { id: 'r-closed-kept', status: 'resolved', photos: [{ id: 'f-kept' }] },
      { id: 'r-closed-purged', status: 'resolved', photos: [{ id: 'f-purged' }] },
    ];
    const messages = [{ attachments: [{ id: 'f-reply' }] }, {}];
    expect(wantedFiles(cards, new Set(['r-closed-kept']), messages)).toEqual(new Set(['f-reply', 'f-open', 'f-kept']));
  });
});
