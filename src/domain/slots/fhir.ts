/**
 * The slots as FHIR R4 resources, in the shape the SAS platform's aggregator asks its providers for:
 * `GET Slot?status=free&start=ge…&start=le…&_include=Slot:schedule&_include:iterate=Schedule:actor
 * &schedule.actor:Practitioner.identifier=urn:oid:1.2.250.1.71.4.2.1|8…` answered by a `searchset`
 * Bundle (slots matched, their schedules and practitioners included). A doctor has one schedule of
 * unscheduled care; the practitioner is named by the national identifier (IdNat_PS: 8 + RPPS). Pure.
 */
import type { UnscheduledSlot } from './slot';

/** The national identifier of health professionals (IdNat_PS). */
export const IDNAT_PS_SYSTEM = 'urn:oid:1.2.250.1.71.4.2.1';

/** IdNat_PS of a professional known by their RPPS number: « 8 » then the RPPS. */
export const idNatPsOf = (rpps: string) => `8${rpps}`;

export interface SlotPractitioner {
  memberId: string;
  displayName: string;
  rpps?: string;
}

export interface SlotSearch {
  /** Bounds on the slot's start, ms; `from` inclusive, `to` inclusive. */
  from: number;
  to: number;
  statuses?: ReadonlyArray<UnscheduledSlot['status']>;
  /** IdNat_PS values asked for (`schedule.actor:Practitioner.identifier`). */
  practitioners?: readonly string[];
  includeSchedule: boolean;
  includePractitioner: boolean;
  count: number;
}

const DAY = 86_400_000;
export const DEFAULT_SEARCH_DAYS = 14;
const MAX_COUNT = 1000;

type Query = Record<string, string | string[] | undefined>;
type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const values = (q: Query, key: string): string[] => {
  const v = q[key];
  return v === undefined ? [] : Array.isArray(v) ? v : [v];
};

/** A FHIR date or dateTime as an instant: a day alone is its first or its last millisecond (UTC). */
function instantOf(text: string, end: boolean): number {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return Date.parse(`${text}T00:00:00Z`) + (end ? DAY - 1 : 0);
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/.test(text) ? Date.parse(text) : NaN;
}

/** The search's parameters checked; unknown ones are ignored, as FHIR's lenient handling allows. */
export function parseSlotSearch(q: Query, now: number): Parsed<SlotSearch> {
  let from = now;
  let to = now + DEFAULT_SEARCH_DAYS * DAY;
  for (const raw of values(q, 'start')) {
    const m = /^(eq|ge|gt|le|lt)?(.{10,35})$/.exec(raw);
    const prefix = m?.[1] ?? 'eq';
    const at = m ? instantOf(m[2], prefix === 'le' || prefix === 'lt') : NaN;
    if (!Number.isFinite(at)) return { ok: false, error: `Paramètre « start » : « ${raw.slice(0, 40)} » n’est pas une date FHIR (par exemple ge2026-12-05 ou le2026-12-06T23:59:59Z).` };
    if (prefix === 'ge') from = at;
    else if (prefix === 'gt') from = at + 1;
    else if (prefix === 'le') to = at;
    else if (prefix === 'lt') to = at - 1;
    else [from, to] = [instantOf(m![2], false), instantOf(m![2], true)];
  }
  if (to < from) return { ok: false, error: 'Paramètre « start » : la fin de la période précède son début.' };
  const statuses = values(q, 'status').flatMap((s) => s.split(','));
  const unknown = statuses.find((s) => s !== 'free' && s !== 'busy');
  if (unknown !== undefined) return { ok: false, error: `Paramètre « status » : « ${unknown.slice(0, 20)} » n’est pas un état de créneau servi ici (free ou busy).` };
  const practitioners: string[] = [];
  for (const token of values(q, 'schedule.actor:Practitioner.identifier').flatMap((s) => s.split(','))) {
    const [system, value] = token.includes('|') ? token.split('|', 2) : [IDNAT_PS_SYSTEM, token];
    if (system !== IDNAT_PS_SYSTEM || !/^\d{9,12}$/.test(value)) return { ok: false, error: `Paramètre « schedule.actor:Practitioner.identifier » : un identifiant national ${IDNAT_PS_SYSTEM}|8… est attendu.` };
    practitioners.push(value);
  }
  const count = values(q, '_count')[0];
  const n = count === undefined ? MAX_COUNT : Number(count);
  if (!Number.isInteger(n) || n < 1 || n > MAX_COUNT) return { ok: false, error: `Paramètre « _count » : un nombre de 1 à ${MAX_COUNT} est attendu.` };
  const includes = [...values(q, '_include'), ...values(q, '_include:iterate')];
  return {
    ok: true,
    value: {
      from,
      to,
      ...(statuses.length ? { statuses: statuses as Array<UnscheduledSlot['status']> } : {}),
      ...(practitioners.length ? { practitioners } : {}),
      includeSchedule: includes.includes('Slot:schedule'),
      includePractitioner: includes.includes('Schedule:actor'),
      count: n,
    },
  };
}

