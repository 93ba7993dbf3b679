/** What the coordination decides on a request: a wider search, a closure with its outcome and reason, a note. */
import { createMemo, createSignal, For, Show } from 'solid-js';
import { allowedEvents } from '../domain/requests/lifecycle';
import type { RequestMessage } from '../domain/requests/message-schema';
import type { CareRequest } from '../domain/requests/schema';
import * as fr from '../i18n/fr';
import type { CaseContext } from './case-context';
import { ConfirmAction } from './ConfirmAction';
import type { Directory } from './queries';

const t = fr.supervision;
const CLOSINGS = ['resolve', 'close-unresolved', 'cancel'] as const;
type Closing = (typeof CLOSINGS)[number];

export function CaseActions(props: { request: CareRequest; messages: RequestMessage[]; directory: Directory; context: CaseContext }) {
  const closings = createMemo(() => CLOSINGS.filter((c) => allowedEvents(props.request.status, 'coordinator').includes(c)));
  const [closing, setClosing] = createSignal<Closing | ''>('');
  const [reason, setReason] = createSignal('');
  const [note, setNote] = createSignal('');
  const chosen = () => (closings().includes(closing() as Closing) ? (closing() as Closing) : closings()[0]);

  async function close(e: SubmitEvent) {
    e.preventDefault();
    const kind = chosen();
    if (kind && (await props.context.act({ kind, text: reason() }))) setReason('');
  }
  async function addNote(e: SubmitEvent) {
    e.preventDefault();
    if (await props.context.act({ kind: 'note', text: note() })) setNote('');
  }

  return (
    <section class="panel" data-testid="case-actions">
      <h2 class="panel__title">{t.actionsTitle}</h2>
      <Show when={closings().length > 0} fallback={<p class="muted">{t.closed}</p>}>
        <Show when={props.request.status === 'searching'}>
          <ConfirmAction label={t.redispatch} question={t.redispatchConfirm} testid="case-redispatch" onConfirm={() => props.context.act({ kind: 'redispatch', text: t.redispatchReason })} />
        </Show>
        <form class="stack" data-testid="close-form" onSubmit={(e) => void close(e)}>
          <div class="row">
            <label class="inline">
              {t.closeOutcome}
              <select class="field__input field__input--short" data-testid="close-outcome" onChange={(e) => setClosing(e.currentTarget.value as Closing)}>
                <For each={closings()}>{(c) => <option value={c} selected={c === chosen()}>{t.closeEvents[c]}</option>}</For>
              </select>
            </label>
          </div>
          <label class="field">
            <span class="field__label">{t.closeReason}</span>
            <textarea class="field__input" rows="2" maxlength="4000" data-testid="close-reason" value={reason()} onInput={(e) => setReason(e.currentTarget.value)} />
          </label>
          <button type="submit" class="button button--secondary" data-testid="close-submit">
            {t.close}
          </button>
        </form>
      </Show>
      <form class="stack" data-testid="note-form" onSubmit={(e) => void addNote(e)}>
        <label class="field">
          <span class="field__label">{t.noteText}</span>
          <textarea class="field__input" rows="2" maxlength="4000" data-testid="note-text" value={note()} onInput={(e) => setNote(e.currentTarget.value)} />
        </label>
        <button type="submit" class="button button--secondary" data-testid="note-save">
          {t.noteSave}
        </button>
      </form>
    </section>
  );
}
