/** The Cache Storage of opened attachments, shared by the service worker (which fills it) and the page (which empties it at logout). */

export const UPLOAD_CACHE = 'uploads-v1';
export const UPLOAD_PATH = '/api/uploads/';

export const uploadUrl = (id: string): string => `${UPLOAD_PATH}${encodeURIComponent(id)}`;

/** A GET of an attachment on this origin. */
export function isUploadRequest(url: URL, origin: string): boolean {
  return url.origin === origin && url.pathname.startsWith(UPLOAD_PATH) && url.pathname.length > UPLOAD_PATH.length;
}
