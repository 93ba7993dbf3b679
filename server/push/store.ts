/** The members' push subscriptions, one document per browser endpoint in the server-only `push` database. */
import { createHash } from 'node:crypto';
import type { Couch, Db } from '../storage/couch';
import { isConflict, isNotFound } from '../storage/couch';
import { getOrUndefined } from '../storage/docs';
import type { PushSubscriptionInput } from './subscription';

export interface StoredSubscription extends PushSubscriptionInput {
  _id: string;
  _rev?: string;
  memberId: string;
  createdAt: string;
}

/** A member rarely has more than a phone and a computer or two; the oldest beyond this are dropped, so nobody can make every alert fan out to thousands of addresses. */
export const MAX_DEVICES_PER_MEMBER = 10;

/** The endpoint is a long capability URL: hashed, it makes a fixed-length, URL-safe id and one document per browser. */
export function subscriptionId(endpoint: string): string {
  return 'sub-' + createHash('sha256').update(endpoint).digest('hex');
}

export class PushSubscriptions {
  private readonly db: Db<StoredSubscription>;

  constructor(couch: Couch, private readonly now = () => new Date()) {
    this.db = couch.use<StoredSubscription>('push');
  }

  /**
   * Stores the subscription for this member. A browser endpoint belongs to whoever subscribed
   * last on it: another member signing in on the same device takes it over.
   */
  async save(memberId: string, subscription: PushSubscriptionInput): Promise<void> {
    const _id = subscriptionId(subscription.endpoint);
    const current = await this.get(_id);
    const unchanged = current && current.memberId === memberId && current.keys.p256dh === subscription.keys.p256dh && current.keys.auth === subscription.keys.auth;
    if (unchanged) return;
    const doc: StoredSubscription = { _id, memberId, endpoint: subscription.endpoint, keys: subscription.keys, createdAt: this.now().toISOString() };
    if (current) doc._rev = current._rev;
    try {
      await this.db.insert(doc);
    } catch (err) {
      // The same browser subscribing twice at once: the other write holds the same data.
      if (!isConflict(err)) throw err;
    }
    await this.trim(memberId);
  }

  /** Removes the endpoint if it is this member's; another member's subscription is left alone. */
  async remove(memberId: string, endpoint: string): Promise<void> {
    const current = await this.get(subscriptionId(endpoint));
    if (current && current.memberId === memberId) await this.delete(current);
  }

  /** Every device of these members, in one view query. */
  async forMembers(memberIds: string[]): Promise<StoredSubscription[]> {
    if (!memberIds.length) return [];
    const res = await this.db.view<null>('push', 'by_member', { keys: [...new Set(memberIds)], include_docs: true });
    return res.rows.flatMap((r) => (r.doc ? [r.doc as StoredSubscription] : []));
  }

  /** Deletes a stored subscription; one already gone or changed meanwhile is not an error. */
  async delete(doc: StoredSubscription): Promise<void> {
    try {
      await this.db.destroy(doc._id, doc._rev!);
    } catch (err) {
      if (!isNotFound(err) && !isConflict(err)) throw err;
    }
  }

  private async get(id: string): Promise<StoredSubscription | undefined> {
    return getOrUndefined(this.db, id);
  }

  private async trim(memberId: string): Promise<void> {
    const devices = await this.forMembers([memberId]);
    if (devices.length <= MAX_DEVICES_PER_MEMBER) return;
    const oldestFirst = devices.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    await Promise.all(oldestFirst.slice(0, devices.length - MAX_DEVICES_PER_MEMBER).map((d) => this.delete(d)));
  }
}
