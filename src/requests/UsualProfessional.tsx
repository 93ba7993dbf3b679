/** Optionally names the patient's usual professional for this need, chosen in the local directory (offline too). */
import { createMemo, createSignal, For, Show } from 'solid-js';
import * as fr from '../i18n/fr';
import { professionLine } from '../members/format';
import { createMemberSearch } from '../members/queries';
import { controlProps, FormField } from '../registration/FormField';

const t = fr.requests.form;
const SHOWN = 6;

export function UsualProfessional(props: { value: string; professions: string[]; error?: string; onChange(id: string): void }) {
  const [query, setQuery] = createSignal('');
  const directory = createMemberSearch(query);
  const chosen = createMemo(() => (props.value ? directory.results().find((m) => m.id === props.value) : undefined));
  // Only those who could answer this need; the list starts once something is typed.
  const found = createMemo(() =>
    query().trim().length < 2 ? [] : directory.results().filter((m) => m.status === 'active' && (!props.professions.length || props.professions.includes(m.profession))).slice(0, SHOWN),
  );
  return (
    <FormField id="request-usual" label={t.usual} hint={t.usualHint} error={props.error}>
      <Show
        when={props.value}
        fallback={
          <>
            <input class="field__input" type="search" placeholder={t.usualSearch} {...controlProps('request-usual', props.error, t.usualHint)} value={query()} onInput={(e) => setQuery(e.currentTarget.value)} />
            <Show when={found().length > 0}>
              <ul class="picker__results">
                <For each={found()}>
                  {(m) => (
                    <li>
                      <button type="button" class="map-link" data-testid="request-usual-option" onClick={() => (props.onChange(m.id), setQuery(''))}>
                        {m.displayName} — {professionLine(m)}, {m.address.commune}
                      </button>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </>
        }
      >
        <p class="picker__value" data-testid="request-usual-chosen">
          <strong>{chosen()?.displayName ?? props.value}</strong>{' '}
          <button type="button" class="map-link" onClick={() => props.onChange('')}>
            {t.usualClear}
          </button>
        </p>
      </Show>
    </FormField>
  );
}
