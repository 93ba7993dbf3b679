import { describe, expect, it } from 'vitest';
import { isUploadType, matchesType, mediaType } from './magic';

const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46]);
const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]);
const webp = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x24, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);
const pdf = Buffer.from('%PDF-1.7\n%âãÏÓ\n', 'latin1');

describe('upload types', () => {
  it('recognises each accepted type by its first bytes', () => {
    expect(matchesType('image/jpeg', jpeg)).toBe(true);
    expect(matchesType('image/png', png)).toBe(true);
    expect(matchesType('image/webp', webp)).toBe(true);
    expect(matchesType('application/pdf', pdf)).toBe(true);
  });

  it('refuses content that is not what its type says', () => {
    expect(matchesType('image/jpeg', png)).toBe(false);
    expect(matchesType('image/png', jpeg)).toBe(false);
    expect(matchesType('image/webp', Buffer.concat([Buffer.from('RIFF'), Buffer.from([0, 0, 0, 0]), Buffer.from('WAVE')]))).toBe(false);
    expect(matchesType('application/pdf', Buffer.from('<html><script>alert(1)</script>'))).toBe(false);
    expect(matchesType('image/jpeg', Buffer.from([0xff, 0xd8]))).toBe(false);
    expect(matchesType('application/pdf', Buffer.alloc(0))).toBe(false);
  });

  it('reads the media type of a content-type header', () => {
    expect(mediaType('Image/JPEG; charset=binary')).toBe('image/jpeg');
    expect(mediaType(undefined)).toBe('');
    expect(isUploadType('image/webp')).toBe(true);
    expect(isUploadType('image/svg+xml')).toBe(false);
    expect(isUploadType('text/html')).toBe(false);
  });
});
