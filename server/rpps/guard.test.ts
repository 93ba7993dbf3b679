import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { describe, expect, it } from 'vitest';
import { extractHeader, extractLine, sampleRow } from '../../src/domain/rpps/fixtures';
import type { Db } from '../storage/couch';
import { RppsFileError, streamGuard } from './guard';
import { importRpps } from './import';

const through = (chunks: string[], limits: Parameters<typeof streamGuard>[0]) => text(Readable.from(chunks.map((c) => Buffer.from(c))).pipe(streamGuard(limits)));

describe('limits on an incoming extract', () => {
  it('passes a file within the limits through unchanged', async () => {
    expect(await through(['a|b|\n', 'c|d|\n'], { maxBytes: 100, maxLineBytes: 10 })).toBe('a|b|\nc|d|\n');
  });

  it('stops a file larger than the limit', async () => {
    await expect(through(['0123456789\n', '0123456789\n'], { maxBytes: 15 })).rejects.toMatchObject({ tooLarge: true, message: expect.stringContaining('taille maximale') });
  });

  it('stops a line longer than the limit, even across chunks', async () => {
    const error = await through(['abc', 'def', 'ghi\n'], { maxLineBytes: 8 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RppsFileError);
    expect(error).toMatchObject({ tooLarge: false, message: expect.stringContaining('pas un extrait RPPS') });
  });
});

describe('an import that fails on the file itself', () => {
  // Nothing reaches the database: the file is refused before any row of the territory.
  const db = {} as Db;
  const run = (content: string, maxBytes?: number) => importRpps({ input: Readable.from([content]), db, communes: [], maxBytes });

  it('refuses an empty file, a file that is not the extract, one over the size limit', async () => {
    await expect(run('')).rejects.toThrow('Le fichier est vide.');
    await expect(run('nom;prénom\n')).rejects.toBeInstanceOf(RppsFileError);
    await expect(run(extractHeader() + '\n' + extractLine(sampleRow()) + '\n', 200)).rejects.toMatchObject({ tooLarge: true });
  });

  it('counts lines outside the territory without touching the database', async () => {
    const report = await run(extractHeader() + '\n' + extractLine(sampleRow()) + '\n\n');
    expect(report).toEqual({ counts: expect.objectContaining({ read: 1, kept: 0, rejected: 0 }), rejections: [] });
  });
});
