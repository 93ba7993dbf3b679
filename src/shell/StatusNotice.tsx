/** What became of an action, under its form: in green when done, in red when refused, in French. */
import { Show, type JSX } from 'solid-js';

export interface Outcome {
  text: string;
  error: boolean;
}

export function StatusNotice(props: { outcome: Outcome | null; testId: string; alertOnError?: boolean; children?: JSX.Element }) {
  return (
    <Show when={props.outcome}>
      {(o) => (
        <p class={o().error ? 'notice notice--error' : 'notice notice--ok'} role={props.alertOnError && o().error ? 'alert' : 'status'} data-testid={props.testId}>
          {o().text}
          {props.children}
        </p>
      )}
    </Show>
  );
}
