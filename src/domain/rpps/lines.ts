/**
 * Each line of the extract through every check, in the order that keeps a national file cheap: a
 * line is split, located, and only a row of the territory is examined and turned into an entry.
 */
import type { Member } from '../members/schema';
import { createCommuneFinder, type TerritoryCommune } from '../territory/communes';
import { entryFromRow } from './entry';
import { parseHeader, parseLine, rowProblem } from './parse';

export type LineOutcome =
  | { kind: 'entry'; line: number; member: Member }
  /** A well-formed row whose practice is outside the territory. */
  | { kind: 'outside' }
  /** Another activity of an RPPS already imported from this file: the first row of the territory wins. */
  | { kind: 'duplicate'; line: number }
  /** `kept`: the row was of the territory (a malformed line cannot be located). */
  | { kind: 'rejected'; line: number; reason: string; kept: boolean };

export interface LineReader {
  read(text: string, line: number): LineOutcome;
}

/**
 * A reader for the lines that follow `header`, or why the file is not an extract. It remembers the
 * RPPS numbers already turned into entries: as many as the territory has professionals, whatever
 * the file's size. Later activities of one person are not merged into the first: the directory
 * shows one practice address, and merging phone numbers of different practices would mislead.
 */
export function createLineReader(
  header: string,
  communes: readonly TerritoryCommune[],
  now: Date,
): { ok: true; reader: LineReader } | { ok: false; reason: string } {
  const parsed = parseHeader(header);
  if (!parsed.ok) return parsed;
  const { columns } = parsed;
  const finder = createCommuneFinder(communes);
  const imported = new Set<string>();
  return {
    ok: true,
    reader: {
      read(text, line) {
        const result = parseLine(columns, text, line);
        if (!result.ok) return { kind: 'rejected', line, reason: result.reason, kept: false };
        const { row } = result;
        const commune = finder.find({ insee: row.insee, postcode: row.postcode, commune: row.commune });
        if (!commune) return { kind: 'outside' };
        const problem = rowProblem(row);
        if (problem) return { kind: 'rejected', line, reason: problem, kept: true };
        if (imported.has(row.rpps)) return { kind: 'duplicate', line };
        const entry = entryFromRow(row, commune, now);
        if (!entry.ok) return { kind: 'rejected', line, reason: entry.reason, kept: true };
        imported.add(row.rpps);
        return { kind: 'entry', line, member: entry.member };
      },
    },
  };
}
