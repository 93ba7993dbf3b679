import { describe, expect, it } from 'vitest';
import { isPscError, PSC_ERROR_MESSAGES, PSC_ERRORS } from './api';

describe('Pro Santé Connect error codes', () => {
  it('each have a French sentence for the login page', () => {
    for (const code of PSC_ERRORS) expect(PSC_ERROR_MESSAGES[code]).toMatch(/^[A-ZÀ-Ý].+\.$/);
  });

  it('are recognised in an address, and nothing else is', () => {
    expect(isPscError('refuse')).toBe(true);
    expect(isPscError('<script>')).toBe(false);
    expect(isPscError(null)).toBe(false);
  });
});
