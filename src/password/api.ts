/** Calls of the password reset: ask for a link, check it, set the new password. */
import { postJson } from '../data/json-api';
import type { PasswordAnswer, ResetLinkAnswer } from '../domain/password/api';

export const askReset = (email: string) => postJson<PasswordAnswer>('/password/forgot', { email }).then((r) => r.message);
export const checkResetLink = (token: string) => postJson<ResetLinkAnswer>('/password/check', { token });
export const resetPassword = (token: string, password: string) => postJson<PasswordAnswer>('/password/reset', { token, password }).then((r) => r.message);
