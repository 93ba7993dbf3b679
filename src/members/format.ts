/** How a directory entry is shown: phone links, address line, profession line, availability badge. */
import { TERRITORY } from '../config';
import { professionLabelOf } from '../domain/members/professions';
import { availabilityState, type Availability } from '../domain/members/availability';
import type { Member } from '../domain/members/schema';
import * as fr from '../i18n/fr';

/** `tel:` link in international form, so it dials from any phone: « 03 87 12 34 56 » → `tel:+33387123456`. */
export function telHref(number: string): string {
  const digits = number.replace(/[\s.]/g, '');
  if (digits.startsWith('+')) return `tel:${digits}`;
  if (/^0[1-9][0-9]{8}$/.test(digits)) return `tel:+33${digits.slice(1)}`;
  return `tel:${digits}`;
}

/** « Infirmière », « Médecin · Cardiologie »: the profession as said of the member (by their civility), then the specialty. */
export function professionLine(member: Pick<Member, 'profession' | 'specialty'> & Partial<Pick<Member, 'civility'>>): string {
  const label = professionLabelOf(member);
  return member.specialty && member.specialty !== label ? `${label} · ${member.specialty}` : label;
}

export function addressLine(address: Pick<Member['address'], 'street' | 'postcode' | 'commune'>): string {
  return [address.street, `${address.postcode} ${address.commune}`.trim()].filter(Boolean).join(', ');
}

// The territory is in France: show French local time whatever the device's time zone.
const TIME = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: TERRITORY.timeZone });

/** The badge of an entry now: available until a time, on call, absent, or nothing. */
export function availabilityBadge(availability: Availability, now: number): { label: string; kind: 'available' | 'on-call' | 'absent' } | null {
  switch (availabilityState(availability, now)) {
    case 'available':
      return { label: fr.directory.availableUntil(TIME.format(Date.parse(availability.availableUntil!))), kind: 'available' };
    case 'on-call':
      return { label: fr.directory.onCall, kind: 'on-call' };
    case 'absent':
      return { label: fr.directory.absent, kind: 'absent' };
    default:
      return null;
  }
}

const KM = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** « à 3,2 km » */
export function distanceLabel(km: number): string {
  return fr.directory.distance(KM.format(km < 10 ? km : Math.round(km)));
}

const DATE = new Intl.DateTimeFormat('fr-FR', { weekday: 'short', day: 'numeric', month: 'short', timeZone: TERRITORY.timeZone });

export function timeLabel(iso: string): string {
  return TIME.format(Date.parse(iso));
}

/** « lun. 24 nov. »; with `dayBefore`, the last day of a period whose end is the next midnight. */
export function dateLabel(iso: string, dayBefore = false): string {
  return DATE.format(Date.parse(iso) - (dayBefore ? 1 : 0));
}

/** « lun. 24 nov. 18:00 → mar. 25 nov. 08:00 », or whole days for absences. */
export function slotLabel(slot: { start: string; end: string }, days = false): string {
  if (days) return `${dateLabel(slot.start)} → ${dateLabel(slot.end, true)}`;
  return `${dateLabel(slot.start)} ${timeLabel(slot.start)} → ${dateLabel(slot.end)} ${timeLabel(slot.end)}`;
}
