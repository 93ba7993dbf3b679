/** HTTP helpers shared by the API calls and the replication: every server error body is `{"error": "<French message>"}`. */
import type { ErrorBody } from '../domain/validation';

/** An HTTP failure with the server's own message; status 0 means the network could not be reached. */
export class HttpError extends Error {
  override name = 'HttpError';
  readonly status: number;
  /** Kept by RxDB when it copies errors to plain JSON, so the status survives its wrapping. */
  readonly code: string;

  constructor(status: number, message: string) {
    super(message);
    this.status = status;
    this.code = `HTTP_${status}`;
  }
}

/** The server's French message, or `fallback` when the body is not the expected JSON. */
export async function readErrorMessage(res: Response, fallback: string): Promise<string> {
  try {
    const body: unknown = await res.json();
    if (typeof body === 'object' && body !== null && typeof (body as Partial<Record<keyof ErrorBody, unknown>>).error === 'string') {
      return (body as ErrorBody).error;
    }
  } catch {
    // Not JSON (a proxy's HTML page, an empty body): the fallback says enough.
  }
  return fallback;
}

/** Whether the last request reached the server; the browser's `online` event does not always come. */
let unreachable = false;
const reachedAgain = new Set<() => void>();

/**
 * Calls `listener` each time a request reaches the server after one could not (the network, or the
 * server, is back); returns what stops it.
 */
export function onServerReachedAgain(listener: () => void): () => void {
  reachedAgain.add(listener);
  return () => reachedAgain.delete(listener);
}

/** `fetch` that turns a network failure into `HttpError(0)`, so callers tell "offline" from "refused". */
export async function fetchOrOffline(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
  let res: Response;
  try {
    res = await fetch(input, { ...init, credentials: 'same-origin' });
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    unreachable = true;
    throw new HttpError(0, 'network unreachable');
  }
  if (unreachable) {
    unreachable = false;
    reachedAgain.forEach((listener) => listener());
  }
  return res;
}
