/** The patient block of the form, apart from the broadcast card, with the required consent box. */
import { Show } from 'solid-js';
import { fr } from '../i18n/fr';
import { controlProps, FormField } from '../registration/FormField';
import type { FormErrors, RequestForm } from './form';

const t = fr.requests.form;
type TextKey = 'lastName' | 'firstName' | 'birthDate' | 'address' | 'phone' | 'usualDoctor';

export function PatientFields(props: { form: RequestForm; errors: FormErrors; set<K extends keyof RequestForm>(key: K, value: RequestForm[K]): void }) {
  const input = (key: TextKey, label: string, opts: { type?: string; autocomplete?: string; inputmode?: 'tel' | 'text' } = {}) => (
    <FormField id={`patient-${key}`} label={label} error={props.errors[key]}>
      <input
        class="field__input"
        {...controlProps(`patient-${key}`, props.errors[key])}
        type={opts.type ?? 'text'}
        autocomplete={opts.autocomplete ?? 'off'}
        inputmode={opts.inputmode}
        value={props.form[key]}
        onInput={(e) => props.set(key, e.currentTarget.value)}
      />
    </FormField>
  );
  return (
    <fieldset class="panel patient-fields" data-testid="patient-block">
      <legend>{t.patient}</legend>
      <div class="grid-2">
        {input('lastName', t.lastName)}
        {input('firstName', t.firstName)}
        {input('birthDate', t.birthDate, { type: 'date' })}
        <FormField id="patient-sex" label={t.sex} error={props.errors.sex}>
          <select class="field__input" {...controlProps('patient-sex', props.errors.sex)} onChange={(e) => props.set('sex', e.currentTarget.value as RequestForm['sex'])}>
            <option value="" selected={!props.form.sex}>{t.sexChoose}</option>
            <option value="F" selected={props.form.sex === 'F'}>{t.sexF}</option>
            <option value="M" selected={props.form.sex === 'M'}>{t.sexM}</option>
            <option value="X" selected={props.form.sex === 'X'}>{t.sexX}</option>
          </select>
        </FormField>
      </div>
      {input('address', t.address)}
      <div class="grid-2">
        {input('phone', t.phone, { type: 'tel', inputmode: 'tel' })}
        {input('usualDoctor', t.usualDoctor)}
      </div>
      <p class="field__hint">{t.ins}</p>
      <div class="field" classList={{ 'field--error': Boolean(props.errors.consent) }}>
        <label class="check consent">
          <input type="checkbox" {...controlProps('patient-consent', props.errors.consent)} checked={props.form.consent} onChange={(e) => props.set('consent', e.currentTarget.checked)} required />
          {t.consent}
        </label>
        <Show when={props.errors.consent}>
          <p class="field__error" id="patient-consent-error" data-testid="patient-consent-error">{props.errors.consent}</p>
        </Show>
      </div>
    </fieldset>
  );
}
