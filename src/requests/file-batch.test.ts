/** Tests of a form's files: a send waits for the photos still being prepared. */
import { createRoot } from 'solid-js';
import { describe, expect, it } from 'vitest';
import type { LocalFile } from './commands';
import { createFileBatch } from './file-batch';

const photo = (id: string): LocalFile => ({ id, contentType: 'image/jpeg', name: `${id}.jpg`, size: 1000, blob: new Blob(['x'], { type: 'image/jpeg' }) });

/** A preparation the test finishes by hand. */
function preparation() {
  let finish = () => {};
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { done, finish };
}

describe('a form’s files', () => {
  it('hands the files to a send only once the photo being prepared is added', async () => {
    await createRoot(async (dispose) => {
      const batch = createFileBatch();
      const compressing = preparation();
      batch.track(compressing.done.then(() => batch.setFiles([photo('plaie')])));
      expect(batch.preparing()).toBe(1);
      let sent: LocalFile[] | null = null;
      const sending = batch.ready().then((files) => (sent = files));
      await Promise.resolve();
      expect(sent).toBeNull();
      compressing.finish();
      await sending;
      expect(sent!.map((f) => f.id)).toEqual(['plaie']);
      expect(batch.preparing()).toBe(0);
      dispose();
    });
  });

  it('waits for a photo chosen while it waited, and goes on after a failed preparation', async () => {
    await createRoot(async (dispose) => {
      const batch = createFileBatch();
      const first = preparation();
      batch.track(first.done.then(() => Promise.reject(new Error('image illisible'))));
      const sending = batch.ready();
      const second = preparation();
      batch.track(second.done.then(() => batch.setFiles([photo('apres')])));
      first.finish();
      second.finish();
      expect((await sending).map((f) => f.id)).toEqual(['apres']);
      dispose();
    });
  });

  it('sends at once when nothing is being prepared', async () => {
    await createRoot(async (dispose) => {
      const batch = createFileBatch();
      batch.setFiles([photo('a')]);
      expect((await batch.ready()).map((f) => f.id)).toEqual(['a']);
      dispose();
    });
  });
});
