/** What the password-reset API sends: `/api/password/forgot` and `/reset` answer a French message, `/check` a valid link. */

export interface PasswordAnswer {
  message: string;
}

export interface ResetLinkAnswer {
  valid: true;
}
