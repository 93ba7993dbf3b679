/** The need of a request once its type is chosen (TypeChooser pre-fills it): who is sought, and how urgent it is. */
import { For, Show } from 'solid-js';
import { GENERAL_PRACTICE, PROFESSIONS, professionLabel, SPECIALTIES, STRUCTURE_KINDS } from '../domain/members/professions';
import { REQUEST_KINDS, URGENCIES, URGENCY_LABELS, type Urgency } from '../domain/requests/types';
import * as fr from '../i18n/fr';
import { controlProps, FormField } from '../registration/FormField';
import { deadlineOf, type FormErrors, type RequestForm } from './form';
import { dateTimeLabel } from './timing';

const t = fr.requests.form;
const SINGLE_TARGETS = [...Object.keys(PROFESSIONS), ...Object.keys(STRUCTURE_KINDS)];

export interface TargetFieldsProps {
  form: RequestForm;
  errors: FormErrors;
  set<K extends keyof RequestForm>(key: K, value: RequestForm[K]): void;
}

export function TargetFields(props: TargetFieldsProps) {
  const defaults = () => (props.form.type ? REQUEST_KINDS[props.form.type].professions : []);
  const deadline = () => deadlineOf(props.form.urgency, props.form.date, Date.now());
  return (
    <fieldset class="panel">
      <legend>{t.need}</legend>
      <FormField id="request-target" label={t.target} error={props.errors.professions}>
        <select class="field__input" {...controlProps('request-target', props.errors.professions)} onChange={(e) => props.set('professions', e.currentTarget.value ? e.currentTarget.value.split(',') : [])}>
          <option value="" selected={props.form.professions.length === 0}>{t.chooseType}</option>
          <Show when={defaults().length > 1}>
            <option value={defaults().join(',')} selected={props.form.professions.join(',') === defaults().join(',')}>
              {t.targetDefault(defaults().map(professionLabel).join(', '))}
            </option>
          </Show>
          <For each={SINGLE_TARGETS}>{(code) => <option value={code} selected={props.form.professions.join(',') === code}>{professionLabel(code)}</option>}</For>
        </select>
      </FormField>
      <div class="field" classList={{ 'field--error': Boolean(props.errors.urgency) }} role="radiogroup" aria-labelledby="request-urgency-label">
        <span class="field__label" id="request-urgency-label">{t.urgency}</span>
        <div class="row">
          <For each={URGENCIES}>
            {(u: Urgency) => (
              <label class="choice">
                <input type="radio" name="urgency" value={u} data-testid={`request-urgency-${u}`} checked={props.form.urgency === u} onChange={() => props.set('urgency', u)} />
                {URGENCY_LABELS[u]}
              </label>
            )}
          </For>
        </div>
        <Show when={props.form.urgency === 'date'}>
          <label class="inline">
            {t.date}
            <input class="field__input" type="datetime-local" data-testid="request-date" value={props.form.date} onInput={(e) => props.set('date', e.currentTarget.value)} />
          </label>
        </Show>
        <Show when={deadline()}>{(d) => <p class="field__hint">{t.deadlineIs(dateTimeLabel(d()))}</p>}</Show>
        <Show when={props.errors.urgency}>
          <p class="field__error" data-testid="request-urgency-error">{props.errors.urgency}</p>
        </Show>
      </div>
    </fieldset>
  );
}

/** The specialty sought when a physician is (« Dermatologie » in a tap), right under the type. */
export function SpecialtyField(props: Pick<TargetFieldsProps, 'form' | 'errors' | 'set'>) {
  return (
    <Show when={props.form.professions.includes('10')}>
      <fieldset class="panel" classList={{ 'field--error': Boolean(props.errors.specialty) }} data-testid="request-specialty">
        <legend id="request-specialty-label">{t.specialty}</legend>
        <div class="field" role="radiogroup" aria-labelledby="request-specialty-label">
          <div class="row chips">
            <For each={['', GENERAL_PRACTICE, ...SPECIALTIES]}>
              {(s) => (
                <label class="choice">
                  <input type="radio" name="specialty" value={s} checked={props.form.specialty === s} onChange={() => props.set('specialty', s)} />
                  {s || t.anySpecialty}
                </label>
              )}
            </For>
          </div>
          <Show when={props.errors.specialty}>
            <p class="field__error">{props.errors.specialty}</p>
          </Show>
        </div>
      </fieldset>
    </Show>
  );
}
