/**
 * `/demandes/nouvelle` (and `?brouillon=<id>`): posts a request in under 30 seconds on a phone — the
 * type first, which pre-fills the rest; a known patient in a tap, bringing their place; the question
 * dictated — offline too: it is saved on the device and goes out when the network returns.
 */
import { useNavigate, useSearchParams } from '@solidjs/router';
import { createEffect, createMemo, createResource, createSignal, For, lazy, on, Show, Suspense } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { Point } from '../domain/geo';
import { REQUEST_KINDS, type RequestType } from '../domain/requests/types';
import type { Commune } from '../domain/territory/communes';
import * as fr from '../i18n/fr';
import { log } from '../log';
import { searchPlaces } from '../map/geocode';
import { LocationPicker, type PatientPlace } from '../map/LocationPicker';
import { createMemberEntry } from '../members/queries';
import { PatientChooser } from '../patients/PatientChooser';
import { rememberPatient } from '../patients/store';
import type { TerritoryMap as MapApi } from '../map/territory-map';
import { controlProps, FormField } from '../registration/FormField';
import { useSession } from '../session/session';
import { loadCommunes } from '../territory/communes';
import { AttachmentView } from './AttachmentView';
import { saveRequest } from './commands';
import { createFileBatch } from './file-batch';
import { DictationButton, withDictated } from './Dictation';
import { FilePicker } from './FilePicker';
import { checkForm, emptyForm, formOf, withType, type FormErrors, type RequestForm } from './form';
import { newRequestId } from './ids';
import { ConsentField } from './PatientFields';
import { defaultPlace, placeOfAddress } from './place-default';
import { createRequestView } from './queries';
import { SpecialtyField, TargetFields } from './TargetFields';
import { TypeChooser } from './TypeChooser';
import { UsualProfessional } from './UsualProfessional';
import './requests.css';

const PickMap = lazy(() => import('./PickMap'));
const t = fr.requests.form;

