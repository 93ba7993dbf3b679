/** Chooses a directory entry by a few letters of its name, profession or commune, in the local directory (offline too). */
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { Member } from '../domain/members/schema';
import * as fr from '../i18n/fr';
import { professionLine } from '../members/format';
import { buildIndex, search } from '../members/search';
import { controlProps, FormField } from '../registration/FormField';

const SHOWN = 8;

export interface MemberPickerProps {
  id: string;
  label: string;
  value: string;
  members: readonly Member[];
  /** Narrows who may be chosen (e.g. active professionals only). */
  eligible?(member: Member): boolean;
  error?: string;
  hint?: string;
  onChange(id: string): void;
}

export function MemberPicker(props: MemberPickerProps) {
  const [query, setQuery] = createSignal('');
  const index = createMemo(() => buildIndex(props.members.filter((m) => m.status !== 'pending' && (props.eligible?.(m) ?? true))));
  const found = createMemo(() => (query().trim().length < 2 ? [] : search(index(), query()).slice(0, SHOWN)));
  const chosen = createMemo(() => props.members.find((m) => m.id === props.value));
  const choose = (id: string) => {
    setQuery('');
    props.onChange(id);
  };
  return (
    <FormField id={props.id} label={props.label} hint={props.hint} error={props.error}>
      <Show
        when={props.value}
        fallback={
          <>
            <input class="field__input" type="search" autocomplete="off" placeholder={fr.supervision.callSearch} {...controlProps(props.id, props.error, props.hint)} value={query()} onInput={(e) => setQuery(e.currentTarget.value)} />
            <Show when={found().length > 0}>
              <ul class="picker__results" data-testid={`${props.id}-results`}>
                <For each={found()}>
                  {(m) => (
                    <li>
                      <button type="button" class="map-link" data-member-id={m.id} onClick={() => choose(m.id)}>
                        <strong>{m.displayName}</strong> — {professionLine(m)}, {m.address.commune}
                      </button>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </>
        }
      >
        <p class="picker__value" data-testid={`${props.id}-chosen`} data-member-id={props.value}>
          <strong>{chosen()?.displayName ?? props.value}</strong>
          <Show when={chosen()}>{(m) => <span class="muted"> — {professionLine(m())}, {m().address.commune}</span>}</Show>{' '}
          <button type="button" class="map-link" onClick={() => props.onChange('')}>
            {fr.supervision.callChange}
          </button>
        </p>
      </Show>
    </FormField>
  );
}
