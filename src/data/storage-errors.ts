/**
 * Recognising « storage full » (the browser's quota) in whatever wrapping it arrives: IndexedDB's
 * `QuotaExceededError` DOMException, Dexie's error of the same name around it (`inner`), RxDB's
 * errors carrying it in `parameters` (sometimes as plain JSON), or a `cause`. Pure, so it is tested in Node.
 */
interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  inner?: unknown;
  error?: unknown;
  cause?: unknown;
  parameters?: { error?: unknown; errors?: unknown[]; writeError?: unknown };
}

const QUOTA = /QuotaExceeded|quota (has been )?exceeded/i;

export function isStorageFull(err: unknown, depth = 0): boolean {
  if (typeof err !== 'object' || err === null || depth > 5) return false;
  const e = err as ErrorLike;
  // DOMException code 22 is QUOTA_EXCEEDED_ERR in older engines.
  if (e.name === 'QuotaExceededError' || e.code === 22 || (typeof e.message === 'string' && QUOTA.test(e.message))) return true;
  const nested = [e.inner, e.error, e.cause, e.parameters?.error, e.parameters?.writeError, ...(e.parameters?.errors ?? [])];
  return nested.some((n) => isStorageFull(n, depth + 1));
}
