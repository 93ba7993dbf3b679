/** The directory (`/annuaire`): search the members stored on the device, call or write to them. */
import { createEffect, createMemo, createSignal, For, on, onCleanup, Show } from 'solid-js';
import { isAvailableNow, type Availability } from '../domain/members/availability';
import { distanceKm } from '../domain/geo';
import * as fr from '../i18n/fr';
import { useSession } from '../session/session';
import { landingShown } from '../shell/landing';
import { MemberCard } from './MemberCard';
import { createMemberEntry, createMemberSearch, type MemberEntry } from './queries';

/** Cards rendered at first and added by each « Voir plus », so a phone never lays out 1,600 cards at once. */
const PAGE = 50;

export default function DirectoryPage() {
  const [query, setQuery] = createSignal('');
  const [shown, setShown] = createSignal(PAGE);
  const [availableOnly, setAvailableOnly] = createSignal(false);
  const [byDistance, setByDistance] = createSignal(false);
  const directory = createMemberSearch(query);
  const session = useSession();
  const me = createMemberEntry(() => session.user()?.memberId);
  // The landing page: once its members are shown, the frame may load the first tab's page.
  createEffect(() => directory.loaded() && landingShown());

  // Availability badges end on their own: re-evaluate them every minute.
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), 60_000);
  onCleanup(() => clearInterval(timer));

  createEffect(on([query, availableOnly, byDistance], () => setShown(PAGE), { defer: true }));
  const distanceTo = (m: MemberEntry) => {
    const here = me()?.location;
    return here && m.id !== me()?.id ? distanceKm(here, m.location) : undefined;
  };
  const results = createMemo(() => {
    let list = directory.results();
    if (availableOnly()) list = list.filter((m) => isAvailableNow(m.availability as Availability, now()));
    if (byDistance() && me()) list = list.map((m) => [m, distanceTo(m) ?? 0] as const).sort((a, b) => a[1] - b[1]).map(([m]) => m);
    return list;
  });
  const visible = () => results().slice(0, shown());

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
      <div class="directory__filters">
        <label class="check">
          <input type="checkbox" data-testid="directory-available" checked={availableOnly()} onChange={(e) => setAvailableOnly(e.currentTarget.checked)} />
          {fr.directory.availableOnly}
        </label>
        <Show when={me()}>
          <label class="check">
            <input type="checkbox" data-testid="directory-by-distance" checked={byDistance()} onChange={(e) => setByDistance(e.currentTarget.checked)} />
            {fr.directory.byDistance}
          </label>
        </Show>
      </div>
      <Show when={directory.error()}>{(message) => <p class="notice notice--error">{message()}</p>}</Show>
      <Show when={directory.loaded()} fallback={<p class="muted">{fr.app.loading}</p>}>
        <p class="directory__count" data-testid="directory-count" aria-live="polite">
          {fr.directory.count(results().length)}
        </p>
        <Show when={directory.total() > 0} fallback={<p class="notice">{fr.directory.emptyDatabase}</p>}>
          <Show when={results().length > 0} fallback={<p class="muted">{fr.directory.empty}</p>}>
            <ul class="cards">
              <For each={visible()}>{(member) => <MemberCard member={member} now={now} distanceKm={distanceTo(member)} />}</For>
            </ul>
          </Show>
        </Show>
        <Show when={results().length > shown()}>
          <button type="button" class="button button--secondary more" onClick={() => setShown((n) => n + PAGE)}>
            {fr.directory.more}
          </button>
        </Show>
      </Show>
    </section>
  );
}
