/** A button whose action is asked again in place before it runs (« Confirmer » / « Retour »), for what cannot be undone. */
import { createSignal, Show } from 'solid-js';
import * as fr from '../i18n/fr';
import './supervision.css';

export interface ConfirmActionProps {
  label: string;
  question: string;
  testid: string;
  class?: string;
  onConfirm(): Promise<unknown>;
}

export function ConfirmAction(props: ConfirmActionProps) {
  const [asking, setAsking] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const confirm = async () => {
    setBusy(true);
    try {
      await props.onConfirm();
    } finally {
      setBusy(false);
      setAsking(false);
    }
  };
  return (
    <Show
      when={asking()}
      fallback={
        <button type="button" class={props.class ?? 'button button--secondary button--small'} data-testid={props.testid} onClick={() => setAsking(true)}>
          {props.label}
        </button>
      }
    >
      <span class="confirm" role="group" aria-label={props.label}>
        <span>{props.question}</span>
        <button type="button" class="button button--primary-inline button--small" data-testid={`${props.testid}-confirm`} disabled={busy()} onClick={() => void confirm()}>
          {fr.requests.actions.confirm}
        </button>
        <button type="button" class="button button--secondary button--small" disabled={busy()} onClick={() => setAsking(false)}>
          {fr.requests.actions.back}
        </button>
      </span>
    </Show>
  );
}
