/** JSON calls to the server's API for forms: the French message and the per-field errors of a refusal come back in `ApiError`. */
import { apiUrl } from '../config';
import type { ErrorBody, FieldError } from '../domain/validation';
import * as fr from '../i18n/fr';
import { fetchOrOffline, HttpError } from './http';

export class ApiError extends HttpError {
  readonly fields: FieldError[];

  constructor(status: number, message: string, fields: FieldError[] = []) {
    super(status, message);
    this.fields = fields;
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetchOrOffline(apiUrl(path), {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (err) {
    if (err instanceof HttpError && err.status === 0) throw new ApiError(0, fr.forms.offline);
    throw err;
  }
  // The server's error body, or whatever a proxy answered: each field is checked before use.
  const json = (await res.json().catch(() => null)) as Partial<Record<keyof ErrorBody, unknown>> | null;
  if (!res.ok) {
    const message = typeof json?.error === 'string' ? json.error : fr.errors.generic;
    throw new ApiError(res.status, message, Array.isArray(json?.fields) ? (json.fields as FieldError[]) : []);
  }
  return json as T;
}

export const getJson = <T>(path: string) => call<T>('GET', path);
export const postJson = <T>(path: string, body: unknown = {}) => call<T>('POST', path, body);
export const putJson = <T>(path: string, body: unknown = {}) => call<T>('PUT', path, body);
export const deleteJson = (path: string) => call<null>('DELETE', path);

/** The message to show for any failure of these calls. */
export function messageOf(err: unknown): string {
  return err instanceof HttpError ? err.message : fr.errors.generic;
}
