/** The kinds of care requests, each with its default target professions, urgency and search radius. */
import { GENERAL_PRACTICE } from '../members/professions';

export const URGENCIES = ['immediate', 'today', '48h', 'date'] as const;
export type Urgency = (typeof URGENCIES)[number];

export const URGENCY_LABELS: Record<Urgency, string> = {
  immediate: 'Immédiat',
  today: 'Dans la journée',
  '48h': 'Sous 48 h',
  date: 'Date choisie',
};

export interface RequestKind {
  label: string;
  /** Profession codes (RPPS) or structure kinds alerted by default. */
  professions: readonly string[];
  /** Specialties alerted by default; empty: any (or chosen when posting). */
  specialties: readonly string[];
  urgency: Urgency;
  /** Radius of the first circle around the patient, km. */
  radiusKm: number;
  /** Only members who accept new patients as médecin traitant. */
  newPatientsOnly?: boolean;
  /** Members must visit the patient at home: their own home-visit radius limits the search. */
  atHome?: boolean;
  /** Structures take it only with capacity declared: free places, or a service open to admissions. */
  needsCapacity?: 'places' | 'services';
  /** A doctor with a free unscheduled-care slot before the deadline is reachable for it. */
  slots?: boolean;
}

export const REQUEST_KINDS = {
  'avis-specialise': { label: 'Avis spécialisé / télé-expertise', professions: ['10'], specialties: [], urgency: 'today', radiusKm: 40 },
  'consultation-specialisee': { label: 'Consultation spécialisée', professions: ['10'], specialties: [], urgency: '48h', radiusKm: 25 },
  examen: { label: 'Examen (imagerie, biologie)', professions: ['10', 'laboratoire'], specialties: ['Radiologie'], urgency: '48h', radiusKm: 25 },
  'transport-sanitaire': { label: 'Transport sanitaire', professions: ['ambulance'], specialties: [], urgency: 'today', radiusKm: 30 },
  'passage-infirmier': { label: 'Passage infirmier à domicile (retour à domicile)', professions: ['60'], specialties: [], urgency: 'today', radiusKm: 10, atHome: true },
  'medicament-rupture': { label: 'Médicament en rupture', professions: ['21', 'pharmacie'], specialties: [], urgency: 'today', radiusKm: 15 },
  'livraison-medicaments': { label: 'Livraison de médicaments à domicile', professions: ['21', 'pharmacie'], specialties: [], urgency: 'today', radiusKm: 10 },
  'hebergement-temporaire': { label: 'Hébergement temporaire (EHPAD)', professions: ['ehpad', 'ehpa'], specialties: [], urgency: '48h', radiusKm: 30, needsCapacity: 'places' },
  'entree-directe': { label: 'Entrée directe à l’hôpital', professions: ['hopital', 'had'], specialties: [], urgency: 'immediate', radiusKm: 40, needsCapacity: 'services' },
  'accueil-precarite': { label: 'Accueil d’un patient en situation de précarité', professions: ['pass', 'ccas', 'msp', 'cmp'], specialties: [], urgency: '48h', radiusKm: 30 },
  'medecin-traitant': { label: 'Recherche de médecin traitant', professions: ['10'], specialties: [GENERAL_PRACTICE], urgency: '48h', radiusKm: 15, newPatientsOnly: true },
  'soin-non-programme': { label: 'Soin non programmé', professions: ['10'], specialties: [GENERAL_PRACTICE], urgency: 'today', radiusKm: 10, slots: true },
  autre: { label: 'Autre', professions: [], specialties: [], urgency: 'today', radiusKm: 20 },
} as const satisfies Record<string, RequestKind>;

export type RequestType = keyof typeof REQUEST_KINDS;
export const REQUEST_TYPES = Object.keys(REQUEST_KINDS) as RequestType[];

const HOUR = 3_600_000;

/** The deadline an urgency gives from `now` (a chosen date is given as is). */
export function defaultDeadline(urgency: Exclude<Urgency, 'date'>, now: number): number {
  switch (urgency) {
    case 'immediate':
      return now + 2 * HOUR;
    case 'today':
      return now + 12 * HOUR;
    case '48h':
      return now + 48 * HOUR;
  }
}

/** How long the patient's usual professional is alerted alone before the circle widens. */
export function usualProfessionalWindowMs(urgency: Urgency): number {
  return { immediate: 5, today: 30, '48h': 120, date: 360 }[urgency] * 60_000;
}
