/**
 * One-tap accept, shared by the alert card, the request page and the notification's « Accepter »:
 * the accept is held a few seconds so the tap can be undone (held.ts), then written on the device
 * like any answer. Leaving or hiding the page writes held accepts at once.
 */
import { createSignal } from 'solid-js';
import type { SessionUser } from '../domain/session/user';
import { writeMessage } from './commands';
import { browserTimer, HeldAnswers } from './held';
import type { RequestEntry } from './queries';

/** How long « Annuler » stays offered after « J’accepte ». */
export const UNDO_MS = 5000;

const [heldIds, setHeldIds] = createSignal<ReadonlySet<string>>(new Set());
const [errors, setErrors] = createSignal<ReadonlyMap<string, string>>(new Map());
const held = new HeldAnswers(UNDO_MS, browserTimer, setHeldIds);

const flush = () => void held.flush();
window.addEventListener('pagehide', flush);
document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && flush());

function setError(requestId: string, message: string | null): void {
  setErrors((all) => {
    const next = new Map(all);
    if (message === null) next.delete(requestId);
    else next.set(requestId, message);
    return next;
  });
}

/** Accepts `request` as `user` once the undo delay has passed (or the page goes away). */
export function acceptSoon(user: SessionUser, request: RequestEntry): void {
  setError(request.id, null);
  held.hold(request.id, async () => {
    const written = await writeMessage(user, request, { kind: 'accept' });
    if (!written.ok) setError(request.id, written.message);
  });
}

/** True while the accept of `requestId` can still be undone. */
export const isAcceptHeld = (requestId: string): boolean => heldIds().has(requestId);

export const undoAccept = (requestId: string): boolean => held.undo(requestId);

/** Why the accept of `requestId` could not be written, if it could not. */
export const acceptError = (requestId: string): string | undefined => errors().get(requestId);
