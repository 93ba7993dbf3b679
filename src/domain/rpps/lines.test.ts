import { describe, expect, it } from 'vitest';
import type { TerritoryCommune } from '../territory/communes';
import { extractHeader, extractLine, sampleRow, type ExtractFields } from './fixtures';
import { createLineReader, type LineOutcome } from './lines';

/** A few communes of the territory, as in communes.json, with the merged communes its territory.json names. */
const COMMUNES: TerritoryCommune[] = [
  { insee: '57463', name: 'Metz', postcodes: ['57000', '57050', '57070'], centroid: [6.19, 49.11] },
  { insee: '57021', name: 'Ancy-Dornot', postcodes: ['57130'], centroid: [6.05, 49.06], former: [{ name: 'Ancy-sur-Moselle' }, { insee: '57184', name: 'Dornot' }] },
  { insee: '57578', name: 'Rezonville-Vionville', postcodes: ['57130'], centroid: [5.97, 49.1], former: [{ name: 'Rezonville' }, { insee: '57722', name: 'Vionville' }] },
  { insee: '57708', name: 'Verny', postcodes: ['57420'], centroid: [6.2, 49.0] },
  { insee: '57146', name: 'Coin-lès-Cuvry', postcodes: ['57420'], centroid: [6.15, 49.03] },
  { insee: '57616', name: 'Saint-Julien-lès-Metz', postcodes: ['57070'], centroid: [6.2, 49.13] },
];
const NOW = new Date('2026-11-23T08:00:00.000Z');

function readAll(rows: Array<ExtractFields | string>): LineOutcome[] {
  const header = createLineReader(extractHeader(), COMMUNES, NOW);
  if (!header.ok) throw new Error(header.reason);
  // Line 1 is the header.
  return rows.map((r, i) => header.reader.read(typeof r === 'string' ? r : extractLine(r), i + 2));
}

const communeOf = (o: LineOutcome) => (o.kind === 'entry' ? o.member.address.communeInsee : o.kind);

describe('reading the extract line by line', () => {
  it('keeps the rows of the territory and leaves the others out', () => {
    const [metz, lyon] = readAll([sampleRow(), sampleRow({ rpps: '10202020202', insee: '69123', postcode: '69001', commune: 'LYON' })]);
    expect(metz).toMatchObject({ kind: 'entry', line: 2, member: { id: 'm-10101010101', status: 'invited', address: { commune: 'Metz' } } });
    expect(lyon).toEqual({ kind: 'outside' });
  });

  it('without an INSEE code, locates the row by postcode and, where communes share it, by name', () => {
    const rows = [
      sampleRow({ rpps: '10000000001', insee: '', postcode: '57420', commune: 'VERNY' }),
      sampleRow({ rpps: '10000000002', insee: '', postcode: '57420', commune: 'COIN LES CUVRY' }),
      sampleRow({ rpps: '10000000003', insee: '', postcode: '57070', commune: 'ST JULIEN LES METZ' }),
      sampleRow({ rpps: '10000000004', insee: '', postcode: '57000', commune: 'METZ CEDEX 1' }),
      // 57420 is also the postcode of communes outside the territory.
      sampleRow({ rpps: '10000000005', insee: '', postcode: '57420', commune: 'FLEURY' }),
      sampleRow({ rpps: '10000000006', insee: '', postcode: '', commune: 'METZ' }),
    ];
    expect(readAll(rows).map(communeOf)).toEqual(['57708', '57146', '57616', '57463', 'outside', 'outside']);
  });

  it('maps the old INSEE codes and names of merged communes to the current commune', () => {
    const rows = [
      sampleRow({ rpps: '10000000001', insee: '57184', postcode: '57130', commune: 'DORNOT' }),
      sampleRow({ rpps: '10000000002', insee: '57722', postcode: '57130', commune: 'VIONVILLE' }),
      sampleRow({ rpps: '10000000003', insee: '', postcode: '57130', commune: 'DORNOT' }),
      sampleRow({ rpps: '10000000004', insee: '', postcode: '57130', commune: 'REZONVILLE' }),
    ];
    const outcomes = readAll(rows);
    expect(outcomes.map(communeOf)).toEqual(['57021', '57578', '57021', '57578']);
    expect(outcomes[0]).toMatchObject({ member: { address: { commune: 'Ancy-Dornot', postcode: '57130' }, location: { lon: 6.05, lat: 49.06, approximate: true } } });
  });

  it('reports a malformed line with its number and goes on with the next', () => {
    const good = extractLine(sampleRow());
    const outcomes = readAll([good.split('|').slice(0, 20).join('|') + '|', sampleRow({ rpps: '10A' }), sampleRow({ rpps: '10303030303' })]);
    expect(outcomes[0]).toEqual({ kind: 'rejected', line: 2, reason: expect.stringContaining('ligne mal formée'), kept: false });
    expect(outcomes[1]).toEqual({ kind: 'rejected', line: 3, reason: expect.stringContaining('identifiant RPPS invalide'), kept: true });
    expect(outcomes[2]).toMatchObject({ kind: 'entry', line: 4 });
  });

  it('does not examine rows outside the territory, however bad', () => {
    expect(readAll([sampleRow({ rpps: 'x', insee: '75056', postcode: '75001', commune: 'PARIS' })])).toEqual([{ kind: 'outside' }]);
  });

  it('keeps the first activity of the territory of an RPPS and counts the next ones as duplicates', () => {
    const outcomes = readAll([
      sampleRow({ insee: '69123', postcode: '69001', commune: 'LYON' }),
      sampleRow({ insee: '57708', postcode: '57420', commune: 'VERNY' }),
      sampleRow(),
    ]);
    expect(outcomes.map((o) => o.kind)).toEqual(['outside', 'entry', 'duplicate']);
    expect(communeOf(outcomes[1])).toBe('57708');
  });

  it('rejects a profession the directory does not know, with its label', () => {
    const [psy] = readAll([sampleRow({ professionCode: '93', professionLabel: 'Psychologue' })]);
    expect(psy).toMatchObject({ kind: 'rejected', reason: 'profession non prise en charge : code 93 (Psychologue)', kept: true });
  });

  it('refuses a header that is not the extract', () => {
    expect(createLineReader('a;b;c', COMMUNES, NOW)).toMatchObject({ ok: false });
  });
});
