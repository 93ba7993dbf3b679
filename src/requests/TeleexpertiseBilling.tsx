/**
 * On a tele-expertise resolved, for its requester and its assignee: which act each may bill, at
 * which rate and on which conditions, from the table kept as data with its sources.
 */
import { For, Show } from 'solid-js';
import { PROFESSIONS, type ProfessionCode } from '../domain/members/professions';
import type { CareRequest } from '../domain/requests/schema';
import { billingFor, isOverseas, TELEEXPERTISE_BILLING, TELEEXPERTISE_TYPES, type BillingAdvice } from '../domain/requests/teleexpertise-billing';
import * as fr from '../i18n/fr';
import type { MemberLabel } from './queries';

const t = fr.requests.billing;
const euros = (n: number) => n.toLocaleString('fr-FR', { style: 'currency', currency: 'EUR' });
/** « 1er janvier 2026 », « 4 décembre 2026 ». */
const day = (iso: string) => new Date(`${iso}T12:00:00Z`).toLocaleDateString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric' }).replace(/^1 /, '1er ');

/** Shown to the two doctors of a resolved tele-expertise. */
export function showsBilling(request: CareRequest, me: string): boolean {
  return TELEEXPERTISE_TYPES.has(request.type) && request.status === 'resolved' && (request.requesterId === me || request.assigneeId === me);
}

export function TeleexpertiseBilling(props: { request: CareRequest; me: string; labelOf: (id: string) => MemberLabel | undefined }) {
  const sides = () =>
    [
      ['requerant', props.request.requesterId],
      ['requis', props.request.assigneeId],
    ].filter((side): side is [BillingAdvice['side'], string] => Boolean(side[1]));
  const line = (side: BillingAdvice['side'], id: string) => {
    const label = props.labelOf(id);
    const advice = billingFor(side, label?.profession ?? '', props.request.place.communeInsee);
    const who = `${label?.name ?? id}${id === props.me ? ` (${t.you})` : ''}, ${t[side]} (${label ? advice.profession : t.unknownProfession})`;
    const allowedTo = advice.act.professions.map((code) => PROFESSIONS[code as ProfessionCode].toLowerCase()).join(', ');
    return { who, advice, text: advice.allowed ? t.may(advice.act.code, euros(advice.euros), advice.act.label) : t.mayNot(advice.act.code, allowedTo) };
  };

  return (
    <section class="panel stack" data-testid="teleexpertise-billing" aria-labelledby="billing-title">
      <h2 class="panel__title" id="billing-title">
        {t.title}
      </h2>
      <p>{t.intro}</p>
      <ul class="billing">
        <For each={sides()}>
          {([side, id]) => {
            const l = line(side, id);
            return (
              <li data-testid={`billing-${side}`} classList={{ 'billing--refused': !l.advice.allowed }}>
                <strong>{l.who}</strong> {l.text}
              </li>
            );
          }}
        </For>
      </ul>
      <Show when={isOverseas(props.request.place.communeInsee)}>
        <p>{t.overseas}</p>
      </Show>
      <h3 class="panel__subtitle">{t.conditions}</h3>
      <ul>
        <For each={TELEEXPERTISE_BILLING.conditions}>{(condition) => <li>{condition}</li>}</For>
      </ul>
      <p class="muted" data-testid="billing-sources">
        {t.validFrom(day(TELEEXPERTISE_BILLING.validFrom), day(TELEEXPERTISE_BILLING.checkedOn))} {t.sources} :{' '}
        <For each={TELEEXPERTISE_BILLING.sources}>
          {(source, i) => (
            <>
              {i() > 0 ? ' ; ' : ''}
              {'url' in source ? (
                <a href={source.url} target="_blank" rel="noopener noreferrer">
                  {source.title}
                </a>
              ) : (
                source.title
              )}
            </>
          )}
        </For>
        .
      </p>
    </section>
  );
}
