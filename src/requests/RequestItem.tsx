/** One request in a list: what, where, how urgent, its status, and whether it still waits to be sent; an alert is accepted from it in one tap. */
import { A } from '@solidjs/router';
import { Show, type Accessor } from 'solid-js';
import { isPending } from '../data/replication';
import type { SessionUser } from '../domain/session/user';
import * as fr from '../i18n/fr';
import { AcceptButton } from './AcceptButton';
import { isOpen } from './lists';
import { kindLabel, statusLabel, targetLabel, urgencyLabel } from './labels';
import type { RequestEntry } from './queries';
import { deadlineLabel } from './timing';
import './requests.css';

/** `acceptAs`: an alert the member may accept from the list; `outcome`: what became of my answer. */
export function RequestItem(props: { request: RequestEntry; now: Accessor<number>; testid: string; acceptAs?: SessionUser; outcome?: string }) {
  const r = () => props.request;
  return (
    <li class="card request-item" data-testid={props.testid} data-request-id={r().id} data-status={r().status}>
      <A href={`/demandes/${r().id}`} class="request-item__link">
        <span class="card__head">
          <span class="card__name">{kindLabel(r().type)}</span>
          <span class={`badge badge--status badge--${r().status}`}>{statusLabel(r().status)}</span>
        </span>
        <span class="card__profession">
          {targetLabel(r().target)} · {r().place.commune}
        </span>
        <span class="card__address">
          {urgencyLabel(r().urgency)}
          <Show when={isOpen(r().status)}> · {deadlineLabel(r().deadline, props.now())}</Show>
        </span>
        <Show when={props.outcome}>
          <span class="pill" data-testid="request-outcome">
            {props.outcome}
          </span>
        </Show>
        <Show when={isPending('requests', r().id)}>
          <span class="pill pill--pending" data-testid="request-pending">
            {fr.requests.pendingSend}
          </span>
        </Show>
      </A>
      <Show when={props.acceptAs}>
        {(user) => (
          <div class="row request-item__actions">
            <AcceptButton request={r()} user={user()} />
          </div>
        )}
      </Show>
    </li>
  );
}
