/** The broadcast card of a request: what is needed, where, how urgent (time left), its status, its photos. */
import { For, Show, type Accessor, type JSX } from 'solid-js';
import { isPending } from '../data/replication';
import * as fr from '../i18n/fr';
import { AttachmentView } from './AttachmentView';
import { isOpen } from './lists';
import { kindLabel, statusLabel, targetLabel, urgencyLabel } from './labels';
import type { RequestEntry } from './queries';
import { dateTimeLabel, deadlineLabel } from './timing';
import './requests.css';

const t = fr.requests.card;

/** `actions`: shown right under the title, before the details; `showAssignee: false` where the page already says who has it. */
export function RequestSummary(props: { request: RequestEntry; now: Accessor<number>; nameOf(id: string): string; participant: boolean; actions?: JSX.Element; showAssignee?: boolean }) {
  const r = () => props.request;
  return (
    <article class="panel request-card" data-testid="request-card" data-status={r().status}>
      <div class="card__head">
        <h1 class="page-title request-card__title">{kindLabel(r().type)}</h1>
        <span class={`badge badge--status badge--${r().status}`} data-testid="request-status">
          {statusLabel(r().status)}
        </span>
      </div>
      <Show when={isPending('requests', r().id)}>
        <span class="pill pill--pending" data-testid="request-pending">
          {fr.requests.pendingSend}
        </span>
      </Show>
      {props.actions}
      <dl class="facts">
        <dt>{t.need}</dt>
        <dd>{targetLabel(r().target)}</dd>
        <dt>{t.place}</dt>
        <dd data-testid="request-place-label">{r().place.commune}</dd>
        <dt>{t.urgency}</dt>
        <dd>
          {urgencyLabel(r().urgency)} — {fr.requests.deadline(dateTimeLabel(r().deadline))}
          <Show when={isOpen(r().status)}>
            {' '}
            <strong data-testid="request-time-left">({deadlineLabel(r().deadline, props.now())})</strong>
          </Show>
        </dd>
        <dt>{t.question}</dt>
        <dd class="request-card__question">{r().question}</dd>
      </dl>
      <Show when={props.showAssignee !== false && r().assigneeId}>{(id) => <p class="notice notice--ok" data-testid="request-assignee">{fr.requests.standing.assignedTo(props.nameOf(id()))}</p>}</Show>
      <Show when={r().usualProfessionalId}>{(id) => <p class="muted">{t.usual(props.nameOf(id()))}</p>}</Show>
      <Show when={r().photos.length > 0}>
        <h2 class="panel__title">{t.photos}</h2>
        <div class="thumbs">
          <For each={r().photos}>{(p) => <AttachmentView id={p.id} contentType={p.contentType} allowed={props.participant} />}</For>
        </div>
      </Show>
      <p class="muted">{t.postedBy(props.nameOf(r().requesterId), dateTimeLabel(r().createdAt))}</p>
    </article>
  );
}
