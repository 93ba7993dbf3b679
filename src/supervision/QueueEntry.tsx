/** One request of the supervision queue: why it is there, how old, how much time is left, who was alerted and who answered what. */
import { A } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { QUEUE_REASON_LABELS, type QueueItem } from '../domain/supervision/queue';
import * as fr from '../i18n/fr';
import { kindLabel, statusLabel, targetLabel, urgencyLabel } from '../requests/labels';
import { answersOf, duration, timeLeftLabel } from './queue';
import './supervision.css';

const t = fr.supervision;
const NAMES_SHOWN = 6;

export function QueueEntry(props: { item: QueueItem; nameOf(id: string): string }) {
  const r = () => props.item.request;
  const alerted = () => r().dispatch?.alerted ?? [];
  const answers = () => answersOf(r());
  return (
    <li class="card queue-item" data-testid="queue-item" data-request-id={r().id} classList={{ 'queue-item--late': props.item.timeLeftMs < 0 }}>
      <div class="card__head">
        <A href={`/coordination/demandes/${r().id}`} class="card__name" data-testid="queue-open">
          {kindLabel(r().type)}
        </A>
        <span class={`badge badge--status badge--${r().status}`}>{statusLabel(r().status)}</span>
      </div>
      <ul class="queue-item__reasons">
        <For each={props.item.reasons}>{(reason) => <li class="pill pill--reason" data-reason={reason}>{QUEUE_REASON_LABELS[reason]}</li>}</For>
      </ul>
      <p class="card__profession">
        {targetLabel(r().target)} · {r().place.commune} · {urgencyLabel(r().urgency)}
      </p>
      <p class="queue-item__times">
        <span>{t.age(duration(props.item.ageMs))}</span> · <strong data-testid="queue-time-left">{timeLeftLabel(props.item.timeLeftMs)}</strong>
      </p>
      <Show when={r().assigneeId}>{(id) => <p class="muted">{t.assigned(props.nameOf(id()))}</p>}</Show>
      <p class="card__address" data-testid="queue-alerted">
        <Show when={alerted().length > 0} fallback={t.nobodyAlerted}>
          {t.alerted(alerted().length)} : {alerted().slice(0, NAMES_SHOWN).map(props.nameOf).join(', ')}
          {alerted().length > NAMES_SHOWN ? '…' : ''}
        </Show>
      </p>
      <p class="card__address" data-testid="queue-answers">
        <Show when={answers().length > 0} fallback={t.noAnswer}>
          {answers()
            .map((a) => t.answer(props.nameOf(a.memberId), t.events[a.event] ?? a.event))
            .join(' · ')}
        </Show>
      </p>
    </li>
  );
}
