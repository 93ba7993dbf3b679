/** Where I stand on someone else's request: mine, waiting for the server, « déjà pris en charge par … », handed back, closed. */
import { Match, Show, Switch } from 'solid-js';
import * as fr from '../i18n/fr';
import { standingOf } from './lists';
import type { MessageEntry, RequestEntry } from './queries';
import { hasPendingMessage } from './RequestActions';

const t = fr.requests.standing;

export function Standing(props: { request: RequestEntry; messages: MessageEntry[]; me: string; nameOf(id: string): string }) {
  const standing = () => standingOf(props.request, props.messages, props.me);
  return (
    <Show when={standing()}>
      {(s) => (
        <div class={`notice ${s().kind === 'assigned-to-me' || s().kind === 'waiting' ? 'notice--ok' : 'notice--warning'}`} role="status" data-testid="request-standing" data-kind={s().kind}>
          <Switch>
            <Match when={s().kind === 'assigned-to-me'}>{t.assignedToMe}</Match>
            <Match when={s().kind === 'waiting'}>
              {t.waiting}
              <Show when={hasPendingMessage(props.messages, props.me)}> ({fr.requests.pendingSend})</Show>
            </Match>
            <Match when={s().kind === 'too-late'}>{t.tooLate(props.nameOf((s() as { by: string }).by))}</Match>
            <Match when={s().kind === 'taken'}>{t.taken(props.nameOf((s() as { by: string }).by))}</Match>
            <Match when={s().kind === 'handed-back' && (s() as { by: string })}>{(h) => (h().by === props.me ? t.handedBack : t.handedBackBy(props.nameOf(h().by)))}</Match>
            <Match when={s().kind === 'closed' && (s() as { status: 'cancelled' | 'expired' })}>{(c) => t[c().status]}</Match>
          </Switch>
        </div>
      )}
    </Show>
  );
}
