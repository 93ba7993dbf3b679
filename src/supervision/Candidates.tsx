/**
 * Who to call for a request, in the dispatcher's order: reachable now (available, on call, within
 * their hours, a structure open) before the merely qualified, nearer first, each with why and their
 * numbers; a wider radius on demand.
 */
import { createMemo, createSignal, For, Show, type Accessor } from 'solid-js';
import type { Availability } from '../domain/members/availability';
import { capacityLabel } from '../domain/members/reachability';
import { allowedEvents } from '../domain/requests/lifecycle';
import { rankedCandidates } from '../domain/requests/dispatch-policies';
import type { CareRequest } from '../domain/requests/schema';
import { REQUEST_KINDS, type RequestType } from '../domain/requests/types';
import * as fr from '../i18n/fr';
import { TERRITORY } from '../config';
import { availabilityBadge, distanceLabel, professionLine, telHref } from '../members/format';
import type { CaseContext } from './case-context';
import { ConfirmAction } from './ConfirmAction';
import type { Directory } from './queries';
import { answersOf } from './queue';
import './supervision.css';

const t = fr.supervision;
const SHOWN = 25;
const NO_ACTIVITY = { alertsThisWeek: 0, alerted: 0, answered: 0 };

/** The kind's first circle, then the dispatcher's wider ones, then twice the widest. */
export function radiusChoices(type: string): number[] {
  const base = REQUEST_KINDS[type as RequestType]?.radiusKm ?? 20;
  return [base, base * 2, base * 4, base * 8];
}

export function Candidates(props: { request: CareRequest; directory: Directory; now: Accessor<number>; context: CaseContext }) {
  const choices = () => radiusChoices(props.request.type);
  // Start where the dispatcher stopped: the people of its last circle are the ones to call first.
  const searched = Math.max(0, ...(props.request.dispatch?.steps ?? []).map((s) => s.radiusKm ?? 0));
  const [radius, setRadius] = createSignal(choices().find((r) => r >= searched) ?? choices()[choices().length - 1]);
  // The device does not know the dispatcher's memory of answers and alerts: distance decides within a tier.
  const found = createMemo(() =>
    rankedCandidates(
      props.request,
      { members: props.directory.items(), byId: (id) => props.directory.byId().get(id), activity: () => NO_ACTIVITY, timeZone: TERRITORY.timeZone, radiusKm: () => radius(), now: props.now() },
      radius(),
    ).map((r) => ({ memberId: r.member.id, distanceKm: r.distanceKm, reason: r.reach.reason })),
  );
  const alerted = () => new Set(props.request.dispatch?.alerted ?? []);
  const answers = () => new Map(answersOf(props.request).map((a) => [a.memberId, a.event]));
  const canAssign = () => allowedEvents(props.request.status, 'coordinator').includes('accept');
  return (
    <section class="panel" data-testid="candidates">
      <h2 class="panel__title">{t.candidatesTitle}</h2>
      <p class="muted">{t.candidatesIntro}</p>
      <label class="inline">
        {t.radius}
        <select class="field__input field__input--short" data-testid="candidates-radius" onChange={(e) => setRadius(Number(e.currentTarget.value))}>
          <For each={choices()}>{(km) => <option value={km} selected={km === radius()}>{t.radiusKm(km)}</option>}</For>
        </select>
      </label>
      <Show when={found().length > 0} fallback={<p class="muted" data-testid="candidates-none">{t.candidatesNone}</p>}>
        <ul class="candidates">
          <For each={found().slice(0, SHOWN)}>
            {(c) => {
              const m = () => props.directory.byId().get(c.memberId)!;
              const badge = () => availabilityBadge(m().availability as Availability, props.now());
              return (
                <li class="candidate" data-testid="candidate" data-member-id={c.memberId}>
                  <div class="card__head">
                    <strong>{m().displayName}</strong>
                    <Show when={badge()}>{(b) => <span class={`badge badge--${b().kind}`}>{b().label}</span>}</Show>
                  </div>
                  <span class="muted">
                    {professionLine(m())} · {m().address.commune} · {distanceLabel(c.distanceKm)} · <span data-testid="candidate-reach">{c.reason}</span>
                    <Show when={capacityLabel(m().availability.capacity, props.now())}>{(label) => <> · {label()}</>}</Show>
                    <Show when={alerted().has(c.memberId)}> · {t.alreadyAlerted}</Show>
                    <Show when={answers().get(c.memberId)}>{(event) => <> · {t.events[event()] ?? event()}</>}</Show>
                  </span>
                  <div class="card__actions">
                    <Show when={m().phones?.mobile}>{(n) => <a class="action" href={telHref(n())}>{fr.directory.callMobile(n())}</a>}</Show>
                    <Show when={m().phones?.landline}>{(n) => <a class="action" href={telHref(n())}>{fr.directory.callLandline(n())}</a>}</Show>
                    <button type="button" class="button button--secondary button--small" data-testid="candidate-call" onClick={() => props.context.setCallSubject(c.memberId)}>
                      {t.call}
                    </button>
                    <Show when={canAssign()}>
                      <ConfirmAction label={t.assign} question={t.assignConfirm(m().displayName)} testid="candidate-assign" onConfirm={() => props.context.act({ kind: 'accept', onBehalfOf: c.memberId })} />
                    </Show>
                  </div>
                </li>
              );
            }}
          </For>
        </ul>
      </Show>
    </section>
  );
}
