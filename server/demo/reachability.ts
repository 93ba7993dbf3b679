/**
 * When the demo's members can be reached: most professionals declare weekly hours from their
 * profession's template, shifted a little, some accept alerts outside them; structures declare
 * their service hours and, where they take people, what they can take now (declared a few hours
 * ago). Each entry draws from a generator of its own, so the rest of the demo does not change.
 */
import { hoursTemplate, type WeeklyRange } from '../../src/domain/members/hours';
import type { Member } from '../../src/domain/members/schema';
import { seeded, type Random } from './random';

const HOUR = 3_600_000;
const ROUND_THE_CLOCK = ['hopital', 'ambulance', 'had'];
/** Hospital services that may be open to direct admissions. */
const SERVICES = ['Médecine polyvalente', 'Gériatrie', 'Cardiologie', 'Pneumologie', 'Court séjour'];
/** Structures that take people only when they said they can: how many places they may declare. */
const PLACES: Record<string, [number, number, number]> = {
  // [share that declared any, min, max]
  ehpad: [0.4, 1, 3],
  ehpa: [0.4, 1, 2],
  had: [0.7, 1, 3],
  ssiad: [0.6, 1, 3],
  laboratoire: [0.9, 2, 10],
  ccas: [0.8, 1, 3],
  cmp: [0.6, 1, 2],
  msp: [0.7, 1, 4],
  pass: [0.9, 1, 3],
};

function hash(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return h >>> 0;
}

const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3));

/** The template shifted by up to half an hour either way, Saturdays sometimes dropped. */
function personalHours(rnd: Random, profession: string): WeeklyRange[] {
  const shift = rnd.pick([-30, 0, 0, 30]);
  const saturday = rnd.chance(0.6);
  return hoursTemplate(profession)
    .filter((r) => saturday || r.day !== 5)
    .map((r) => {
      const [start, end] = [minutes(r.start) + shift, minutes(r.end) + shift];
      return start < 0 || end > 24 * 60 ? r : { ...r, start: clock(start), end: clock(end) };
    });
}

function capacity(rnd: Random, kind: string, now: Date): Member['availability']['capacity'] {
  const declaredAt = new Date(now.getTime() - rnd.int(1, 20) * HOUR).toISOString();
  if (kind === 'hopital') return { services: SERVICES.map((name) => ({ name, open: rnd.chance(0.5) })), declaredAt };
  const places = PLACES[kind];
  if (!places || !rnd.chance(places[0])) return places ? { places: 0, declaredAt } : undefined;
  return { places: rnd.int(places[1], places[2]), declaredAt };
}

/** The entry with its hours (and a structure's capacity) added; the directory's other fields untouched. */
export function withReachability(member: Member, now: Date): Member {
  const rnd = seeded(hash(member.id));
  const availability = { ...member.availability };
  if (member.kind === 'structure') {
    availability.weeklyHours = ROUND_THE_CLOCK.includes(member.profession) ? hoursTemplate('hopital') : hoursTemplate(member.profession === 'msp' ? '10' : 'structure');
    const declared = capacity(rnd, member.profession, now);
    if (declared) availability.capacity = declared;
  } else if (rnd.chance(0.85)) {
    availability.weeklyHours = personalHours(rnd, member.profession);
    if (rnd.chance(0.25)) availability.outsideHours = ['push'];
  }
  return { ...member, availability };
}
