/** The server's VAPID key pair: generated once and kept in DATA_DIR, since every browser subscription is bound to the public key. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import webpush from 'web-push';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

export const VAPID_FILE = 'vapid.json';

function valid(keys: unknown): keys is VapidKeys {
  const k = keys as Partial<VapidKeys> | null;
  return (
    typeof k?.publicKey === 'string' &&
    typeof k.privateKey === 'string' &&
    Buffer.from(k.publicKey, 'base64url').length === 65 &&
    Buffer.from(k.privateKey, 'base64url').length === 32
  );
}

/**
 * Reads `DATA_DIR/vapid.json`, or creates it (mode 600). A damaged file stops the start rather
 * than being replaced: new keys would silently orphan every device's subscription.
 */
export function loadVapidKeys(dataDir: string): VapidKeys {
  const file = path.join(dataDir, VAPID_FILE);
  if (existsSync(file)) {
    let keys: unknown;
    try {
      keys = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      keys = undefined;
    }
    if (!valid(keys)) throw new Error(`${file} est illisible ou incomplet : restaurez-le, ou supprimez-le pour générer de nouvelles clés (les appareils devront se réabonner).`);
    return { publicKey: keys.publicKey, privateKey: keys.privateKey };
  }
  const keys = webpush.generateVAPIDKeys();
  writeFileSync(file, JSON.stringify(keys, null, 2) + '\n', { mode: 0o600, flag: 'wx' });
  return keys;
}
