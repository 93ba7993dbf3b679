/**
 * What each side of a tele-expertise may bill, from the health insurance's published acts (NGAP),
 * kept as data with its sources and the date it applies from: when the convention changes, this
 * table changes, and nothing else. A request of type « avis spécialisé / télé-expertise » resolved
 * shows it to its requester and its assignee (`billingFor`).
 */
import { PROFESSIONS, type ProfessionCode } from '../members/professions';

export interface BillableAct {
  code: 'TE2' | 'RQD';
  /** What the act pays for, in the nomenclature's words. */
  label: string;
  /** Metropolitan France; the overseas departments (DROM) have their own rate. */
  euros: number;
  eurosOverseas: number;
  /** RPPS profession codes that may bill it. */
  professions: readonly ProfessionCode[];
}

export const TELEEXPERTISE_BILLING = {
  /** The rates below apply from this date (the 2024–2029 medical convention's rise of TE2). */
  validFrom: '2026-01-01',
  /** When this table was last compared with its sources. */
  checkedOn: '2026-12-04',
  sources: [
    { title: 'Convention nationale organisant les rapports entre les médecins libéraux et l’assurance maladie, signée le 4 juin 2024 (Journal officiel du 21 juin 2024)' },
    { title: 'Assurance Maladie, « La téléexpertise »', url: 'https://www.ameli.fr/exercice-coordonne/exercice-professionnel/telemedecine/teleexpertise' },
  ],
  /** The doctor (or midwife) who gives the opinion. */
  requis: { code: 'TE2', label: 'Acte de téléexpertise du professionnel requis', euros: 23, eurosOverseas: 27.6, professions: ['10', '50'] },
  /** The professional who asks for it. */
  requerant: { code: 'RQD', label: 'Demande de téléexpertise du professionnel requérant', euros: 10, eurosOverseas: 12, professions: ['10', '50', '60', '70', '80', '91'] },
  /** For both acts. */
  conditions: [
    'Le patient a été informé et a donné son accord à la téléexpertise.',
    'La demande et l’avis sont échangés par un outil sécurisé ; l’avis fait l’objet d’un compte rendu conservé dans le dossier du patient.',
    'Au plus 4 actes par an pour un même patient.',
    'Facturé en tiers payant, pris en charge à 100 % par l’Assurance Maladie (feuille de soins électronique sans carte Vitale, le patient n’étant pas présent).',
    'Non cumulable avec un autre acte ou une majoration ; aucun dépassement d’honoraires.',
  ],
} as const satisfies {
  validFrom: string;
  checkedOn: string;
  sources: ReadonlyArray<{ title: string; url?: string }>;
  requis: BillableAct;
  requerant: BillableAct;
  conditions: readonly string[];
};

/** The request types whose resolution is a tele-expertise. */
export const TELEEXPERTISE_TYPES: ReadonlySet<string> = new Set(['avis-specialise']);

/** INSEE codes of the overseas departments (DROM) start with 97. */
export const isOverseas = (communeInsee: string | undefined): boolean => Boolean(communeInsee?.startsWith('97'));

export interface BillingAdvice {
  side: 'requerant' | 'requis';
  act: BillableAct;
  euros: number;
  /** False when the member's profession may not bill this act (say so rather than hide it). */
  allowed: boolean;
  /** The member's profession, in words. */
  profession: string;
}

/** What one member of the case may bill: the requester for asking, the assignee for the opinion. */
export function billingFor(side: BillingAdvice['side'], profession: string, communeInsee: string | undefined): BillingAdvice {
  const act: BillableAct = TELEEXPERTISE_BILLING[side];
  return {
    side,
    act,
    euros: isOverseas(communeInsee) ? act.eurosOverseas : act.euros,
    allowed: (act.professions as readonly string[]).includes(profession),
    profession: PROFESSIONS[profession as ProfessionCode] ?? profession,
  };
}
