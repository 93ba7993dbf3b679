/**
 * Reading the national RPPS extract `PS_LibreAcces_Personne_activite_*.txt`: pipe-separated, one
 * header line, a trailing `|`. Columns are found by name, since versions add, drop, move and re-case them.
 */

/** The columns read, by their name in the extract; the others are ignored. */
export const COLUMNS = {
  identifierType: "Type d'identifiant PP",
  rpps: 'Identifiant PP',
  civility: 'Code civilité',
  lastName: "Nom d'exercice",
  firstName: "Prénom d'exercice",
  professionCode: 'Code profession',
  professionLabel: 'Libellé profession',
  specialtyLabel: 'Libellé savoir-faire',
  practiceMode: 'Code mode exercice',
  streetNumber: 'Numéro Voie (coord. structure)',
  repetition: 'Indice répétition voie (coord. structure)',
  streetType: 'Libellé type de voie (coord. structure)',
  streetName: 'Libellé Voie (coord. structure)',
  postcode: 'Code postal (coord. structure)',
  insee: 'Code commune (coord. structure)',
  commune: 'Libellé commune (coord. structure)',
  phone: 'Téléphone (coord. structure)',
  phone2: 'Téléphone 2 (coord. structure)',
  email: 'Adresse e-mail (coord. structure)',
} as const;

export type Column = keyof typeof COLUMNS;

/** Without these a line cannot become a directory entry: a file lacking one is not the expected extract. */
const REQUIRED: readonly Column[] = ['rpps', 'lastName', 'firstName', 'professionCode', 'postcode', 'insee', 'commune'];

/** One row of the extract, every field as text ('' when the column is absent or empty). */
export type RppsRow = Record<Column, string> & { line: number };

export interface ColumnMap {
  /** Position of each column read, -1 when the file has no such column. */
  index: Record<Column, number>;
  /** Fields per line, the empty one after the trailing `|` excluded. */
  fieldCount: number;
}

export type HeaderResult = { ok: true; columns: ColumnMap } | { ok: false; reason: string };
export type LineResult = { ok: true; row: RppsRow } | { ok: false; line: number; reason: string };

/** A column name reduced to its letters and digits: case, accents, spaces and punctuation vary between versions. */
export function columnKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** The fields of a line: the one trailing `|` closes the last field, it does not open another. */
function fields(line: string): string[] {
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  const parts = text.split('|');
  if (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

const ZIP_MAGIC = 'PK\u0003\u0004';

export function parseHeader(line: string): HeaderResult {
  const text = line.replace(/^\uFEFF/, '');
  if (text.startsWith(ZIP_MAGIC)) {
    return { ok: false, reason: 'Ce fichier est une archive ZIP : décompressez-la et envoyez le fichier PS_LibreAcces_Personne_activite_….txt qu’elle contient.' };
  }
  const names = fields(text).map(columnKey);
  const index = {} as Record<Column, number>;
  for (const [column, name] of Object.entries(COLUMNS) as Array<[Column, string]>) index[column] = names.indexOf(columnKey(name));
  const missing = REQUIRED.filter((c) => index[c] < 0).map((c) => `« ${COLUMNS[c]} »`);
  if (missing.length) {
    return {
      ok: false,
      reason: `Ce fichier n’est pas un extrait RPPS « Personne activité » (séparé par des |) : colonne${missing.length > 1 ? 's' : ''} ${missing.join(', ')} introuvable${missing.length > 1 ? 's' : ''} dans la première ligne.`,
    };
  }
  return { ok: true, columns: { index, fieldCount: names.length } };
}

/** A data line as a row, or why it cannot be read; `line` is its number in the file (the header is line 1). */
export function parseLine(columns: ColumnMap, text: string, line: number): LineResult {
  const values = fields(text);
  if (values.length !== columns.fieldCount) {
    return { ok: false, line, reason: `ligne mal formée : ${values.length} champs au lieu de ${columns.fieldCount}` };
  }
  const row = { line } as RppsRow;
  for (const column of Object.keys(COLUMNS) as Column[]) {
    const i = columns.index[column];
    row[column] = i < 0 ? '' : values[i].trim();
  }
  return { ok: true, row };
}

/** Why a row of the territory cannot be imported, checked once the row is known to be worth it. */
export function rowProblem(row: RppsRow): string | undefined {
  // Type 0 is ADELI: those professionals have no RPPS number to key their entry on.
  if (row.identifierType === '0') return 'identifiant ADELI, pas RPPS : non importé';
  if (!/^[0-9]{11}$/.test(row.rpps)) return `identifiant RPPS invalide (« ${row.rpps.slice(0, 20)} ») : 11 chiffres attendus`;
  if (!row.lastName) return 'nom d’exercice manquant';
  if (!row.professionCode) return 'code profession manquant';
  return undefined;
}
