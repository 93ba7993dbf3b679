/** The coordination's call log on a request: record a call (who, outcome, comment), see the calls, assign to someone who agreed. */
import { createEffect, createSignal, For, on, Show } from 'solid-js';
import { allowedEvents } from '../domain/requests/lifecycle';
import { CALL_OUTCOMES, type RequestMessage } from '../domain/requests/message-schema';
import type { CareRequest } from '../domain/requests/schema';
import * as fr from '../i18n/fr';
import { dateTimeLabel } from '../requests/timing';
import type { CaseContext } from './case-context';
import { ConfirmAction } from './ConfirmAction';
import type { CallOutcome } from './coordination';
import { agreedBy, callsOf } from './history';
import { MemberPicker } from './MemberPicker';
import type { Directory } from './queries';
import './supervision.css';

const t = fr.supervision;

export function CallLog(props: { request: CareRequest; messages: RequestMessage[]; directory: Directory; context: CaseContext }) {
  const [outcome, setOutcome] = createSignal<CallOutcome>('agreed');
  const [comment, setComment] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  let form!: HTMLFormElement;
  const calls = () => callsOf(props.messages);
  const canAssign = () => allowedEvents(props.request.status, 'coordinator').includes('accept');
  // « Noter un appel » on a candidate brings the form into view with that person chosen.
  createEffect(on(props.context.callSubject, (id) => id && form.scrollIntoView({ block: 'nearest' }), { defer: true }));

  async function save(e: SubmitEvent) {
    e.preventDefault();
    setBusy(true);
    const ok = await props.context.act({ kind: 'call', subjectId: props.context.callSubject(), outcome: outcome(), text: comment() });
    setBusy(false);
    if (!ok) return;
    props.context.setCallSubject('');
    setComment('');
  }

  return (
    <section class="panel" data-testid="call-log">
      <h2 class="panel__title">{t.callTitle}</h2>
      <form ref={form} class="stack" data-testid="call-form" onSubmit={(e) => void save(e)}>
        <MemberPicker id="call-who" label={t.callWho} value={props.context.callSubject()} members={props.directory.items()} onChange={props.context.setCallSubject} />
        <div class="field" role="radiogroup" aria-labelledby="call-outcome-label">
          <span class="field__label" id="call-outcome-label">{t.callOutcome}</span>
          <div class="row">
            <For each={CALL_OUTCOMES}>
              {(o) => (
                <label class="choice">
                  <input type="radio" name="call-outcome" value={o} data-testid={`call-outcome-${o}`} checked={outcome() === o} onChange={() => setOutcome(o)} />
                  {t.outcomes[o]}
                </label>
              )}
            </For>
          </div>
        </div>
        <label class="field">
          <span class="field__label">{t.callComment}</span>
          <textarea class="field__input" rows="2" maxlength="4000" data-testid="call-comment" value={comment()} onInput={(e) => setComment(e.currentTarget.value)} />
        </label>
        <button type="submit" class="button button--primary-inline" data-testid="call-save" disabled={busy()}>
          {t.callSave}
        </button>
      </form>
      <Show when={canAssign() && agreedBy(props.messages).length > 0}>
        <div class="row" data-testid="assign-agreed">
          <For each={agreedBy(props.messages)}>
            {(id) => (
              <ConfirmAction
                class="button button--primary-inline"
                label={t.assignTo(props.directory.nameOf(id))}
                question={t.assignConfirm(props.directory.nameOf(id))}
                testid="assign-agreed-button"
                onConfirm={() => props.context.act({ kind: 'accept', onBehalfOf: id })}
              />
            )}
          </For>
        </div>
      </Show>
      <Show when={calls().length > 0} fallback={<p class="muted">{t.callNone}</p>}>
        <ul class="timeline">
          <For each={calls()}>
            {(c) => (
              <li class="timeline__item" data-testid="call-entry" data-outcome={c.outcome}>
                <span class="timeline__when">{dateTimeLabel(c.createdAt)}</span>
                <span>
                  <strong>{t.called(props.directory.nameOf(c.subjectId ?? ''))}</strong> · {t.outcomes[c.outcome ?? ''] ?? c.outcome} — {props.directory.nameOf(c.authorId)}
                </span>
                <Show when={c.text}>{(text) => <span class="timeline__text">{text()}</span>}</Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
