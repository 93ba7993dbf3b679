/** The patient's identity typed in (a new patient), and the consent box every request needs. */
import { For, Show } from 'solid-js';
import * as fr from '../i18n/fr';
import { controlProps, FormField } from '../registration/FormField';
import { maskBirthDate, type FormErrors, type RequestForm } from './form';
import './requests.css';

const t = fr.requests.form;
type TextKey = 'lastName' | 'firstName' | 'address' | 'phone' | 'usualDoctor';
const SEXES = [
  ['F', t.sexF],
  ['M', t.sexM],
  ['X', t.sexX],
] as const;

export interface PatientFieldsProps {
  form: RequestForm;
  errors: FormErrors;
  set<K extends keyof RequestForm>(key: K, value: RequestForm[K]): void;
  /** The address as typed, once the user leaves the field: the request's place may follow it. */
  onAddress?(address: string): void;
}

export function PatientFields(props: PatientFieldsProps) {
  const input = (key: TextKey, label: string, opts: { type?: string; autocomplete?: string; inputmode?: 'tel' | 'text'; onChange?(value: string): void } = {}) => (
    <FormField id={`patient-${key}`} label={label} error={props.errors[key]}>
      <input
        class="field__input"
        {...controlProps(`patient-${key}`, props.errors[key])}
        type={opts.type ?? 'text'}
        autocomplete={opts.autocomplete ?? 'off'}
        inputmode={opts.inputmode}
        value={props.form[key]}
        onInput={(e) => props.set(key, e.currentTarget.value)}
        onChange={(e) => opts.onChange?.(e.currentTarget.value)}
      />
    </FormField>
  );
  return (
    <div class="stack patient-fields">
      <div class="grid-2">
        {input('lastName', t.lastName)}
        {input('firstName', t.firstName)}
        <FormField id="patient-birthDate" label={t.birthDate} error={props.errors.birthDate}>
          <input
            class="field__input"
            {...controlProps('patient-birthDate', props.errors.birthDate)}
            inputmode="numeric"
            autocomplete="off"
            placeholder={t.birthDatePlaceholder}
            maxlength="10"
            value={props.form.birthDate}
            onInput={(e) => {
              const shown = maskBirthDate(e.currentTarget.value);
              e.currentTarget.value = shown;
              props.set('birthDate', shown);
            }}
          />
        </FormField>
        <div class="field" classList={{ 'field--error': Boolean(props.errors.sex) }} role="radiogroup" aria-labelledby="patient-sex-label">
          <span class="field__label" id="patient-sex-label">{t.sex}</span>
          <div class="row chips">
            <For each={SEXES}>
              {([value, label]) => (
                <label class="choice">
                  <input type="radio" name="patient-sex" value={value} data-testid={`patient-sex-${value}`} aria-invalid={props.errors.sex ? true : undefined} checked={props.form.sex === value} onChange={() => props.set('sex', value)} />
                  {label}
                </label>
              )}
            </For>
          </div>
          <Show when={props.errors.sex}>
            <p class="field__error" data-testid="patient-sex-error">{props.errors.sex}</p>
          </Show>
        </div>
      </div>
      {input('address', t.address, { autocomplete: 'off', onChange: (value) => props.onAddress?.(value) })}
      <div class="grid-2">
        {input('phone', t.phone, { type: 'tel', inputmode: 'tel' })}
        {input('usualDoctor', t.usualDoctor)}
      </div>
      <p class="field__hint">{t.ins}</p>
    </div>
  );
}

/** The patient's consent to sharing, required for every request (also for a known patient). */
export function ConsentField(props: { checked: boolean; error?: string; onChange(checked: boolean): void }) {
  return (
    <div class="field" classList={{ 'field--error': Boolean(props.error) }}>
      <label class="check consent">
        <input type="checkbox" {...controlProps('patient-consent', props.error)} checked={props.checked} onChange={(e) => props.onChange(e.currentTarget.checked)} required />
        {t.consent}
      </label>
      <Show when={props.error}>
        <p class="field__error" id="patient-consent-error" data-testid="patient-consent-error">{props.error}</p>
      </Show>
    </div>
  );
}
