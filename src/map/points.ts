/** What the map shows of a directory entry (position, profession, state now) and the filters applied to it. Pure. */
import { availabilityState, type Availability } from '../domain/members/availability';
import { professionLabel } from '../domain/members/professions';
import type { Member } from '../domain/members/schema';

/** Absent counts as unavailable: the map only tells who can be asked now. */
export type MapState = 'available' | 'on-call' | 'unavailable';

export interface MapPoint {
  id: string;
  lat: number;
  lon: number;
  profession: string;
  specialty: string;
  structure: boolean;
  state: MapState;
}

export type AvailabilityFilter = 'all' | 'now' | 'available' | 'on-call';

export interface MapFilters {
  /** A profession or structure code, '' for all. */
  profession: string;
  /** '' for all. */
  specialty: string;
  availability: AvailabilityFilter;
}

export const NO_FILTERS: MapFilters = { profession: '', specialty: '', availability: 'all' };

type Mappable = Pick<Member, 'id' | 'kind' | 'profession' | 'location'> & { specialty?: string; availability: unknown };

export function mapState(availability: Availability, now: number): MapState {
  const state = availabilityState(availability, now);
  return state === 'absent' ? 'unavailable' : state;
}

export function toMapPoint(member: Mappable, now: number): MapPoint {
  return {
    id: member.id,
    lat: member.location.lat,
    lon: member.location.lon,
    profession: member.profession,
    specialty: member.specialty ?? '',
    structure: member.kind === 'structure',
    state: mapState(member.availability as Availability, now),
  };
}

export function matchesAvailability(state: MapState, filter: AvailabilityFilter): boolean {
  if (filter === 'all') return true;
  if (filter === 'now') return state !== 'unavailable';
  return state === filter;
}

export function matches(point: MapPoint, filters: MapFilters): boolean {
  return (
    (!filters.profession || point.profession === filters.profession) &&
    (!filters.specialty || point.specialty === filters.specialty) &&
    matchesAvailability(point.state, filters.availability)
  );
}

/** « Près du patient » lists those who can be asked now, whatever the map shows. */
export function nearbyFilters(filters: MapFilters): MapFilters {
  return filters.availability === 'all' ? { ...filters, availability: 'now' } : filters;
}

export interface Option {
  value: string;
  label: string;
  count: number;
}

function counted(values: Iterable<string>, label: (v: string) => string): Option[] {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, label: label(value), count })).sort((a, b) => a.label.localeCompare(b.label, 'fr'));
}

/** The professions and structure kinds present in the directory, by label. */
export function professionOptions(points: readonly MapPoint[]): Option[] {
  return counted(
    points.map((p) => p.profession),
    professionLabel,
  );
}

/** The specialties present for a profession (all professions when ''). */
export function specialtyOptions(points: readonly MapPoint[], profession: string): Option[] {
  return counted(
    points.filter((p) => !profession || p.profession === profession).map((p) => p.specialty),
    (s) => s,
  );
}
