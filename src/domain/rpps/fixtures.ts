/** Synthetic lines of the RPPS extract for tests and the benchmark: the real columns, invented people. */
import { PROFESSIONS } from '../members/professions';
import { COLUMNS, columnKey, type Column } from './parse';

/** The columns of `PS_LibreAcces_Personne_activite` (2024 edition), in their order. */
export const EXTRACT_COLUMNS: readonly string[] = [
  "Type d'identifiant PP", 'Identifiant PP', 'Identification nationale PP', "Code civilité d'exercice", "Libellé civilité d'exercice",
  'Code civilité', 'Libellé civilité', "Nom d'exercice", "Prénom d'exercice", 'Code profession', 'Libellé profession',
  'Code catégorie professionnelle', 'Libellé catégorie professionnelle', 'Code type savoir-faire', 'Libellé type savoir-faire',
  'Code savoir-faire', 'Libellé savoir-faire', 'Code mode exercice', 'Libellé mode exercice', 'Numéro SIRET site', 'Numéro SIREN site',
  'Numéro FINESS site', 'Numéro FINESS établissement juridique', 'Identifiant technique de la structure', 'Raison sociale site',
  'Enseigne commerciale site', 'Complément destinataire (coord. structure)', 'Complément point géographique (coord. structure)',
  'Numéro Voie (coord. structure)', 'Indice répétition voie (coord. structure)', 'Code type de voie (coord. structure)',
  'Libellé type de voie (coord. structure)', 'Libellé Voie (coord. structure)', 'Mention distribution (coord. structure)',
  'Bureau cedex (coord. structure)', 'Code postal (coord. structure)', 'Code commune (coord. structure)',
  'Libellé commune (coord. structure)', 'Code pays (coord. structure)', 'Libellé pays (coord. structure)',
  'Téléphone (coord. structure)', 'Téléphone 2 (coord. structure)', 'Télécopie (coord. structure)',
  'Adresse e-mail (coord. structure)', 'Code Département (structure)', 'Libellé Département (structure)',
  'Ancien identifiant de la structure', "Autorité d'enregistrement", "Code secteur d'activité", "Libellé secteur d'activité",
  'Code section tableau pharmaciens', 'Libellé section tableau pharmaciens', 'Code rôle', 'Libellé rôle', 'Code genre activité',
  'Libellé genre activité',
];

/** The same columns as older editions name them: « (coord. Structure) ». */
export const EXTRACT_COLUMNS_CAPITALISED: readonly string[] = EXTRACT_COLUMNS.map((c) => c.replace('(coord. structure)', '(coord. Structure)'));

export type ExtractFields = Partial<Record<Column, string>>;

const COLUMN_OF = new Map(Object.entries(COLUMNS).map(([column, name]) => [columnKey(name), column as Column]));

export function extractHeader(columns: readonly string[] = EXTRACT_COLUMNS): string {
  return columns.join('|') + '|';
}

/** A data line with the given fields (others empty, a few derived as the real file has them), ending with `|`. */
export function extractLine(fields: ExtractFields, columns: readonly string[] = EXTRACT_COLUMNS): string {
  const code = fields.professionCode ?? '';
  const derived: Record<string, string> = {
    identificationnationalepp: fields.rpps ? `8${fields.rpps}` : '',
    libelleprofession: (PROFESSIONS as Record<string, string>)[code] ?? '',
    codepayscoordstructure: fields.postcode ? '99000' : '',
    libellepayscoordstructure: fields.postcode ? 'France' : '',
    autoritedenregistrement: 'RPPS/ARS/ORDRE',
  };
  const values = columns.map((name) => {
    const key = columnKey(name);
    const column = COLUMN_OF.get(key);
    return (column && fields[column]) ?? derived[key] ?? '';
  });
  return values.join('|') + '|';
}

/** A GP practising in Metz; override what a test is about. */
export function sampleRow(overrides: ExtractFields = {}): ExtractFields {
  return {
    identifierType: '8',
    rpps: '10101010101',
    civility: 'MME',
    lastName: 'BERTRAND',
    firstName: 'Claire',
    professionCode: '10',
    specialtyLabel: 'Médecine Générale',
    practiceMode: 'L',
    streetNumber: '12',
    streetType: 'Rue',
    streetName: 'de la Gare',
    postcode: '57000',
    insee: '57463',
    commune: 'METZ',
    phone: '0387123456',
    email: 'claire.bertrand@example.test',
    ...overrides,
  };
}
