/** Tests of the recognition of « storage full » through the wrappings of Dexie and RxDB. */
import { describe, expect, it } from 'vitest';
import { isStorageFull } from './storage-errors';

describe('storage full', () => {
  it('recognises the browser’s error and the wrappers around it', () => {
    const dom = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    expect(isStorageFull(dom)).toBe(true);
    const dexie = { name: 'AbortError', message: 'Transaction aborted', inner: dom };
    expect(isStorageFull(dexie)).toBe(true);
    // RxDB copies errors to plain JSON in its own (RC_PULL, RC_STREAM…).
    expect(isStorageFull({ code: 'RC_PULL', parameters: { writeError: { status: 500, error: { name: 'QuotaExceededError' } } } })).toBe(true);
    expect(isStorageFull({ code: 'RC_PULL', parameters: { errors: [{ name: 'Error' }, { name: 'QuotaExceededError', message: '' }] } })).toBe(true);
    expect(isStorageFull({ message: 'x', cause: { message: 'QuotaExceededError: Quota exceeded.' } })).toBe(true);
  });

  it('leaves other errors alone', () => {
    expect(isStorageFull(new Error('network unreachable'))).toBe(false);
    expect(isStorageFull({ name: 'HttpError', code: 'HTTP_0' })).toBe(false);
    expect(isStorageFull(null)).toBe(false);
    expect(isStorageFull('QuotaExceededError')).toBe(false);
  });
});
