/**
 * Adds photos (the camera on a phone) and PDFs to a request or a message: photos are compressed on
 * the device; the files stay in memory until the form is saved, then go to the upload outbox.
 */
import { createSignal, For, onCleanup, Show } from 'solid-js';
import * as fr from '../i18n/fr';
import type { LocalFile } from './commands';
import { newUploadId } from './ids';
import { compressImage, isAccepted, MAX_UPLOAD_BYTES } from './image';
import './requests.css';

const t = fr.requests.form;
const MAX_FILES = 10;

/** A chosen file, ready to queue, or the reason it cannot be. */
export async function prepareFile(file: File): Promise<LocalFile | string> {
  const isPdf = file.type === 'application/pdf';
  if (!isPdf && !file.type.startsWith('image/')) return t.fileRefused(file.name);
  let blob: Blob = file;
  if (!isPdf) blob = await compressImage(file).catch(() => file);
  if (!isAccepted(blob.type)) return t.fileRefused(file.name);
  if (blob.size > MAX_UPLOAD_BYTES) return t.fileTooBig(file.name);
  return { id: newUploadId(), contentType: blob.type, name: file.name, size: blob.size, blob };
}

/** `onPreparing`: each choice being prepared, so a send can wait for it (file-batch.ts). */
export function FilePicker(props: { files: LocalFile[]; onChange(files: LocalFile[]): void; onPreparing?(preparation: Promise<void>): void; id: string; label: string }) {
  const [busy, setBusy] = createSignal(false);
  const [message, setMessage] = createSignal('');

  function add(list: FileList | null, input: HTMLInputElement): Promise<void> {
    if (!list?.length) return Promise.resolve();
    const preparation = prepare(Array.from(list), input);
    props.onPreparing?.(preparation);
    return preparation;
  }

  async function prepare(list: File[], input: HTMLInputElement) {
    setBusy(true);
    setMessage('');
    const added: LocalFile[] = [];
    for (const file of list) {
      if (props.files.length + added.length >= MAX_FILES) {
        setMessage(t.tooManyFiles);
        break;
      }
      const prepared = await prepareFile(file);
      if (typeof prepared === 'string') setMessage(prepared);
      else added.push(prepared);
    }
    input.value = '';
    setBusy(false);
    props.onChange([...props.files, ...added]);
  }

  return (
    <fieldset class="panel" data-testid={props.id}>
      <legend>{props.label}</legend>
      <div class="row">
        <label class="button button--secondary file-button">
          {t.takePhoto}
          <input type="file" accept="image/*" capture="environment" class="visually-hidden" data-testid={`${props.id}-camera`} onChange={(e) => void add(e.currentTarget.files, e.currentTarget)} />
        </label>
        <label class="button button--secondary file-button">
          {t.addFile}
          <input type="file" accept="image/*,application/pdf" multiple class="visually-hidden" data-testid={`${props.id}-input`} onChange={(e) => void add(e.currentTarget.files, e.currentTarget)} />
        </label>
      </div>
      <Show when={busy()}>
        <p class="muted" role="status">{t.compressing}</p>
      </Show>
      <Show when={message()}>
        <p class="field__error" role="alert">{message()}</p>
      </Show>
      <Show when={props.files.length > 0}>
        <ul class="thumbs">
          <For each={props.files}>{(file) => <Thumb file={file} onRemove={() => props.onChange(props.files.filter((f) => f.id !== file.id))} />}</For>
        </ul>
      </Show>
    </fieldset>
  );
}

function Thumb(props: { file: LocalFile; onRemove(): void }) {
  const url = URL.createObjectURL(props.file.blob);
  onCleanup(() => URL.revokeObjectURL(url));
  const kb = Math.max(1, Math.round(props.file.size / 1024));
  return (
    <li class="thumb" data-testid="file-thumb">
      <Show when={props.file.contentType.startsWith('image/')} fallback={<span class="thumb__pdf">PDF</span>}>
        <img src={url} alt={props.file.name} />
      </Show>
      <span class="thumb__name">
        {props.file.name} ({kb} Ko)
      </span>
      <button type="button" class="button button--small button--ghost-dark" onClick={() => props.onRemove()}>
        {t.removeFile}
      </button>
    </li>
  );
}
