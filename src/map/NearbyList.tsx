/** The available professionals nearest the patient, in step with the map: hovering or choosing one shows it there, and back. */
import { createEffect, For, Show, type Accessor } from 'solid-js';
import type { Availability } from '../domain/members/availability';
import * as fr from '../i18n/fr';
import { availabilityBadge, distanceLabel, professionLine, telHref } from '../members/format';
import type { MemberEntry } from '../members/queries';

export interface NearbyEntry {
  member: MemberEntry;
  distanceKm: number;
}

export interface NearbyListProps {
  entries: NearbyEntry[];
  now: Accessor<number>;
  selected: string | null;
  highlighted: string | null;
  onSelect(id: string): void;
  onHover(id: string | null): void;
}

export function NearbyList(props: NearbyListProps) {
  const items = new Map<string, HTMLLIElement>();
  // A member chosen on the map is brought into view in the list.
  createEffect(() => {
    const id = props.selected;
    if (id) items.get(id)?.scrollIntoView({ block: 'nearest' });
  });

  return (
    <ol class="nearby" data-testid="nearby-list">
      <For each={props.entries}>
        {(entry) => {
          const m = entry.member;
          const badge = () => availabilityBadge(m.availability as Availability, props.now());
          const phone = m.phones?.mobile ?? m.phones?.landline;
          const callLabel = m.phones?.mobile ? fr.directory.callMobile(m.phones.mobile) : phone ? fr.directory.callLandline(phone) : '';
          return (
            <li
              ref={(el) => items.set(m.id, el)}
              class="nearby__item"
              classList={{ 'is-highlighted': props.highlighted === m.id, 'is-selected': props.selected === m.id }}
              data-testid="nearby-item"
              data-member-id={m.id}
              onMouseEnter={() => props.onHover(m.id)}
              onMouseLeave={() => props.onHover(null)}
            >
              <button
                type="button"
                class="nearby__name map-link"
                aria-current={props.selected === m.id ? 'true' : undefined}
                onFocus={() => props.onHover(m.id)}
                onBlur={() => props.onHover(null)}
                onClick={() => props.onSelect(m.id)}
              >
                {m.displayName}
              </button>
              <span class="nearby__distance" data-testid="nearby-distance">
                {distanceLabel(entry.distanceKm)}
              </span>
              <span class="nearby__profession">{professionLine(m)}</span>
              <span class="nearby__meta">
                <Show when={badge()}>{(b) => <span class={`badge badge--${b().kind}`}>{b().label}</span>}</Show>
                <Show when={phone}>
                  {(n) => (
                    <a class="nearby__call" href={telHref(n())}>
                      {callLabel}
                    </a>
                  )}
                </Show>
              </span>
            </li>
          );
        }}
      </For>
    </ol>
  );
}
