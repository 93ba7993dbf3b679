/**
 * A photo or a PDF of a request: from the device's outbox while it is not on the server (with its
 * upload state), then from `/api/uploads/` (participants only; cached by the service worker once opened).
 */
import { createEffect, createMemo, createResource, createSignal, Match, on, onCleanup, Show, Switch } from 'solid-js';
import * as fr from '../i18n/fr';
import { uploadBlob } from './device-store';
import { outboxItems, uploadProgress } from './uploader';
import { uploadUrl } from './upload-cache';
import './requests.css';

const t = fr.requests.attachment;

export function AttachmentView(props: { id: string; contentType: string; allowed: boolean }) {
  const queued = () => outboxItems().find((i) => i.id === props.id);
  // Re-read when the item leaves the outbox: the file is then served (and cached) under its URL.
  const [local] = createResource(() => (queued() ? props.id : false), (id) => uploadBlob(id).catch(() => undefined));
  const [broken, setBroken] = createSignal(false);
  const objectUrl = createMemo(() => {
    const blob = local();
    if (!blob) return undefined;
    const url = URL.createObjectURL(blob);
    onCleanup(() => URL.revokeObjectURL(url));
    return url;
  });
  // While queued, only the local copy (the server does not have it yet); then the server's, cached.
  const src = () => (queued() ? objectUrl() : props.allowed ? uploadUrl(props.id) : undefined);
  createEffect(on(src, () => setBroken(false)));
  const isImage = () => props.contentType.startsWith('image/');
  const state = () => {
    const item = queued();
    if (!item) return null;
    const p = uploadProgress(item.id);
    if (item.state === 'uploading') return t.uploading(Math.round((p ?? 0) * 100));
    if (item.state === 'refused') return t.refused(item.lastStatus ?? 0);
    if (item.state === 'retry') return t.retry;
    return t.queued;
  };

  return (
    <figure class="attachment" data-testid="attachment" data-upload-id={props.id} data-uploaded={queued() ? 'false' : 'true'}>
      <Switch fallback={<p class="attachment__hidden muted">{fr.requests.card.photosHidden}</p>}>
        <Match when={src() && broken()}>
          <p class="attachment__hidden muted">{t.unavailable}</p>
        </Match>
        <Match when={src() && isImage()}>
          <a href={src()} target="_blank" rel="noopener">
            <img class="attachment__image" src={src()} alt={t.photo} loading="lazy" onError={() => setBroken(true)} />
          </a>
        </Match>
        <Match when={src()}>
          <a class="action action--secondary" href={src()} target="_blank" rel="noopener">
            {t.pdf} — {t.open}
          </a>
        </Match>
      </Switch>
      <Show when={state()}>
        {(s) => (
          <figcaption class="pill pill--pending" data-testid="attachment-state">
            {s()}
          </figcaption>
        )}
      </Show>
    </figure>
  );
}
