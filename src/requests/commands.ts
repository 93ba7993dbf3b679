/**
 * Writes of the requests feature, on the device first (so they work offline), each checked by the
 * shared validators and rights before it is queued, and counted as pending until the server has it.
 * Files go to the upload outbox; the documents only reference them.
 */
import { caseDatabaseUnlessLocked } from '../data/case-database';
import { getDatabase } from '../data/database';
import { writeLocally } from '../data/local-write';
import { transition, type RequestEvent } from '../domain/requests/lifecycle';
import type { MessageKind, RequestMessage } from '../domain/requests/message-schema';
import { patientIdOf, type PatientBlock } from '../domain/requests/patient-schema';
import { messagesPolicy, requestsPolicy } from '../domain/requests/policies';
import type { CareRequest } from '../domain/requests/schema';
import type { SessionUser } from '../domain/session/user';
import { describeErrors } from '../domain/validation';
import * as fr from '../i18n/fr';
import type { Attachment } from './form';
import { newMessageId } from './ids';
import { actorOf } from './lists';
import type { RequestEntry } from './queries';
import { sealMessage } from './sealed-messages';
import { enqueueUpload } from './uploader';

export type CommandResult = { ok: true } | { ok: false; message: string };
export type LocalFile = Attachment & { blob: Blob };

const sentence = (reason: string) => reason.charAt(0).toUpperCase() + reason.slice(1) + '.';

async function queueFiles(requestId: string, files: readonly LocalFile[]): Promise<void> {
  for (const f of files) await enqueueUpload({ id: f.id, requestId, contentType: f.contentType, size: f.size, name: f.name }, f.blob);
}

/** Saves a new request (or a draft, or a draft's new version) and its patient block; files are queued. */
export async function saveRequest(request: CareRequest, patient: PatientBlock | null, files: readonly LocalFile[]): Promise<CommandResult> {
  const db = await getDatabase();
  // The patient block goes to the encrypted database, which needs the device key.
  const cases = patient ? await caseDatabaseUnlessLocked() : null;
  if (patient && !cases) return { ok: false, message: fr.protection.lockedWrite };
  return writeLocally([...(patient ? [['patients', patient] as const] : []), ['requests', request]], async () => {
    // Files first: a card must never reference a photo the device has lost.
    await queueFiles(request.id, files.filter((f) => request.photos.some((p) => p.id === f.id)));
    if (patient) await cases!.patients.upsert(patient);
    await db.requests.upsert(request);
  });
}

/** Sends a saved draft: it needs its patient block (with the consent) first. */
export async function sendDraft(user: SessionUser, id: string): Promise<CommandResult> {
  const db = await getDatabase();
  const doc = await db.requests.findOne(id).exec();
  if (!doc) return { ok: false, message: fr.errors.generic };
  const previous = doc.toMutableJSON();
  const cases = await caseDatabaseUnlessLocked();
  if (!cases) return { ok: false, message: fr.protection.lockedWrite };
  const hasPatient = await cases.patients.findOne(patientIdOf(id)).exec();
  if (!hasPatient) return { ok: false, message: fr.requests.draft.patientMissing };
  const next: CareRequest = { ...previous, status: 'sent', updatedAt: new Date(Math.max(Date.now(), Date.parse(previous.updatedAt) + 1)).toISOString() };
  const refusal = requestsPolicy.refuseWrite(user, previous, next);
  if (refusal) return { ok: false, message: sentence(refusal) };
  return writeLocally([['requests', next]], () => doc.incrementalModify(() => next));
}

/** Messages whose kind is a lifecycle event, checked against the state machine for a clear refusal. */
const EVENTS: Partial<Record<MessageKind, RequestEvent['type']>> = {
  accept: 'accept',
  cancel: 'cancel',
  'hand-back': 'hand-back',
  resolve: 'resolve',
  'close-unresolved': 'close-unresolved',
  reopen: 'reopen',
};

export interface MessageInput {
  kind: MessageKind;
  text?: string;
  files?: readonly LocalFile[];
  /** A follow-up's answers. */
  covered?: boolean;
  emergency?: boolean;
}

/** Writes an answer, an action or a thread message on `request` as `user`. */
export async function writeMessage(user: SessionUser, request: RequestEntry, input: MessageInput): Promise<CommandResult> {
  const text = input.text?.trim();
  if ((input.kind === 'advice' || input.kind === 'message' || input.kind === 'close-unresolved') && !text && !input.files?.length) {
    return { ok: false, message: input.kind === 'close-unresolved' ? fr.requests.actions.reasonRequired : fr.requests.thread.empty };
  }
  const event = EVENTS[input.kind];
  const actor = actorOf(request, user);
  if (event && actor) {
    const result = transition(request.status, event === 'close-unresolved' ? { type: event, reason: text ?? '' } : ({ type: event } as RequestEvent), actor);
    if (!result.ok) return { ok: false, message: result.error };
  }
  const message = JSON.parse(
    JSON.stringify({
      id: newMessageId(request.id, user.memberId),
      requestId: request.id,
      authorId: user.memberId,
      kind: input.kind,
      text: text || undefined,
      attachments: input.files?.length ? input.files.map(({ id, contentType }) => ({ id, contentType })) : undefined,
      covered: input.covered,
      emergency: input.emergency,
      createdAt: new Date().toISOString(),
    }),
  ) as RequestMessage;
  const validation = messagesPolicy.validate(message);
  if (!validation.ok) return { ok: false, message: describeErrors(validation.errors) };
  const refusal = messagesPolicy.refuseWrite(user, undefined, message, new Map([[`requests/${request.id}`, request]]));
  if (refusal) return { ok: false, message: sentence(refusal) };
  const cases = await caseDatabaseUnlessLocked();
  if (!cases) {
    // Locked (an offline start without the PIN): sealed until the key is back, never kept in clear.
    const sealed = await sealMessage(message);
    if (sealed === 'no-keys') return { ok: false, message: fr.protection.lockedWrite };
    if (sealed === 'storage-full') return { ok: false, message: fr.storage.full };
    await queueFiles(request.id, input.files ?? []);
    return { ok: true };
  }
  return writeLocally([['messages', { id: message.id, updatedAt: message.createdAt }]], async () => {
    await queueFiles(request.id, input.files ?? []);
    await cases.messages.insert(message);
  });
}
