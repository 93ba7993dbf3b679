/** The case's thread for its participants: answers, actions, messages, results, photos and PDFs, each with author and time; written offline too. */
import { createSignal, For, Show } from 'solid-js';
import { isPending } from '../data/replication';
import type { SessionUser } from '../domain/session/user';
import * as fr from '../i18n/fr';
import { keyState } from '../protection/device-key';
import { AttachmentView } from './AttachmentView';
import { writeMessage } from './commands';
import { createFileBatch } from './file-batch';
import { FilePicker } from './FilePicker';
import type { MessageEntry, RequestEntry } from './queries';
import { sealedCount, unreadableSealed } from './sealed-messages';
import { dateTimeLabel } from './timing';
import './requests.css';

const t = fr.requests.thread;

export function Thread(props: { request: RequestEntry; messages: MessageEntry[]; user: SessionUser; canWrite: boolean; nameOf(id: string): string }) {
  const author = (id: string) => (id === props.user.memberId ? t.you : props.nameOf(id));
  // The server decided by arrival: an acceptance from anyone but the assignee came too late.
  const kindOf = (m: MessageEntry) => (m.kind === 'accept' && props.request.assigneeId && m.authorId !== props.request.assigneeId ? t.kinds.acceptLate : t.kinds[m.kind]);
  return (
    <section class="panel thread" data-testid="thread">
      <h2 class="panel__title">{t.title}</h2>
      <Show when={props.messages.length > 0} fallback={<p class="muted">{keyState().kind === 'locked' ? fr.protection.lockedCase : t.none}</p>}>
        <ol class="thread__list">
          <For each={props.messages}>
            {(m) => (
              <li class="thread__item" classList={{ 'thread__item--mine': m.authorId === props.user.memberId }} data-testid="thread-message" data-kind={m.kind}>
                <p class="thread__meta">
                  <strong>{author(m.authorId)}</strong> · {dateTimeLabel(m.createdAt)}
                  <Show when={m.kind !== 'message'}> · {kindOf(m)}</Show>
                  <Show when={isPending('messages', m.id)}>
                    {' '}
                    <span class="pill pill--pending">{fr.requests.pendingSend}</span>
                  </Show>
                </p>
                <Show when={m.text}>
                  <p class="thread__text">{m.text}</p>
                </Show>
                <Show when={m.attachments?.length}>
                  <div class="thumbs">
                    <For each={m.attachments}>{(a) => <AttachmentView id={a.id} contentType={a.contentType} allowed />}</For>
                  </div>
                </Show>
              </li>
            )}
          </For>
        </ol>
      </Show>
      <Show when={sealedCount(props.request.id) > 0}>
        <p class="notice" role="status" data-testid="thread-sealed">
          {t.sealed(sealedCount(props.request.id))}
        </p>
      </Show>
      <Show when={unreadableSealed() > 0}>
        <p class="notice notice--error" role="alert" data-testid="thread-sealed-unreadable">
          {t.sealedUnreadable(unreadableSealed())}
        </p>
      </Show>
      <Show when={props.canWrite}>
        <Compose request={props.request} user={props.user} />
      </Show>
    </section>
  );
}

function Compose(props: { request: RequestEntry; user: SessionUser }) {
  const [text, setText] = createSignal('');
  const [asResult, setAsResult] = createSignal(false);
  const batch = createFileBatch();
  const [sending, setSending] = createSignal(false);
  const [error, setError] = createSignal('');

  async function send(e: SubmitEvent) {
    e.preventDefault();
    setSending(true);
    // A photo still being compressed is part of the message: wait for it.
    const files = await batch.ready().finally(() => setSending(false));
    const written = await writeMessage(props.user, props.request, { kind: asResult() ? 'result' : 'message', text: text(), files });
    if (!written.ok) return setError(written.message);
    setError('');
    setText('');
    batch.setFiles([]);
    setAsResult(false);
  }

  return (
    <form class="stack thread__compose" onSubmit={(e) => void send(e)}>
      <label class="field">
        <span class="field__label">{t.write}</span>
        <textarea class="field__input" rows="3" maxlength="4000" data-testid="thread-text" value={text()} onInput={(e) => setText(e.currentTarget.value)} />
      </label>
      <label class="check">
        <input type="checkbox" checked={asResult()} onChange={(e) => setAsResult(e.currentTarget.checked)} />
        {t.asResult}
      </label>
      <FilePicker id="thread-files" label={fr.requests.form.photos} files={batch.files()} onChange={batch.setFiles} onPreparing={batch.track} />
      <Show when={error()}>
        <p class="field__error" role="alert">{error()}</p>
      </Show>
      <button type="submit" class="button button--primary-inline" data-testid="thread-send" disabled={sending()}>
        {sending() ? fr.requests.form.compressing : t.send}
      </button>
    </form>
  );
}
