/** A list read from the server: nothing until it comes, then its items, or what to say when there are none. */
import { For, Show, type JSX } from 'solid-js';

export function LoadedList<T>(props: { items: T[] | null | undefined; class: string; empty: string; emptyTestId?: string; children: (item: T) => JSX.Element }) {
  return (
    <Show when={props.items}>
      {(items) => (
        <Show when={items().length > 0} fallback={<p class="muted" data-testid={props.emptyTestId}>{props.empty}</p>}>
          <ul class={props.class}>
            <For each={items()}>{(item) => props.children(item)}</For>
          </ul>
        </Show>
      )}
    </Show>
  );
}
