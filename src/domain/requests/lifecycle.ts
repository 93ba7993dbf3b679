/**
 * The lifecycle of a care request: brouillon → envoyée → en recherche → prise en charge → résolue |
 * non résolue | annulée | expirée. Pure: the server applies events in change-feed order, the client
 * uses it to offer only what is allowed; an illegal event is refused with a French message.
 */

export const REQUEST_STATUSES = ['draft', 'sent', 'searching', 'assigned', 'resolved', 'unresolved', 'cancelled', 'expired'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

export const STATUS_LABELS: Record<RequestStatus, string> = {
  draft: 'brouillon',
  sent: 'envoyée',
  searching: 'en recherche',
  assigned: 'prise en charge',
  resolved: 'résolue',
  unresolved: 'non résolue',
  cancelled: 'annulée',
  expired: 'expirée',
};

export const CLOSED_STATUSES: ReadonlySet<RequestStatus> = new Set(['resolved', 'unresolved', 'cancelled', 'expired']);

/** Who acts: the requester, the assignee, another alerted member, a coordinator, or the server itself. */
export type Actor = 'requester' | 'assignee' | 'member' | 'coordinator' | 'server';

export type RequestEvent =
  | { type: 'submit' }
  | { type: 'start-search' }
  | { type: 'accept' }
  | { type: 'hand-back' }
  | { type: 'resolve' }
  | { type: 'close-unresolved'; reason: string }
  | { type: 'cancel' }
  | { type: 'expire' }
  | { type: 'reopen' };

interface Rule {
  from: readonly RequestStatus[];
  to: RequestStatus;
  by: readonly Actor[];
}

const RULES: Record<RequestEvent['type'], Rule> = {
  submit: { from: ['draft'], to: 'sent', by: ['requester', 'coordinator'] },
  'start-search': { from: ['sent'], to: 'searching', by: ['server'] },
  accept: { from: ['searching'], to: 'assigned', by: ['member', 'coordinator'] },
  'hand-back': { from: ['assigned'], to: 'searching', by: ['assignee', 'coordinator'] },
  resolve: { from: ['assigned'], to: 'resolved', by: ['requester', 'assignee', 'coordinator'] },
  'close-unresolved': { from: ['sent', 'searching', 'assigned'], to: 'unresolved', by: ['requester', 'assignee', 'coordinator'] },
  cancel: { from: ['draft', 'sent', 'searching', 'assigned'], to: 'cancelled', by: ['requester', 'coordinator'] },
  expire: { from: ['sent', 'searching'], to: 'expired', by: ['server'] },
  // After a bad follow-up: back to the professional who took it.
  reopen: { from: ['resolved'], to: 'assigned', by: ['requester', 'coordinator'] },
};

const EVENT_LABELS: Record<RequestEvent['type'], string> = {
  submit: 'd’envoyer la demande',
  'start-search': 'de lancer la recherche',
  accept: 'd’accepter la demande',
  'hand-back': 'de rendre la prise en charge',
  resolve: 'de clore la demande comme résolue',
  'close-unresolved': 'de clore la demande comme non résolue',
  cancel: 'd’annuler la demande',
  expire: 'de faire expirer la demande',
  reopen: 'de rouvrir la demande',
};

const ACTOR_LABELS: Record<Actor, string> = {
  requester: 'au demandeur',
  assignee: 'au professionnel qui a pris en charge',
  member: 'à un professionnel alerté',
  coordinator: 'à la coordination',
  server: 'au serveur',
};

export type Transition = { ok: true; status: RequestStatus } | { ok: false; error: string };

export function transition(status: RequestStatus, event: RequestEvent, actor: Actor): Transition {
  const rule = RULES[event.type];
  if (!rule.by.includes(actor)) {
    return { ok: false, error: `Impossible ${EVENT_LABELS[event.type]} : réservé ${rule.by.map((a) => ACTOR_LABELS[a]).join(' ou ')}.` };
  }
  if (!rule.from.includes(status)) {
    return { ok: false, error: `Impossible ${EVENT_LABELS[event.type]} : la demande est ${STATUS_LABELS[status]}.` };
  }
  if (event.type === 'close-unresolved' && !event.reason.trim()) {
    return { ok: false, error: 'Indiquez la raison pour laquelle la demande n’a pas pu être résolue.' };
  }
  return { ok: true, status: rule.to };
}

/** The events an actor may send now: what the interface offers. */
export function allowedEvents(status: RequestStatus, actor: Actor): Array<RequestEvent['type']> {
  return (Object.keys(RULES) as Array<RequestEvent['type']>).filter((type) => RULES[type].by.includes(actor) && RULES[type].from.includes(status));
}
