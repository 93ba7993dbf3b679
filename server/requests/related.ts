/** Reads the stored documents that policies need for a write decision (e.g. the request of a message), one query per collection. */
import { relatedKey, type RelatedRef } from '../../src/domain/sync/policy';
import { type Couch } from '../storage/couch';
import { foundDocs, type StoredDoc } from '../storage/docs';
import { toDomainDoc } from '../storage/docs';

export function relatedReader(couch: Couch) {
  return async (refs: RelatedRef[]): Promise<Map<string, unknown>> => {
    const byCollection = new Map<string, Set<string>>();
    for (const ref of refs) {
      if (!byCollection.has(ref.collection)) byCollection.set(ref.collection, new Set());
      byCollection.get(ref.collection)!.add(ref.id);
    }
    const found = new Map<string, unknown>();
    for (const [collection, ids] of byCollection) {
      const res = await couch.use<StoredDoc>(collection).fetch({ keys: [...ids] });
      for (const { key, doc } of foundDocs(res)) found.set(relatedKey({ collection, id: key }), toDomainDoc(doc));
    }
    return found;
  };
}
