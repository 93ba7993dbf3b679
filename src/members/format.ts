/** How a directory entry is shown: phone links, address line, profession line, availability badge. */
import { professionLabel } from '../domain/members/professions';
import type { Member } from '../domain/members/schema';
import { fr } from '../i18n/fr';

/** `tel:` link in international form, so it dials from any phone: « 03 87 12 34 56 » → `tel:+33387123456`. */
export function telHref(number: string): string {
  const digits = number.replace(/[\s.]/g, '');
  if (digits.startsWith('+')) return `tel:${digits}`;
  if (/^0[1-9][0-9]{8}$/.test(digits)) return `tel:+33${digits.slice(1)}`;
  return `tel:${digits}`;
}

export function professionLine(member: Pick<Member, 'profession' | 'specialty'>): string {
  const label = professionLabel(member.profession);
  return member.specialty && member.specialty !== label ? `${label} · ${member.specialty}` : label;
}

export function addressLine(address: Pick<Member['address'], 'street' | 'postcode' | 'commune'>): string {
  return [address.street, `${address.postcode} ${address.commune}`.trim()].filter(Boolean).join(', ');
}

// The territory is in France: show French local time whatever the device's time zone.
const TIME = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Paris' });

/** « Disponible jusqu’à 18:30 » while `availableUntil` is in the future, otherwise null. */
export function availabilityLabel(availability: { availableUntil?: string }, now: number): string | null {
  const until = availability.availableUntil ? Date.parse(availability.availableUntil) : NaN;
  if (Number.isNaN(until) || until <= now) return null;
  return fr.directory.availableUntil(TIME.format(until));
}