export default function NewRequestPage() {
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams<{ brouillon?: string }>();
  const requestId = params.brouillon ?? newRequestId();
  const draft = params.brouillon ? createRequestView(() => requestId) : undefined;
  const [communes] = createResource(() => loadCommunes().catch(() => [] as Commune[]));
  const [form, setForm] = createStore<RequestForm>(emptyForm());
  const batch = createFileBatch();
  const files = batch.files;
  const [errors, setErrors] = createSignal<FormErrors>({});
  const [failure, setFailure] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [tried, setTried] = createSignal<'sent' | 'draft' | null>(null);

  // A draft fills the form when it is read from the device, until the user starts typing.
  let touched = false;
  createEffect(
    on([() => draft?.request(), () => draft?.patient()], ([request, patient]) => {
      if (!touched && request?.status === 'draft') setForm(formOf(request, patient));
    }),
  );

  const context = (status: 'sent' | 'draft') => ({ user: session.user()!, requestId, now: Date.now(), communes: communes() ?? [], status, previous: draft?.request() });
  const current = (): RequestForm => ({ ...form, photos: [...form.photos, ...files().map(({ blob: _blob, ...meta }) => meta)] });
  const set = <K extends keyof RequestForm>(key: K, value: RequestForm[K]) => {
    touched = true;
    setForm(key as never, value as never);
    // After a first attempt, errors (and the summary above the buttons) follow the typing.
    const status = tried();
    if (!status) return;
    const checked = checkForm(current(), context(status));
    setErrors(checked.ok ? {} : checked.errors);
    setFailure(checked.ok ? null : (checked.message ?? fr.forms.fixErrors(Object.keys(checked.errors).length)));
  };
  const onType = (type: RequestType | '') => {
    touched = true;
    if (type) setForm(withType(form, type));
    else set('type', '');
  };

  // The place follows the patient (their known place, or the commune their address names), else the
  // practice for a need met away from home, until the user chooses one; a draft keeps its own.
  const me = createMemberEntry(() => session.user()?.memberId);
  const practice = createMemo((): PatientPlace | undefined => {
    const m = me();
    return m?.location ? { lat: m.location.lat, lon: m.location.lon, label: fr.picker.practiceLabel(m.address.commune), source: 'practice', insee: m.address.communeInsee } : undefined;
  });
  const [placeChosen, setPlaceChosen] = createSignal(Boolean(params.brouillon));
  const [patientPlace, setPatientPlace] = createSignal<PatientPlace>();
  createEffect(() => {
    const place = defaultPlace(form.type, { patient: patientPlace(), practice: practice() });
    if (!placeChosen()) setForm('place', place);
  });
  const choosePlace = (place: PatientPlace | undefined) => {
    setPlaceChosen(true);
    set('place', place);
  };
  let addressAsked = '';
  async function placeFromAddress(address: string) {
    addressAsked = address;
    setPatientPlace(placeOfAddress(address, communes() ?? []));
    if (address.trim().length < 3 || !navigator.onLine) return;
    // Online, the national address base places it better than the commune's centre.
    const found = await searchPlaces(address).catch(() => []);
    const best = found.find((p) => !p.approximate);
    if (best && addressAsked === address) setPatientPlace({ lat: best.lat, lon: best.lon, label: best.label, source: 'address' });
  }

  // Picking on the map: the map is loaded on demand, then armed.
  const [showMap, setShowMap] = createSignal(false);
  let mapReady: (api: MapApi) => void = () => undefined;
  const mapApi = new Promise<MapApi>((resolve) => (mapReady = resolve));
  const pickOnMap = (done: (p: Point) => void) => {
    setShowMap(true);
    let cancel: () => void = () => undefined;
    let cancelled = false;
    void mapApi.then((api) => !cancelled && (cancel = api.pick(done)));
    return () => ((cancelled = true), cancel());
  };
  const placeFromMap = (p: Point): PatientPlace => ({ ...p, label: fr.picker.mapLabel, source: 'map' });

  async function submit(status: 'sent' | 'draft') {
    setTried(status);
    setFailure(null);
    // A photo still being compressed goes with the request: wait for it.
    if (batch.preparing() > 0) {
      setBusy(true);
      await batch.ready();
      setBusy(false);
    }
    const checked = checkForm(current(), context(status));
    if (!checked.ok) {
      setErrors(checked.errors);
      setFailure(checked.message ?? fr.forms.fixErrors(Object.keys(checked.errors).length));
      queueMicrotask(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
      return;
    }
    setBusy(true);
    try {
      const saved = await saveRequest(checked.request, checked.patient, files());
      if (!saved.ok) return setFailure(saved.message);
      // The next request for this patient starts from a tap (the list stays on this device).
      if (checked.patient) await rememberPatient(checked.patient.identity, form.place, Date.now()).catch((err: unknown) => log.error('patients.remember', err));
      navigate(`/demandes/${requestId}`, { replace: Boolean(params.brouillon) });
    } catch {
      setFailure(fr.errors.generic);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form class="stack request-form" novalidate data-testid="request-form" onSubmit={(e) => (e.preventDefault(), void submit('sent'))}>
      <h1 class="page-title">{params.brouillon ? t.draftTitle : t.title}</h1>
      <p class="muted">{t.intro}</p>
      <TypeChooser value={form.type} error={errors().type} onChange={onType} />
      <Show when={form.type}>
        <SpecialtyField form={form} errors={errors()} set={set} />
        <PatientChooser form={form} errors={errors()} set={set} onPlace={(place) => setPatientPlace(place)} onAddress={(a) => void placeFromAddress(a)} />
        <FormField id="request-question" label={t.question} hint={t.questionHint} error={errors().question}>
          <textarea class="field__input" rows="4" maxlength="1000" {...controlProps('request-question', errors().question, t.questionHint)} value={form.question} onInput={(e) => set('question', e.currentTarget.value)} />
          <DictationButton testid="request-dictate" onSaid={(said) => set('question', withDictated(form.question, said))} />
        </FormField>
        <Show when={form.photos.length > 0}>
          <div class="thumbs"><For each={form.photos}>{(p) => <AttachmentView id={p.id} contentType={p.contentType} allowed />}</For></div>
        </Show>
        <FilePicker id="request-files" label={t.photos} files={files()} onChange={batch.setFiles} onPreparing={batch.track} />
        <div data-testid="request-place" classList={{ 'field--error': Boolean(errors().place) }}>
          <LocationPicker value={form.place} onChange={choosePlace} pickOnMap={pickOnMap} />
          <Show when={errors().place}>
            <p class="field__error" data-testid="request-place-error">{errors().place}</p>
          </Show>
          <Show when={showMap()}>
            <Suspense>
              <PickMap place={form.place} radiusKm={form.type ? REQUEST_KINDS[form.type].radiusKm : 10} onMove={(p) => choosePlace(placeFromMap(p))} ref={mapReady} />
            </Suspense>
          </Show>
        </div>
        <TargetFields form={form} errors={errors()} set={set} />
        <UsualProfessional value={form.usualProfessionalId} professions={form.professions} error={errors().usualProfessionalId} onChange={(id) => set('usualProfessionalId', id)} />
        <ConsentField checked={form.consent} error={errors().consent} onChange={(checked) => set('consent', checked)} />
      </Show>
      <Show when={failure()}>
        <p class="notice notice--error" role="alert" data-testid="request-form-error">{failure()}</p>
      </Show>
      <div class="row">
        <button type="submit" class="button button--primary" data-testid="request-submit" disabled={busy()}>
          {busy() ? t.submitting : t.submit}
        </button>
        <button type="button" class="button button--secondary" data-testid="request-save-draft" disabled={busy()} onClick={() => void submit('draft')}>
          {t.saveDraft}
        </button>
      </div>
    </form>
  );
}
