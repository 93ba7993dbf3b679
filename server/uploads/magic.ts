/** The file types a case accepts, and the check that a file's first bytes are what its declared type says. */

export const UPLOAD_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type UploadType = (typeof UPLOAD_TYPES)[number];

const ascii = (text: string) => Buffer.from(text, 'latin1');

/** Each type's signatures as [offset, bytes]; all must match. */
const SIGNATURES: Record<UploadType, Array<[number, Buffer]>> = {
  'image/jpeg': [[0, Buffer.from([0xff, 0xd8, 0xff])]],
  'image/png': [[0, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])]],
  'image/webp': [
    [0, ascii('RIFF')],
    [8, ascii('WEBP')],
  ],
  'application/pdf': [[0, ascii('%PDF-')]],
};

export function isUploadType(type: string): type is UploadType {
  return (UPLOAD_TYPES as readonly string[]).includes(type);
}

/** The media type of a `content-type` header, lower-cased, without parameters. */
export function mediaType(header: string | undefined): string {
  return (header ?? '').split(';')[0].trim().toLowerCase();
}

/**
 * Whether the content starts like its declared type. The browser serves the file back with this
 * type and `nosniff`, so an HTML page or a script declared as an image is refused here.
 */
export function matchesType(type: UploadType, content: Buffer): boolean {
  return SIGNATURES[type].every(([offset, bytes]) => content.subarray(offset, offset + bytes.length).equals(bytes));
}
