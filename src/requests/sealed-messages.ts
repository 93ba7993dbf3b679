/**
 * Messages written in a case while its patient data is locked (an offline start without the PIN):
 * sealed with the device's public key (protection/sealing.ts) in the device store, so they are never
 * kept in clear, then written to the thread like any other once the key is back (network or PIN).
 * One that cannot be opened (sealed under a key since replaced) stays, counted, never dropped.
 */
import { createSignal } from 'solid-js';
import type { CaseDatabase } from '../data/case-database';
import { reportStorageError, writeLocally } from '../data/local-write';
import type { RequestMessage } from '../domain/requests/message-schema';
import { log } from '../log';
import { sealingKeys, unsealWithDeviceKey } from '../protection/device-key';
import { seal } from '../protection/sealing';
import { deleteSealed, listSealed, putSealed, type SealedEntry } from './device-store';

const [entries, setEntries] = createSignal<ReadonlyArray<Pick<SealedEntry, 'id' | 'requestId'>>>([]);
const [unreadable, setUnreadable] = createSignal(0);

async function refresh(): Promise<void> {
  setEntries((await listSealed()).map(({ id, requestId }) => ({ id, requestId })));
}
void refresh().catch(() => undefined);

/** How many messages of this request wait, sealed, for the key. */
export const sealedCount = (requestId: string): number => entries().filter((e) => e.requestId === requestId).length;
/** Sealed messages the key could not open. */
export const unreadableSealed = unreadable;

/** Seals a checked message until the key is back; false when this device cannot (it never had the key). */
export async function sealMessage(message: RequestMessage): Promise<'sealed' | 'no-keys' | 'storage-full'> {
  const keys = sealingKeys();
  if (!keys) return 'no-keys';
  try {
    await putSealed({ id: message.id, requestId: message.requestId, sealed: await seal(keys, JSON.stringify(message)) });
  } catch (err) {
    if (reportStorageError(err)) return 'storage-full';
    throw err;
  }
  await refresh();
  return 'sealed';
}

/** Writes the sealed messages to the thread (waiting for the key), each removed once written. */
export async function writeSealedMessages(cases: CaseDatabase): Promise<void> {
  const waiting = await listSealed();
  if (!waiting.length) return;
  // The messages' rules (and their validators) load only when there is something to write.
  const { messagesPolicy } = await import('../domain/requests/policies');
  const valid = (message: RequestMessage) => messagesPolicy.validate(message).ok;
  const texts = await unsealWithDeviceKey(waiting.map((e) => e.sealed));
  let failed = 0;
  for (const [i, entry] of waiting.entries()) {
    const message = parse(texts[i], valid);
    if (!message) {
      failed++;
      continue;
    }
    // Kept for the next start when it cannot be written now (a full storage, said by writeLocally).
    const written = await writeLocally([['messages', { id: message.id, updatedAt: message.createdAt }]], async () => {
      // Written already (another tab, or a write that ended just before a reload): nothing to add.
      if (!(await cases.messages.findOne(message.id).exec())) await cases.messages.insert(message);
    }).catch((err: unknown) => (log.error('sealed-message.write', err), { ok: false }));
    if (written.ok) await deleteSealed(entry.id);
  }
  setUnreadable(failed);
  await refresh();
}

function parse(text: string | null, valid: (message: RequestMessage) => boolean): RequestMessage | null {
  if (!text) return null;
  try {
    const message = JSON.parse(text) as RequestMessage;
    return valid(message) ? message : null;
  } catch {
    return null;
  }
}
