/** Writes of the console: coordination messages, on the device first (offline too), counted as pending until the server has them. */
import { caseDatabaseUnlessLocked } from '../data/case-database';
import { writeLocally } from '../data/local-write';
import type { CareRequest } from '../domain/requests/schema';
import type { SessionUser } from '../domain/session/user';
import * as fr from '../i18n/fr';
import { buildCoordinationMessage, type CoordinationInput } from './coordination';

export type CommandResult = { ok: true } | { ok: false; message: string };

/** 16 hex characters: with the request and the author, a message id that never collides. */
const unique = () => crypto.randomUUID().replaceAll('-', '').slice(0, 16);

export async function writeCoordination(user: SessionUser, request: CareRequest, input: CoordinationInput): Promise<CommandResult> {
  const built = buildCoordinationMessage(user, request, input, Date.now(), unique());
  if (!built.ok) return { ok: false, message: built.error };
  // Messages live in the encrypted database, which needs the device key.
  const cases = await caseDatabaseUnlessLocked();
  if (!cases) return { ok: false, message: fr.protection.lockedWrite };
  return writeLocally([['messages', { id: built.message.id, updatedAt: built.message.createdAt }]], () => cases.messages.insert(built.message));
}
