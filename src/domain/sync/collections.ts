/** The replicated collections and their rules; the gateway serves exactly these. */
import { membersPolicy } from '../members/policy';
import { messagesPolicy, patientsPolicy, requestsPolicy } from '../requests/policies';
import type { CollectionPolicy } from './policy';

export const POLICIES: Record<string, CollectionPolicy<never>> = {
  members: membersPolicy as unknown as CollectionPolicy<never>,
  requests: requestsPolicy as unknown as CollectionPolicy<never>,
  messages: messagesPolicy as unknown as CollectionPolicy<never>,
  patients: patientsPolicy as unknown as CollectionPolicy<never>,
};
