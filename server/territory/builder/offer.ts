/**
 * A default offer of care for a new territory that has no counts of its own: national densities
 * per 100,000 inhabitants applied to its population. Replace `offer.json` with the territory's real
 * figures (its founding documents, the regional health observatory) when it has them.
 */
import type { Offer } from '../load';

/**
 * Practising in private practice or mixed practice (libéraux et mixtes), France, rounded to the
 * nearest 5 per 100,000 inhabitants: orders of magnitude from the DREES's yearly demography of
 * health professionals (RPPS/ADELI, around 2022–2023). Rounded on purpose: they only size a
 * demo directory and a first guess, never an indicator.
 */
export const NATIONAL_DENSITY_PER_100K: Record<string, number> = {
  'Médecin généraliste': 85,
  'Médecin spécialiste': 90,
  'Chirurgien-dentiste': 55,
  Infirmier: 200,
  'Masseur-kinésithérapeute': 120,
  'Sage-femme': 15,
  Orthophoniste: 30,
  'Pédicure-podologue': 20,
  Pharmacien: 40,
};

/** Structures per 100,000 inhabitants, same sources and rounding (EHPAD: about 7,500 in France). */
const STRUCTURES_PER_100K = { EHPAD: 11, EHPA: 1, 'Logements-foyers': 3.5, 'Accueils collectifs handicap': 8 };

const per = (population: number, density: number) => Math.round((population * density) / 100_000);

export function defaultOffer(population: number, mainCommune: string): Offer & Record<string, unknown> {
  const professionals = Object.fromEntries(Object.entries(NATIONAL_DENSITY_PER_100K).map(([k, d]) => [k, per(population, d)]));
  return {
    source: `Densités nationales pour 100 000 habitants (DREES, libéraux et mixtes, arrondies) appliquées à ${population.toLocaleString('fr-FR')} habitants : à remplacer par les chiffres du territoire`,
    professionals,
    professionalsTotal: Object.values(professionals).reduce((a, b) => a + b, 0),
    // One hospital for the main commune: the real list comes from the territory (FINESS).
    emergencyStructures: [`Centre hospitalier de ${mainCommune}`],
    otherStructures: {
      EHPAD: { count: per(population, STRUCTURES_PER_100K.EHPAD) },
      EHPA: { count: per(population, STRUCTURES_PER_100K.EHPA) },
      'Logements-foyers': { count: per(population, STRUCTURES_PER_100K['Logements-foyers']) },
      'Accueils collectifs handicap': per(population, STRUCTURES_PER_100K['Accueils collectifs handicap']),
      Addictologie: [],
    },
  };
}
