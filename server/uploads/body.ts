/** Reading a raw upload body with a byte limit, without ever holding more than the limit in memory. */
import type { Readable } from 'node:stream';

/**
 * Reads the stream to its end and resolves with its bytes, or with `undefined` as soon as it
 * exceeds `max` bytes (the stream is then paused, not destroyed: destroying a request's stream
 * destroys its socket, and the 413 could not be sent). With `keep` false, bytes are counted and
 * dropped: used to drain a refused body so the client reliably reads the refusal.
 */
export function readAtMost(stream: Readable, max: number, keep = true): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    if (stream.readableEnded) return resolve(Buffer.alloc(0));
    if (stream.destroyed) return reject(new Error('envoi interrompu par le client'));
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      stream.off('data', onData);
      stream.off('end', onEnd);
      stream.off('error', onError);
      stream.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        cleanup();
        stream.pause();
        resolve(undefined);
      } else if (keep) {
        chunks.push(chunk);
      }
    };
    const onEnd = () => {
      cleanup();
      resolve(keep ? Buffer.concat(chunks, size) : Buffer.alloc(0));
    };
    const onError = (err: Error) => {
      cleanup();
      reject(err);
    };
    const onClose = () => {
      cleanup();
      reject(new Error('envoi interrompu par le client'));
    };
    stream.on('data', onData);
    stream.on('end', onEnd);
    stream.on('error', onError);
    stream.on('close', onClose);
  });
}
