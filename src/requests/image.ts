/**
 * Photos are compressed on the device before they are queued: at most 1,600 px on the long side,
 * JPEG at 0.8 — a phone's 4,000 px photo shrinks from several megabytes to a few hundred kilobytes,
 * which matters on a mobile network in a patient's cellar.
 */
export const MAX_SIDE = 1600;
export const JPEG_QUALITY = 0.8;
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export const ACCEPTED_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type AcceptedType = (typeof ACCEPTED_TYPES)[number];

/** The size that fits in `max` × `max` keeping the proportions; never enlarged; whole pixels, at least 1. */
export function fitWithin(width: number, height: number, max = MAX_SIDE): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export function isAccepted(type: string): type is AcceptedType {
  return (ACCEPTED_TYPES as readonly string[]).includes(type);
}

/**
 * A photo as JPEG within `MAX_SIDE`; the original when it is already small and smaller than the
 * result (a screenshot in PNG, say), or when the browser cannot decode it but the server accepts it.
 */
export async function compressImage(file: Blob): Promise<Blob> {
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
  } catch {
    if (isAccepted(file.type)) return file;
    throw new Error('undecodable image');
  }
  const { width, height } = fitWithin(bitmap.width, bitmap.height);
  const unchangedSize = width === bitmap.width && height === bitmap.height;
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;
  // JPEG has no transparency: a white background rather than black behind a transparent PNG.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.drawImage(bitmap, 0, 0, width, height);
  bitmap.close();
  const jpeg = await canvas.convertToBlob({ type: 'image/jpeg', quality: JPEG_QUALITY });
  return unchangedSize && isAccepted(file.type) && file.size <= jpeg.size ? file : jpeg;
}
