/** One directory entry: who, what, where, whether available now, and how to reach them in one tap. */
import { Show, type Accessor } from 'solid-js';
import * as fr from '../i18n/fr';
import type { Availability } from '../domain/members/availability';
import { capacityLabel } from '../domain/members/reachability';
import { addressLine, availabilityBadge, distanceLabel, professionLine, telHref } from './format';
import type { MemberEntry } from './queries';

export function MemberCard(props: { member: MemberEntry; now: Accessor<number>; distanceKm?: number }) {
  const availability = () => availabilityBadge(props.member.availability as Availability, props.now());
  const phones = () => props.member.phones ?? {};

  return (
    <li class="card" data-testid="member-card">
      <div class="card__head">
        <h2 class="card__name">{props.member.displayName}</h2>
        <Show when={availability()}>
          {(badge) => (
            <span class={`badge badge--${badge().kind}`} data-testid="member-availability">
              {badge().label}
            </span>
          )}
        </Show>
      </div>
      <p class="card__profession">{professionLine(props.member)}</p>
      <Show when={props.member.kind === 'structure' && capacityLabel(props.member.availability.capacity, props.now())}>
        {(label) => (
          <p class="card__capacity" data-testid="member-capacity">
            {label()}
          </p>
        )}
      </Show>
      <p class="card__address">
        {addressLine(props.member.address)}
        <Show when={props.distanceKm !== undefined}>
          <span class="card__distance"> · {distanceLabel(props.distanceKm!)}</span>
        </Show>
      </p>
      <div class="card__actions">
        <Show when={phones().mobile}>
          {(n) => (
            <a class="action" href={telHref(n())}>
              {fr.directory.callMobile(n())}
            </a>
          )}
        </Show>
        <Show when={phones().landline}>
          {(n) => (
            <a class="action" href={telHref(n())}>
              {fr.directory.callLandline(n())}
            </a>
          )}
        </Show>
        <Show when={props.member.email}>
          {(email) => (
            <a class="action action--secondary" href={`mailto:${email()}`}>
              {fr.directory.writeEmail}
            </a>
          )}
        </Show>
      </div>
    </li>
  );
}
