/** Runs `work` when the page is next idle (or after `timeoutMs` at the latest); returns its cancellation. */
export function whenIdle(work: () => void, timeoutMs = 2000): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(work, { timeout: timeoutMs });
    return () => window.cancelIdleCallback(handle);
  }
  // Safari before 18 has no idle callbacks: soon after the current work instead.
  const timer = setTimeout(work, 200);
  return () => clearTimeout(timer);
}
