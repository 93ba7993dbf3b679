import { describe, expect, it } from 'vitest';
import { EXTRACT_COLUMNS, EXTRACT_COLUMNS_CAPITALISED, extractHeader, extractLine, sampleRow } from './fixtures';
import { columnKey, parseHeader, parseLine, rowProblem, type ColumnMap } from './parse';

function columnsOf(header: string): ColumnMap {
  const result = parseHeader(header);
  if (!result.ok) throw new Error(result.reason);
  return result.columns;
}

function rowOf(columns: readonly string[]) {
  const map = columnsOf(extractHeader(columns));
  const result = parseLine(map, extractLine(sampleRow(), columns), 2);
  if (!result.ok) throw new Error(result.reason);
  return result.row;
}

describe('RPPS extract header', () => {
  it('finds the columns by name; the trailing | adds no column', () => {
    const { index, fieldCount } = columnsOf(extractHeader());
    expect(fieldCount).toBe(EXTRACT_COLUMNS.length);
    expect(index.rpps).toBe(1);
    expect(index.lastName).toBe(7);
    expect(index.email).toBe(EXTRACT_COLUMNS.indexOf('Adresse e-mail (coord. structure)'));
  });

  it('reads « coord. structure » and « coord. Structure » editions alike', () => {
    expect(rowOf(EXTRACT_COLUMNS_CAPITALISED)).toEqual(rowOf(EXTRACT_COLUMNS));
    expect(rowOf(EXTRACT_COLUMNS_CAPITALISED)).toMatchObject({ postcode: '57000', insee: '57463', commune: 'METZ', phone: '0387123456' });
  });

  it('ignores case, accents, apostrophes and spaces in names, the order of columns and columns it does not know', () => {
    const shuffled = [...EXTRACT_COLUMNS].reverse().map((c) => (c === "Nom d'exercice" ? 'NOM D’EXERCICE' : c === 'Code postal (coord. structure)' ? 'Code  postal (Coord.Structure) ' : c));
    const columns = ['Nouvelle colonne 2025', ...shuffled, 'Date de mise à jour'];
    expect(rowOf(columns)).toEqual(rowOf(EXTRACT_COLUMNS));
    expect(columnKey('Libellé  Savoir-Faire')).toBe(columnKey('Libellé savoir-faire'));
  });

  it('reads a file where optional columns are missing, as empty fields', () => {
    const columns = EXTRACT_COLUMNS.filter((c) => !c.startsWith('Téléphone') && c !== 'Code civilité');
    expect(rowOf(columns)).toMatchObject({ phone: '', phone2: '', civility: '', lastName: 'BERTRAND' });
  });

  it('refuses a file without the columns an entry needs, naming them in French', () => {
    const result = parseHeader(extractHeader(EXTRACT_COLUMNS.filter((c) => c !== 'Identifiant PP' && !c.startsWith('Code postal'))));
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('colonnes « Identifiant PP », « Code postal (coord. structure) » introuvables') });
    expect(parseHeader('nom;prenom;rpps')).toMatchObject({ ok: false, reason: expect.stringContaining('extrait RPPS') });
  });

  it('recognises a ZIP archive and says to unzip it, and skips a byte-order mark', () => {
    expect(parseHeader('PK\u0003\u0004\u0014\u0000binary')).toMatchObject({ ok: false, reason: expect.stringContaining('décompressez') });
    expect(columnsOf('\uFEFF' + extractHeader()).index.identifierType).toBe(0);
  });
});

describe('RPPS extract lines', () => {
  const columns = columnsOf(extractHeader());

  it('reads the last column even though the line ends with |, and a CRLF line', () => {
    const fields = EXTRACT_COLUMNS.map((_, i) => `v${i}`);
    const line = fields.join('|') + '|\r';
    const result = parseLine(columns, line, 7);
    expect(result.ok && result.row.line).toBe(7);
    expect(result.ok && result.row.email).toBe(`v${EXTRACT_COLUMNS.indexOf('Adresse e-mail (coord. structure)')}`);
    // A line whose trailing | was lost still has every field.
    expect(parseLine(columns, fields.join('|'), 8).ok).toBe(true);
  });

  it('reports a line with the wrong number of fields with its line number', () => {
    const short = extractLine(sampleRow()).split('|').slice(0, 10).join('|') + '|';
    expect(parseLine(columns, short, 42)).toEqual({ ok: false, line: 42, reason: `ligne mal formée : 10 champs au lieu de ${EXTRACT_COLUMNS.length}` });
    expect(parseLine(columns, extractLine(sampleRow()) + 'extra|', 43)).toMatchObject({ ok: false, line: 43 });
  });

  it('trims the fields', () => {
    const result = parseLine(columns, extractLine(sampleRow({ lastName: '  BERTRAND ' })), 2);
    expect(result.ok && result.row.lastName).toBe('BERTRAND');
  });
});

describe('RPPS row checks', () => {
  const row = (fields = {}) => {
    const result = parseLine(columnsOf(extractHeader()), extractLine(sampleRow(fields)), 2);
    if (!result.ok) throw new Error(result.reason);
    return result.row;
  };

  it('accepts an 11-digit RPPS number', () => {
    expect(rowProblem(row())).toBeUndefined();
  });

  it('explains a bad RPPS number, an ADELI identifier, a missing name or profession', () => {
    expect(rowProblem(row({ rpps: '1234' }))).toBe('identifiant RPPS invalide (« 1234 ») : 11 chiffres attendus');
    expect(rowProblem(row({ rpps: '1010101010A' }))).toMatch(/identifiant RPPS invalide/);
    expect(rowProblem(row({ identifierType: '0', rpps: '571234567' }))).toMatch(/ADELI/);
    expect(rowProblem(row({ lastName: '' }))).toMatch(/nom/);
    expect(rowProblem(row({ professionCode: '' }))).toMatch(/profession/);
  });
});