const scheduleIdOf = (memberId: string) => `snp-${memberId}`;

export function slotResource(slot: UnscheduledSlot) {
  return {
    resourceType: 'Slot' as const,
    id: slot.id,
    serviceType: [{ text: 'Soins non programmés' }],
    schedule: { reference: `Schedule/${scheduleIdOf(slot.memberId)}` },
    status: slot.status,
    start: new Date(slot.start).toISOString(),
    end: new Date(slot.end).toISOString(),
  };
}

export function scheduleResource(p: SlotPractitioner) {
  return {
    resourceType: 'Schedule' as const,
    id: scheduleIdOf(p.memberId),
    active: true,
    serviceType: [{ text: 'Soins non programmés' }],
    actor: [{ reference: `Practitioner/${p.memberId}`, ...(p.rpps ? { identifier: { system: IDNAT_PS_SYSTEM, value: idNatPsOf(p.rpps) } } : {}), display: p.displayName }],
  };
}

export function practitionerResource(p: SlotPractitioner) {
  return {
    resourceType: 'Practitioner' as const,
    id: p.memberId,
    ...(p.rpps ? { identifier: [{ system: IDNAT_PS_SYSTEM, value: idNatPsOf(p.rpps) }] } : {}),
    name: [{ text: p.displayName }],
  };
}

/** The searchset: the slots matched (at most `count`), then what was asked to be included. */
export function slotBundle(slots: readonly UnscheduledSlot[], practitioners: ReadonlyMap<string, SlotPractitioner>, search: SlotSearch, base: string, selfUrl: string) {
  const matched = slots.filter((s) => practitioners.has(s.memberId)).slice(0, search.count);
  const doctors = [...new Set(matched.map((s) => s.memberId))].map((id) => practitioners.get(id)!);
  const entry = [
    ...matched.map((s) => ({ fullUrl: `${base}/Slot/${s.id}`, resource: slotResource(s), search: { mode: 'match' as const } })),
    ...(search.includeSchedule ? doctors.map((p) => ({ fullUrl: `${base}/Schedule/${scheduleIdOf(p.memberId)}`, resource: scheduleResource(p), search: { mode: 'include' as const } })) : []),
    ...(search.includeSchedule && search.includePractitioner ? doctors.map((p) => ({ fullUrl: `${base}/Practitioner/${p.memberId}`, resource: practitionerResource(p), search: { mode: 'include' as const } })) : []),
  ];
  return { resourceType: 'Bundle' as const, type: 'searchset' as const, total: matched.length, link: [{ relation: 'self', url: selfUrl }], entry };
}

/** A refusal as FHIR says it, in French. */
export function operationOutcome(diagnostics: string, code: 'invalid' | 'security' | 'not-found' = 'invalid') {
  return { resourceType: 'OperationOutcome' as const, issue: [{ severity: 'error' as const, code, diagnostics }] };
}
