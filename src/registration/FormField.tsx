/** One labelled input of a public form, with its hint and its error beside it (linked for screen readers). */
import { Show, type JSX } from 'solid-js';

export interface FormFieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  /** The control, given `id`, `aria-invalid` and `aria-describedby` by the caller through `controlProps`. */
  children: JSX.Element;
}

export function controlProps(id: string, error: string | undefined, hint?: string) {
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': described || undefined, 'data-testid': id };
}

export function FormField(props: FormFieldProps) {
  return (
    <div class="field" classList={{ 'field--error': Boolean(props.error) }}>
      <label class="field__label" for={props.id}>
        {props.label}
      </label>
      {props.children}
      <Show when={props.hint}>
        <p class="field__hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      </Show>
      <Show when={props.error}>
        <p class="field__error" id={`${props.id}-error`} data-testid={`${props.id}-error`}>
          {props.error}
        </p>
      </Show>
    </div>
  );
}
