/** « J’accepte » in one tap, then « Annuler » for a few seconds before the accept is written (accept.ts). */
import { Show } from 'solid-js';
import type { SessionUser } from '../domain/session/user';
import * as fr from '../i18n/fr';
import { acceptError, acceptSoon, isAcceptHeld, undoAccept } from './accept';
import type { RequestEntry } from './queries';
import './requests.css';

const t = fr.requests.actions;

export function AcceptButton(props: { request: RequestEntry; user: SessionUser }) {
  return (
    <>
      <Show
        when={isAcceptHeld(props.request.id)}
        fallback={
          <button type="button" class="button button--primary-inline" data-testid="action-accept" onClick={() => acceptSoon(props.user, props.request)}>
            {t.accept}
          </button>
        }
      >
        <span class="accepting" role="status" data-testid="accepting">
          {t.accepting}
          <button type="button" class="button button--secondary" data-testid="accept-undo" onClick={() => undoAccept(props.request.id)}>
            {t.undo}
          </button>
        </span>
      </Show>
      <Show when={acceptError(props.request.id)}>
        {(message) => (
          <p class="notice notice--error" role="alert" data-testid="accept-error">
            {message()}
          </p>
        )}
      </Show>
    </>
  );
}
