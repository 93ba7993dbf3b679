/** Professions of the RPPS nomenclature (code → French label) and the kinds of structures of the territory. */

export const PROFESSIONS = {
  '10': 'Médecin',
  '21': 'Pharmacien',
  '26': 'Audioprothésiste',
  '28': 'Opticien-lunetier',
  '40': 'Chirurgien-dentiste',
  '50': 'Sage-femme',
  '60': 'Infirmier',
  '70': 'Masseur-kinésithérapeute',
  '80': 'Pédicure-podologue',
  '81': 'Orthoprothésiste',
  '91': 'Orthophoniste',
  '92': 'Orthoptiste',
  '94': 'Ergothérapeute',
  '95': 'Diététicien',
  '96': 'Psychomotricien',
} as const;

export type ProfessionCode = keyof typeof PROFESSIONS;

/** The feminine labels that differ (the others, « Médecin », « Sage-femme », « Orthophoniste »…, are the same). */
const FEMININE: Partial<Record<ProfessionCode, string>> = {
  '21': 'Pharmacienne',
  '28': 'Opticienne-lunetière',
  '40': 'Chirurgienne-dentiste',
  '60': 'Infirmière',
  '70': 'Masseuse-kinésithérapeute',
  '95': 'Diététicienne',
  '96': 'Psychomotricienne',
};

/** A pharmacist or a pharmacy: those a pharmacie de garde is about. */
export const isPharmacy = (profession: string | undefined): boolean => profession === '21' || profession === 'pharmacie';

/** Structures that take part in the network; their "profession" field holds one of these codes. */
export const STRUCTURE_KINDS = {
  hopital: 'Établissement de santé',
  ehpad: 'EHPAD',
  ehpa: 'EHPA',
  'logement-foyer': 'Logement-foyer',
  handicap: 'Accueil collectif handicap',
  addictologie: 'Structure d’addictologie',
  ambulance: 'Transport sanitaire (ambulance, VSL, taxi conventionné)',
  'service-social': 'Service social',
  pharmacie: 'Pharmacie',
  laboratoire: 'Laboratoire de biologie médicale',
  had: 'Hospitalisation à domicile (HAD)',
  ssiad: 'Service de soins infirmiers à domicile (SSIAD)',
  ccas: 'Centre communal d’action sociale (CCAS)',
  cmp: 'Centre médico-psychologique (CMP)',
  msp: 'Maison de santé pluriprofessionnelle',
  pass: 'Permanence d’accès aux soins de santé (PASS)',
} as const;

/** Functions within the network that are neither a health profession nor a structure. */
export const NETWORK_FUNCTIONS = {
  coordination: 'Coordination de la CPTS',
} as const;

export const GENERAL_PRACTICE = 'Médecine générale';

export const SPECIALTIES = [
  'Cardiologie',
  'Dermatologie',
  'Endocrinologie',
  'Gastro-entérologie',
  'Gériatrie',
  'Gynécologie',
  'Neurologie',
  'Ophtalmologie',
  'ORL',
  'Pédiatrie',
  'Pneumologie',
  'Psychiatrie',
  'Radiologie',
  'Rhumatologie',
  'Néphrologie',
  'Urologie',
] as const;

/** A member's profession as said of them: feminine for a member who gave « Mme » as civility. */
export function professionLabelOf(member: { profession: string; civility?: string }): string {
  return (member.civility === 'Mme' && FEMININE[member.profession as ProfessionCode]) || professionLabel(member.profession);
}

export function professionLabel(code: string): string {
  return (
    (PROFESSIONS as Record<string, string>)[code] ??
    (STRUCTURE_KINDS as Record<string, string>)[code] ??
    (NETWORK_FUNCTIONS as Record<string, string>)[code] ??
    code
  );
}
