/**
 * What `GET /api/session/device-key` sends to a signed-in session: the account's device key (devices
 * derive from it the key of their encrypted patient data) and how long closed cases stay on devices.
 */

export interface DeviceKeyAnswer {
  /** 32 random bytes, base64url. */
  key: string;
  /** A new version (password reset) makes what devices hold under the old one unreadable. */
  version: number;
  accountId: string;
  purgeAfterDays: number;
}
