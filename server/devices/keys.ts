/**
 * Device keys (server-only `device-keys` database): one random secret per account, released only to
 * a signed-in session, from which devices derive the key that encrypts patient data at rest. A new
 * secret (the next version) makes every device's local copy unreadable: it is dropped and pulled again.
 */
import { randomBytes } from 'node:crypto';
import type { Couch, Db } from '../storage/couch';
import { isConflict } from '../storage/couch';
import { getOrUndefined } from '../storage/docs';

export const DEVICE_KEYS_DB = 'device-keys';

interface StoredKey {
  _id: string;
  _rev?: string;
  type: 'device-key';
  /** 32 random bytes, base64url. */
  secret: string;
  version: number;
  createdAt: string;
}

export interface DeviceKey {
  secret: string;
  version: number;
}

const newSecret = () => randomBytes(32).toString('base64url');

export class DeviceKeys {
  private readonly db: Db<StoredKey>;

  constructor(couch: Couch) {
    this.db = couch.use<StoredKey>(DEVICE_KEYS_DB);
  }

  private async read(accountId: string): Promise<StoredKey | undefined> {
    return getOrUndefined(this.db, accountId);
  }

  /** The account's current key, created at its first request (two concurrent first requests get the same one). */
  async current(accountId: string): Promise<DeviceKey> {
    const stored = await this.read(accountId);
    if (stored) return { secret: stored.secret, version: stored.version };
    const doc: StoredKey = { _id: accountId, type: 'device-key', secret: newSecret(), version: 1, createdAt: new Date().toISOString() };
    try {
      await this.db.insert(doc);
      return { secret: doc.secret, version: doc.version };
    } catch (err) {
      if (!isConflict(err)) throw err;
      const winner = (await this.read(accountId))!;
      return { secret: winner.secret, version: winner.version };
    }
  }

  /** Replaces the account's key (password reset): what devices hold under the old one can no longer be opened. */
  async rotate(accountId: string): Promise<void> {
    for (;;) {
      const stored = await this.read(accountId);
      // No key yet: no device holds anything under one, the first request creates it.
      if (!stored) return;
      try {
        await this.db.insert({ ...stored, secret: newSecret(), version: stored.version + 1, createdAt: new Date().toISOString() });
        return;
      } catch (err) {
        if (!isConflict(err)) throw err;
      }
    }
  }
}
