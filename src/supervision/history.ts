/**
 * A request's full history for the coordination: the server's history entries (answers, supervisor
 * actions, closures) and the dispatch steps (circles, escalation), in time order, each completed by
 * the message that caused it when the device holds it. Pure.
 */
import { FOLLOW_UP_QUESTIONS } from '../domain/requests/follow-up';
import type { RequestMessage } from '../domain/requests/message-schema';
import type { CareRequest } from '../domain/requests/schema';

export interface TimelineEntry {
  at: string;
  /** A history event (`accept`, `call`, …) or a dispatch step kind (`circle`, `escalation`, …). */
  event: string;
  /** Member id, or `server`. */
  by: string;
  subjectId?: string;
  outcome?: string;
  onBehalfOf?: string;
  text?: string;
  /** How many members a dispatch step alerted. */
  alerted?: number;
  /** Why the step chose each member. */
  why?: Array<{ memberId: string; reason: string }>;
}

type Message = Pick<RequestMessage, 'id' | 'subjectId' | 'outcome' | 'onBehalfOf' | 'text'> & Partial<Pick<RequestMessage, 'covered' | 'emergency'>>;

const yesNo = (v: boolean | undefined) => (v === undefined ? '—' : v ? 'oui' : 'non');

/** A follow-up's two answers, in words; the other messages' own text. */
function textOf(m: Message): string | undefined {
  if (m.covered === undefined && m.emergency === undefined) return m.text;
  return `${FOLLOW_UP_QUESTIONS.covered} ${yesNo(m.covered)} · ${FOLLOW_UP_QUESTIONS.emergency} ${yesNo(m.emergency)}`;
}

export function timeline(request: Pick<CareRequest, 'history' | 'dispatch'>, messages: readonly Message[]): TimelineEntry[] {
  const byId = new Map(messages.map((m) => [m.id, m]));
  const entries: TimelineEntry[] = [];
  for (const h of request.history ?? []) {
    const m = h.ref ? byId.get(h.ref) : undefined;
    entries.push(
      m && !h.event.endsWith('-refused')
        ? { at: h.at, event: h.event, by: h.by, subjectId: m.subjectId, outcome: m.outcome, onBehalfOf: m.onBehalfOf, text: textOf(m) }
        : { at: h.at, event: h.event, by: h.by, text: h.note },
    );
  }
  for (const s of request.dispatch?.steps ?? []) entries.push({ at: s.at, event: s.kind, by: 'server', text: s.reason, alerted: s.alerted.length, ...(s.why?.length ? { why: s.why } : {}) });
  // Stable: a step and the history entry of one instant keep their order (steps after).
  return entries.map((e, i) => ({ e, i })).sort((a, b) => a.e.at.localeCompare(b.e.at) || a.i - b.i).map(({ e }) => e);
}

/** The coordination's calls on a request, newest first, and for each person the outcome of the last call. */
export function callsOf(messages: readonly RequestMessage[]): RequestMessage[] {
  return messages.filter((m) => m.kind === 'call').sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** People whose last call ended with « d'accord »: whom the coordination may assign the case to. */
export function agreedBy(messages: readonly RequestMessage[]): string[] {
  const last = new Map<string, string>();
  for (const m of callsOf(messages)) if (m.subjectId && !last.has(m.subjectId)) last.set(m.subjectId, m.outcome ?? '');
  return [...last].filter(([, outcome]) => outcome === 'agreed').map(([id]) => id);
}
