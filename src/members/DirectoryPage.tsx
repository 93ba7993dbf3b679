/** The directory (`/annuaire`): search the members stored on the device, call or write to them. */
import { createEffect, createSignal, For, on, onCleanup, Show } from 'solid-js';
import { fr } from '../i18n/fr';
import { MemberCard } from './MemberCard';
import { createMemberSearch } from './queries';

/** Cards rendered at first and added by each « Voir plus », so a phone never lays out 1,600 cards at once. */
const PAGE = 50;

export default function DirectoryPage() {
  const [query, setQuery] = createSignal('');
  const [shown, setShown] = createSignal(PAGE);
  const directory = createMemberSearch(query);

  // Availability badges end on their own: re-evaluate them every minute.
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), 60_000);
  onCleanup(() => clearInterval(timer));

  createEffect(on(query, () => setShown(PAGE), { defer: true }));
  const visible = () => directory.results().slice(0, shown());

  return (
    <section class="directory" aria-labelledby="directory-title">
      <h1 id="directory-title" class="page-title">
        {fr.directory.title}
      </h1>
      <label class="field">
        <span class="field__label">{fr.directory.searchLabel}</span>
        <input
          class="field__input"
          type="search"
          data-testid="directory-search"
          placeholder={fr.directory.searchPlaceholder}
          autocomplete="off"
          value={query()}
          onInput={(e) => setQuery(e.currentTarget.value)}
        />
      </label>
      <Show when={directory.error()}>{(message) => <p class="notice notice--error">{message()}</p>}</Show>
      <Show when={directory.loaded()} fallback={<p class="muted">{fr.app.loading}</p>}>
        <p class="directory__count" data-testid="directory-count" aria-live="polite">
          {fr.directory.count(directory.results().length)}
        </p>
        <Show when={directory.total() > 0} fallback={<p class="notice">{fr.directory.emptyDatabase}</p>}>
          <Show when={directory.results().length > 0} fallback={<p class="muted">{fr.directory.empty}</p>}>
            <ul class="cards">
              <For each={visible()}>{(member) => <MemberCard member={member} now={now} />}</For>
            </ul>
          </Show>
        </Show>
        <Show when={directory.results().length > shown()}>
          <button type="button" class="button button--secondary more" onClick={() => setShown((n) => n + PAGE)}>
            {fr.directory.more}
          </button>
        </Show>
      </Show>
    </section>
  );
}
