/** Calls of the password reset: ask for a link, check it, set the new password. */
import { postJson } from '../data/json-api';

export const askReset = (email: string) => postJson<{ message: string }>('/password/forgot', { email }).then((r) => r.message);
export const checkResetLink = (token: string) => postJson<{ valid: true }>('/password/check', { token });
export const resetPassword = (token: string, password: string) => postJson<{ message: string }>('/password/reset', { token, password }).then((r) => r.message);
