/**
 * Takes the words of messages off request cards written before the server stopped copying them
 * into the history (a decline's reason, an advice, a coordination note): the card is read by every
 * member alerted, the message only by the case's participants and the coordination. It follows the
 * requests' feed from its start once, then each new change (nothing new carries words any more).
 */
import { hasMessageNotes, withoutMessageNotes } from '../../src/domain/requests/dispatch';
import type { CareRequest } from '../../src/domain/requests/schema';
import type { Reaction } from '../reactions/reaction';
import { toDomainDoc, type StoredDoc } from '../storage/docs';
import type { RequestStore } from './store';

export function clearMessageNotes(store: RequestStore, now: () => number): Reaction<StoredDoc> {
  return {
    name: 'clear-message-notes',
    db: 'requests',
    wants: (doc) => !doc._deleted && hasMessageNotes(toDomainDoc<CareRequest>(doc)),
    // Read again under the store's queue: the dispatcher may have changed the card meanwhile.
    run: async (doc) => void (await store.update(String(doc._id), (r) => (hasMessageNotes(r) ? withoutMessageNotes(r, now()) : null))),
  };
}
