/** The replicated collections and their rules; the gateway serves exactly these. */
import { membersPolicy } from '../members/policy';
import type { CollectionPolicy } from './policy';

export const POLICIES: Record<string, CollectionPolicy<never>> = {
  members: membersPolicy as unknown as CollectionPolicy<never>,
};

export type CollectionName = keyof typeof POLICIES;
