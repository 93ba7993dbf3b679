/** `/inscription`: the public registration form, checked field by field with the shared validator before and after the server. */
import { A, useNavigate, useSearchParams } from '@solidjs/router';
import { createEffect, createResource, createSignal, For, on, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { ApiError, getJson, messageOf } from '../data/json-api';
import { PSC_PREFILL_ID, type PscPrefillAnswer } from '../domain/psc/api';
import { IDENTIFIER_LABELS, type IdentifierKind } from '../domain/members/identifiers';
import { GENERAL_PRACTICE, PROFESSIONS, SPECIALTIES, STRUCTURE_KINDS } from '../domain/members/professions';
import type { Commune } from '../domain/territory/communes';
import type { FieldError } from '../domain/validation';
import * as fr from '../i18n/fr';
import { loadCommunes } from '../territory/communes';
import { register } from './api';
import { checkForm, emptyForm, formKeyOf, OUTSIDE, proposedSignature, withPscPrefill, type FormKey, type RegistrationForm } from './form';
import { controlProps, FormField } from './FormField';

const t = fr.registration;
const PROFESSIONAL_IDS: IdentifierKind[] = ['rpps', 'adeli', 'finess', 'siret'];
const STRUCTURE_IDS: IdentifierKind[] = ['finess', 'siret'];

export default function RegistrationPage() {
  const navigate = useNavigate();
  const [communes] = createResource(() => loadCommunes().catch(() => [] as Commune[]));
  const [form, setForm] = createStore<RegistrationForm>(emptyForm());
  const [errors, setErrors] = createSignal<Partial<Record<FormKey, string>>>({});
  const [warnings, setWarnings] = createSignal<FieldError[]>([]);
  const [failure, setFailure] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [submitted, setSubmitted] = createSignal(false);
  const [signatureEdited, setSignatureEdited] = createSignal(false);
  // Sent here by Pro Santé Connect (`?psc=<id>`): what the national identity says fills the form.
  const [params] = useSearchParams();
  const [prefill, setPrefill] = createSignal<{ text: string; error: boolean } | null>(null);
  const prefillId = typeof params.psc === 'string' && PSC_PREFILL_ID.test(params.psc) ? params.psc : undefined;
  if (prefillId) {
    getJson<PscPrefillAnswer>(`/auth/psc/prefill/${prefillId}`)
      .then(({ prefill: p }) => {
        setForm(withPscPrefill({ ...form }, p));
        setPrefill({ text: t.pscPrefilled, error: false });
      })
      .catch((err: unknown) => setPrefill({ text: messageOf(err), error: true }));
  }

  const byKey = (list: FieldError[]) => {
    const out: Partial<Record<FormKey, string>> = {};
    for (const e of list) {
      const key = formKeyOf(e.field);
      if (key && !out[key]) out[key] = e.message;
    }
    return out;
  };
  const validate = () => {
    const result = checkForm(form, communes() ?? []);
    setWarnings(result.warnings);
    setErrors(result.ok ? {} : byKey(result.errors));
    return result;
  };
  const set = <K extends FormKey>(key: K, value: RegistrationForm[K]) => {
    setForm(key, value as never);
    // After a first attempt, errors follow the typing.
    if (submitted()) validate();
  };

  // The signature follows the other fields until the person writes their own.
  createEffect(
    on([() => ({ ...form }), communes], () => {
      if (!signatureEdited()) setForm('signature', proposedSignature(form, communes() ?? []));
    }),
  );
  createEffect(on(() => form.kind, (kind) => setForm('idKind', kind === 'structure' ? 'finess' : 'rpps'), { defer: true }));

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setSubmitted(true);
    setFailure(null);
    const result = validate();
    if (!result.ok) {
      setFailure(fr.forms.fixErrors(Object.keys(errors()).length || result.errors.length));
      queueMicrotask(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setBusy(true);
    try {
      await register(result.value);
      navigate('/inscription/suivi');
    } catch (err) {
      setFailure(messageOf(err));
      if (err instanceof ApiError && err.fields.length) setErrors(byKey(err.fields));
    } finally {
      setBusy(false);
    }
  }

  const input = (key: FormKey, label: string, opts: { type?: string; hint?: string; autocomplete?: string; inputmode?: 'numeric' | 'tel' | 'email' | 'text' } = {}) => (
    <FormField id={`reg-${key}`} label={label} hint={opts.hint} error={errors()[key]}>
      <input
        class="field__input"
        {...controlProps(`reg-${key}`, errors()[key], opts.hint)}
        type={opts.type ?? 'text'}
        name={key}
        autocomplete={opts.autocomplete ?? 'off'}
        inputmode={opts.inputmode}
        value={form[key] as string}
        onInput={(e) => set(key, e.currentTarget.value as never)}
      />
    </FormField>
  );
  const select = (key: FormKey, label: string, options: Array<[string, string]>) => (
    <FormField id={`reg-${key}`} label={label} error={errors()[key]}>
      <select class="field__input" {...controlProps(`reg-${key}`, errors()[key])} name={key} value={form[key] as string} onChange={(e) => set(key, e.currentTarget.value as never)}>
        <For each={options}>{([value, text]) => <option value={value}>{text}</option>}</For>
      </select>
    </FormField>
  );
  const professional = () => form.kind === 'professional';
  const idWarning = () => warnings().find((w) => w.field.startsWith('identifiers'))?.message;

  return (
    <main id="main" class="public">
      <form class="public__form stack" onSubmit={(e) => void submit(e)} novalidate data-testid="registration-form">
        <p class="login__brand">{fr.app.fullName}</p>
        <h1 class="page-title">{t.title}</h1>
        <p class="muted">{t.intro}</p>
        <Show when={prefill()}>
          {(p) => (
            <p class={p().error ? 'notice notice--warning' : 'notice notice--ok'} role="status" data-testid="reg-psc-prefill">
              {p().text}
            </p>
          )}
        </Show>
        <fieldset class="panel">
          <legend>{t.kind}</legend>
          <label class="check">
            <input type="radio" name="kind" data-testid="reg-kind-professional" checked={professional()} onChange={() => set('kind', 'professional')} />
            {t.kindProfessional}
          </label>
          <label class="check">
            <input type="radio" name="kind" data-testid="reg-kind-structure" checked={!professional()} onChange={() => set('kind', 'structure')} />
            {t.kindStructure}
          </label>
        </fieldset>
        <fieldset class="panel">
          <legend>{t.identity}</legend>
          <Show
            when={professional()}
            fallback={
              <>
                {input('structureName', t.structureName, { autocomplete: 'organization' })}
                {select('profession', t.structureKind, [['', t.choose], ...Object.entries(STRUCTURE_KINDS)])}
              </>
            }
          >
            {select('civility', t.civility, [['', t.civilityNone], ['Dr', 'Dr'], ['Mme', 'Mme'], ['M.', 'M.']])}
            {input('lastName', t.lastName, { autocomplete: 'family-name' })}
            {input('firstName', t.firstName, { autocomplete: 'given-name' })}
            {select('profession', t.profession, [['', t.choose], ...Object.entries(PROFESSIONS)])}
            <FormField id="reg-specialty" label={t.specialty} hint={t.specialtyHint} error={errors().specialty}>
              <input class="field__input" {...controlProps('reg-specialty', errors().specialty, t.specialtyHint)} list="reg-specialties" value={form.specialty} onInput={(e) => set('specialty', e.currentTarget.value)} />
              <datalist id="reg-specialties">
                <For each={[GENERAL_PRACTICE, ...SPECIALTIES]}>{(s) => <option value={s} />}</For>
              </datalist>
            </FormField>
            {input('skills', t.skills, { hint: t.skillsHint })}
          </Show>
        </fieldset>
        <fieldset class="panel">
          <legend>{t.identifier}</legend>
          {select('idKind', t.identifierKind, (professional() ? PROFESSIONAL_IDS : STRUCTURE_IDS).map((k) => [k, IDENTIFIER_LABELS[k]]))}
          {input('idValue', t.identifierValue, { inputmode: 'numeric', hint: professional() ? t.identifierHintProfessional : t.identifierHintStructure })}
          <Show when={idWarning()}>{(w) => <p class="notice notice--warning" data-testid="reg-id-warning">{`${t.warning} : ${w()}`}</p>}</Show>
        </fieldset>
        <fieldset class="panel">
          <legend>{t.address}</legend>
          {input('number', t.number, { autocomplete: 'off' })}
          {input('street', t.street, { autocomplete: 'address-line1' })}
          {input('postcode', t.postcode, { inputmode: 'numeric', autocomplete: 'postal-code' })}
          {select('communeInsee', t.commune, [['', t.choose], ...(communes() ?? []).map((c): [string, string] => [c.insee, c.name]), [OUTSIDE, t.outside]])}
          <Show when={form.communeInsee === OUTSIDE}>{input('communeOther', t.communeOther, { autocomplete: 'address-level2' })}</Show>
        </fieldset>
        <fieldset class="panel">
          <legend>{t.contact}</legend>
          {input('mobile', t.mobile, { type: 'tel', autocomplete: 'tel', hint: t.mobileHint })}
          {input('landline', `${t.landline} ${fr.forms.optional}`, { type: 'tel', autocomplete: 'tel' })}
          {input('email', t.email, { type: 'email', autocomplete: 'email', inputmode: 'email', hint: t.emailHint })}
          {input('password', t.password, { type: 'password', autocomplete: 'new-password', hint: t.passwordHint })}
        </fieldset>
        <FormField id="reg-signature" label={t.signature} hint={t.signatureHint} error={errors().signature}>
          <textarea
            class="field__input"
            {...controlProps('reg-signature', errors().signature, t.signatureHint)}
            rows="4"
            maxLength={600}
            value={form.signature}
            onInput={(e) => {
              setSignatureEdited(true);
              set('signature', e.currentTarget.value);
            }}
          />
        </FormField>
        <Show when={failure()}>
          {(message) => (
            <p class="notice notice--error" role="alert" data-testid="registration-error">
              {message()}
            </p>
          )}
        </Show>
        <button type="submit" class="button button--primary" disabled={busy()} data-testid="registration-submit">
          {busy() ? t.submitting : t.submit}
        </button>
        <A href="/connexion">{t.haveAccount}</A>
      </form>
    </main>
  );
}
