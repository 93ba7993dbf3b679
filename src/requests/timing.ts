/** Time left before a request's deadline, and dates, in the territory's time zone. Pure. */
import { TERRITORY } from '../config';
import * as fr from '../i18n/fr';

const MINUTE = 60_000;

/** « 3 h 20 », « 45 min », « 2 j 4 h »; null once past. */
export function timeLeft(deadline: string, now: number): string | null {
  const left = Date.parse(deadline) - now;
  if (!(left > 0)) return null;
  const minutes = Math.ceil(left / MINUTE);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return hours ? `${days} j ${hours} h` : `${days} j`;
  if (hours > 0) return mins ? `${hours} h ${String(mins).padStart(2, '0')}` : `${hours} h`;
  return `${mins} min`;
}

/** The deadline line of a card: « reste 3 h 20 » or « échéance dépassée ». */
export function deadlineLabel(deadline: string, now: number): string {
  const left = timeLeft(deadline, now);
  return left ? fr.requests.timeLeft(left) : fr.requests.overdue;
}

const DATE_TIME = new Intl.DateTimeFormat('fr-FR', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: TERRITORY.timeZone });

/** « lun. 23 nov., 14:05 » */
export function dateTimeLabel(iso: string): string {
  return DATE_TIME.format(Date.parse(iso));
}

const CLOCK = new Intl.DateTimeFormat('fr-FR', { hour: '2-digit', minute: '2-digit', timeZone: TERRITORY.timeZone });

/** « 14 h 30 », the French way of writing a time in a sentence. */
export function clockLabel(iso: string): string {
  return CLOCK.format(Date.parse(iso)).replace(':', ' h ');
}
