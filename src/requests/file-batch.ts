/**
 * The files of a form, with those still being prepared (a photo is compressed on the device): a
 * send waits for them, so a photo chosen just before « Envoyer » goes with it instead of being dropped.
 */
import { createSignal, type Accessor } from 'solid-js';
import type { LocalFile } from './commands';

export interface FileBatch {
  files: Accessor<LocalFile[]>;
  setFiles(files: LocalFile[]): void;
  /** How many choices are still being prepared. */
  preparing: Accessor<number>;
  /** Follows a choice being prepared (FilePicker's `onPreparing`). */
  track(preparation: Promise<unknown>): void;
  /** The files once every choice made so far is prepared. */
  ready(): Promise<LocalFile[]>;
}

export function createFileBatch(): FileBatch {
  const [files, setFiles] = createSignal<LocalFile[]>([]);
  const [preparing, setPreparing] = createSignal(0);
  let pending: Promise<unknown>[] = [];
  return {
    files,
    setFiles,
    preparing,
    track(preparation) {
      pending.push(preparation);
      setPreparing((n) => n + 1);
      void preparation.finally(() => setPreparing((n) => n - 1)).catch(() => undefined);
    },
    async ready() {
      // A choice made while waiting is waited for too.
      while (pending.length) {
        const now = pending;
        pending = [];
        await Promise.allSettled(now);
      }
      return files();
    },
  };
}
