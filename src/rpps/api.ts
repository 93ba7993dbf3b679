/** Calls to the RPPS import API: the upload (XHR, for its progress events) and the import's status. */
import { apiUrl } from '../config';
import { fetchOrOffline, HttpError, readErrorMessage } from '../data/http';
import type { ImportStatus } from '../domain/rpps/report';
import type { ErrorBody } from '../domain/validation';
import * as fr from '../i18n/fr';

/**
 * Sends the file as the request body, which the server imports as it arrives; resolves with the
 * finished import. `fetch` has no upload progress, hence XHR.
 */
export function uploadExtract(file: File, onProgress: (sent: number, total: number) => void): Promise<ImportStatus> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl('/rpps/import'));
    xhr.setRequestHeader('content-type', 'text/plain; charset=utf-8');
    xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onload = () => {
      let body: Partial<ErrorBody> & Partial<ImportStatus> = {};
      try {
        body = JSON.parse(xhr.responseText) as typeof body;
      } catch {
        // A proxy's page: the status says enough.
      }
      if (xhr.status >= 200 && xhr.status < 300 && body.state) resolve(body as ImportStatus);
      else reject(new HttpError(xhr.status, body.error ?? fr.rpps.failed(xhr.status)));
    };
    xhr.onerror = () => reject(new HttpError(0, fr.rpps.network));
    xhr.send(file);
  });
}

export async function importStatus(): Promise<ImportStatus> {
  const res = await fetchOrOffline(apiUrl('/rpps/import/status'));
  if (!res.ok) throw new HttpError(res.status, await readErrorMessage(res, fr.rpps.failed(res.status)));
  return (await res.json()) as ImportStatus;
}

/** The file's first line, to check it is an extract before sending hundreds of megabytes. */
export async function firstLine(file: File): Promise<string> {
  const head = await file.slice(0, 64 * 1024).text();
  return head.split('\n', 1)[0];
}
