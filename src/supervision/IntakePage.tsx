/**
 * `/coordination/saisie`: phone intake — a professional calls the platform and the coordinator posts
 * the request for them (`requesterId` = the caller, `intakeBy` = the coordinator), with the same fields
 * as their own form; saved on the device first, so it works offline too.
 */
import { useNavigate } from '@solidjs/router';
import { createResource, createSignal, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { Member } from '../domain/members/schema';
import type { RequestType } from '../domain/requests/types';
import type { Commune } from '../domain/territory/communes';
import * as fr from '../i18n/fr';
import { CoordinatorOnly } from '../coordination/CoordinatorOnly';
import { LocationPicker } from '../map/LocationPicker';
import { controlProps, FormField } from '../registration/FormField';
import { saveRequest } from '../requests/commands';
import { emptyForm, withType, type FormErrors, type RequestForm } from '../requests/form';
import { newRequestId } from '../requests/ids';
import { ConsentField, PatientFields } from '../requests/PatientFields';
import { SpecialtyField, TargetFields } from '../requests/TargetFields';
import { TypeChooser } from '../requests/TypeChooser';
import { UsualProfessional } from '../requests/UsualProfessional';
import { useSession } from '../session/session';
import { loadCommunes } from '../territory/communes';
import { checkIntake } from './intake';
import { MemberPicker } from './MemberPicker';
import { createDirectory } from './queries';

const t = fr.supervision;
const f = fr.requests.form;

export default function IntakePage() {
  return (
    <CoordinatorOnly>
      <Intake />
    </CoordinatorOnly>
  );
}

function Intake() {
  const session = useSession();
  const navigate = useNavigate();
  const directory = createDirectory();
  const [communes] = createResource(() => loadCommunes().catch(() => [] as Commune[]));
  const [form, setForm] = createStore<RequestForm>(emptyForm());
  const [callerId, setCallerId] = createSignal('');
  const [errors, setErrors] = createSignal<FormErrors>({});
  const [callerError, setCallerError] = createSignal<string>();
  const [failure, setFailure] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [tried, setTried] = createSignal(false);
  const requestId = newRequestId();

  const check = () => checkIntake({ ...form }, { user: session.user()!, requestId, now: Date.now(), communes: communes() ?? [] }, callerId());
  const recheck = () => {
    if (!tried()) return;
    const r = check();
    setErrors(r.ok ? {} : r.errors);
    setCallerError(r.ok ? undefined : r.callerError);
  };
  const set = <K extends keyof RequestForm>(key: K, value: RequestForm[K]) => {
    setForm(key as never, value as never);
    recheck();
  };
  const onType = (type: RequestType | '') => (type ? (setForm(withType(form, type)), recheck()) : set('type', ''));
  // The caller is a professional or a structure of the directory, never the coordination itself.
  const eligible = (m: Member) => m.status === 'active' && m.id !== session.user()?.memberId && m.profession !== 'coordination';

  async function submit(e: SubmitEvent) {
    e.preventDefault();
    setTried(true);
    setFailure(null);
    const checked = check();
    if (!checked.ok) {
      setErrors(checked.errors);
      setCallerError(checked.callerError);
      setFailure(checked.message ?? fr.forms.fixErrors(Object.keys(checked.errors).length + (checked.callerError ? 1 : 0)));
      queueMicrotask(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setBusy(true);
    try {
      const saved = await saveRequest(checked.request, checked.patient, []);
      if (!saved.ok) return setFailure(saved.message);
      navigate(`/coordination/demandes/${requestId}`);
    } catch {
      setFailure(fr.errors.generic);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="stack request-form" novalidate data-testid="intake-form" onSubmit={(e) => void submit(e)}>
      <h1 class="page-title">{t.intakeTitle}</h1>
      <p class="muted">{t.intakeIntro}</p>
      <fieldset class="panel">
        <legend>{t.caller}</legend>
        <MemberPicker id="intake-caller" label={t.caller} value={callerId()} members={directory.items()} eligible={eligible} error={callerError()} onChange={(id) => (setCallerId(id), recheck())} />
      </fieldset>
      <TypeChooser value={form.type} error={errors().type} onChange={onType} />
      <SpecialtyField form={form} errors={errors()} set={set} />
      <TargetFields form={form} errors={errors()} set={set} />
      <div data-testid="request-place" classList={{ 'field--error': Boolean(errors().place) }}>
        <LocationPicker value={form.place} onChange={(p) => set('place', p)} />
        <Show when={errors().place}>
          <p class="field__error">{errors().place}</p>
        </Show>
      </div>
      <FormField id="request-question" label={f.question} hint={f.questionHint} error={errors().question}>
        <textarea class="field__input" rows="4" maxlength="1000" {...controlProps('request-question', errors().question, f.questionHint)} value={form.question} onInput={(e) => set('question', e.currentTarget.value)} />
      </FormField>
      <UsualProfessional value={form.usualProfessionalId} professions={form.professions} error={errors().usualProfessionalId} onChange={(id) => set('usualProfessionalId', id)} />
      <fieldset class="panel" data-testid="patient-block">
        <legend>{f.patient}</legend>
        <PatientFields form={form} errors={errors()} set={set} />
      </fieldset>
      <ConsentField checked={form.consent} error={errors().consent} onChange={(checked) => set('consent', checked)} />
      <p class="field__hint">{t.consentByCaller}</p>
      <Show when={failure()}>
        <p class="notice notice--error" role="alert" data-testid="intake-error">{failure()}</p>
      </Show>
      <button type="submit" class="button button--primary" data-testid="intake-submit" disabled={busy()}>
        {busy() ? f.submitting : t.intakeSubmit}
      </button>
    </form>
  );
}
