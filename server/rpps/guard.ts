/** Limits on an incoming extract, so a wrong or hostile file cannot fill the server's memory or disk. */
import { Transform } from 'node:stream';

/** A data line of the extract is about 500 bytes; far beyond, it is not a text file of lines. */
export const MAX_LINE_BYTES = 64 * 1024;
/** The national extract is about 1 GB. */
export const MAX_FILE_BYTES = 2 * 1024 ** 3;

/** The file is not an extract that can be imported (nothing after the failing point is); `tooLarge` for a size limit. */
export class RppsFileError extends Error {
  constructor(
    message: string,
    readonly tooLarge = false,
  ) {
    super(message);
  }
}

/**
 * Passes the bytes through, failing once the total exceeds `maxBytes` or a line exceeds
 * `maxLineBytes` (readline would otherwise buffer a file with no line breaks whole).
 */
export function streamGuard({ maxBytes = MAX_FILE_BYTES, maxLineBytes = MAX_LINE_BYTES } = {}): Transform {
  let total = 0;
  let sinceNewline = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      total += chunk.length;
      if (total > maxBytes) return done(new RppsFileError(`Le fichier dépasse la taille maximale (${Math.round(maxBytes / 1024 ** 2)} Mo).`, true));
      let start = 0;
      for (let nl = chunk.indexOf(10); ; nl = chunk.indexOf(10, start)) {
        sinceNewline += (nl < 0 ? chunk.length : nl) - start;
        if (sinceNewline > maxLineBytes) {
          return done(new RppsFileError(`Une ligne dépasse ${Math.round(maxLineBytes / 1024)} Ko : ce n’est pas un extrait RPPS (fichier texte, une personne-activité par ligne).`));
        }
        if (nl < 0) break;
        sinceNewline = 0;
        start = nl + 1;
      }
      done(null, chunk);
    },
  });
}
