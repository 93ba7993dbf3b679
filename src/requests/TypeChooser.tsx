/** The first thing a request says, in one tap: its type, which pre-fills the rest; then it folds to one line. */
import { For, Show } from 'solid-js';
import { REQUEST_KINDS, REQUEST_TYPES, type RequestType } from '../domain/requests/types';
import * as fr from '../i18n/fr';
import './requests.css';

const t = fr.requests.form;

export function TypeChooser(props: { value: RequestType | ''; error?: string; onChange(type: RequestType | ''): void }) {
  return (
    <fieldset class="panel" classList={{ 'field--error': Boolean(props.error) }} data-testid="request-type">
      <legend>{t.type}</legend>
      <Show
        when={props.value}
        fallback={
          <div class="type-grid">
            <For each={REQUEST_TYPES}>
              {(type) => (
                <button type="button" class="type-tile" data-testid={`request-type-${type}`} aria-invalid={props.error ? true : undefined} onClick={() => props.onChange(type)}>
                  {REQUEST_KINDS[type].label}
                </button>
              )}
            </For>
          </div>
        }
      >
        {(type) => (
          <p class="picker__value" data-testid="request-type-chosen">
            <strong>{REQUEST_KINDS[type() as RequestType].label}</strong>{' '}
            <button type="button" class="map-link" data-testid="request-type-change" onClick={() => props.onChange('')}>
              {t.typeChange}
            </button>
          </p>
        )}
      </Show>
      <Show when={props.error}>
        <p class="field__error" data-testid="request-type-error">{props.error}</p>
      </Show>
    </fieldset>
  );
}
