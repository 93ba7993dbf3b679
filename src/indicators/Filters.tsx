/** The dashboard's period (default: the last 12 months) and filters: type, profession sought, commune, month. */
import { For } from 'solid-js';
import { PROFESSIONS, professionLabel, STRUCTURE_KINDS } from '../domain/members/professions';
import { REQUEST_KINDS, REQUEST_TYPES } from '../domain/requests/types';
import type { Commune } from '../domain/territory/communes';
import * as fr from '../i18n/fr';
import { monthsOf, type FilterForm } from './filter-form';

const t = fr.indicators;
const TARGETS = [...Object.keys(PROFESSIONS), ...Object.keys(STRUCTURE_KINDS)];

export function Filters(props: { form: FilterForm; communes: readonly Commune[]; monthLabel(key: string): string; set(key: keyof FilterForm, value: string): void; reset(): void }) {
  const select = (key: keyof FilterForm, label: string, all: string, options: Array<[string, string]>) => (
    <label class="field">
      <span class="field__label">{label}</span>
      <select class="field__input" data-testid={`filter-${key}`} onChange={(e) => props.set(key, e.currentTarget.value)}>
        <option value="" selected={!props.form[key]}>{all}</option>
        <For each={options}>{([value, text]) => <option value={value} selected={props.form[key] === value}>{text}</option>}</For>
      </select>
    </label>
  );
  return (
    <form class="panel indicator-filters" aria-label={t.filters} onSubmit={(e) => e.preventDefault()}>
      <h2 class="panel__title">{t.filters}</h2>
      <div class="indicator-filters__grid">
        <label class="field">
          <span class="field__label">{t.from}</span>
          <input class="field__input" type="date" data-testid="filter-from" value={props.form.from} onChange={(e) => props.set('from', e.currentTarget.value)} />
        </label>
        <label class="field">
          <span class="field__label">{t.to}</span>
          <input class="field__input" type="date" data-testid="filter-to" value={props.form.to} onChange={(e) => props.set('to', e.currentTarget.value)} />
        </label>
        {select('type', t.type, t.all, REQUEST_TYPES.map((k) => [k, REQUEST_KINDS[k].label]))}
        {select('profession', t.profession, t.allFem, TARGETS.map((k) => [k, professionLabel(k)]))}
        {select('commune', t.commune, t.allFem, props.communes.map((c) => [c.insee, c.name]))}
        {select('month', t.month, t.all, monthsOf(props.form).map((m) => [m, props.monthLabel(m)]))}
      </div>
      <button type="button" class="button button--secondary button--small" data-testid="filter-reset" onClick={() => props.reset()}>
        {t.reset}
      </button>
    </form>
  );
}
