/**
 * The patient of a new request: typed in once, or taken in a tap from the device's list — the most
 * recent shown at once, the others as the name is typed; a known patient brings their place.
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { KnownPatient } from '../domain/requests/known-patient-schema';
import * as fr from '../i18n/fr';
import { shownBirthDate, type FormErrors, type RequestForm } from '../requests/form';
import { PatientFields } from '../requests/PatientFields';
import { birthDateLabel, findPatients } from './known';
import { createKnownPatients } from './store';
import '../requests/requests.css';

const t = fr.requests.form;
const SHOWN = 4;
const IDENTITY_KEYS = ['lastName', 'firstName', 'birthDate', 'sex', 'address', 'phone', 'usualDoctor'] as const;

export interface PatientChooserProps {
  form: RequestForm;
  errors: FormErrors;
  set<K extends keyof RequestForm>(key: K, value: RequestForm[K]): void;
  /** The patient's place: a known patient's, or none for a new one (their typed address may give it). */
  onPlace(place: KnownPatient['place']): void;
  onAddress(address: string): void;
}

export function PatientChooser(props: PatientChooserProps) {
  const known = createKnownPatients();
  const [picked, setPicked] = createSignal<KnownPatient>();
  const [editing, setEditing] = createSignal(false);
  const typedName = () => `${props.form.lastName} ${props.form.firstName}`.trim();
  const suggestions = createMemo(() => (picked() ? [] : findPatients(known.list(), typedName(), SHOWN)));
  // A picked identity the checks refuse is shown in its fields, with the errors.
  const folded = () => Boolean(picked()) && !editing() && !IDENTITY_KEYS.some((k) => props.errors[k]);

  const fill = (p: KnownPatient | undefined) => {
    const id = p?.identity;
    props.set('lastName', id?.lastName ?? '');
    props.set('firstName', id?.firstName ?? '');
    props.set('birthDate', id ? shownBirthDate(id.birthDate) : '');
    props.set('sex', id?.sex ?? '');
    props.set('address', id?.address ?? '');
    props.set('phone', id?.phone ?? '');
    props.set('usualDoctor', id?.usualDoctor ?? '');
    props.onPlace(p?.place);
  };
  const pick = (p: KnownPatient) => {
    setPicked(p);
    setEditing(false);
    fill(p);
  };
  const other = () => {
    setPicked(undefined);
    setEditing(false);
    fill(undefined);
  };

  return (
    <fieldset class="panel" data-testid="patient-block">
      <legend>{t.patient}</legend>
      <Show when={folded() && picked()}>
        {(p) => (
          <p class="picker__value" data-testid="patient-chosen">
            <strong>
              {p().identity.lastName.toUpperCase()} {p().identity.firstName}
            </strong>
            , {t.bornOn(birthDateLabel(p().identity.birthDate), p().identity.sex)}{' '}
            <button type="button" class="map-link" data-testid="patient-edit" onClick={() => setEditing(true)}>
              {t.patientEdit}
            </button>{' '}
            <button type="button" class="map-link" data-testid="patient-other" onClick={other}>
              {t.patientOther}
            </button>
          </p>
        )}
      </Show>
      <Show when={!folded()}>
        <Show when={suggestions().length > 0}>
          <div class="field">
            <span class="field__label" id="patient-known-label">
              {typedName() ? t.patientsFound : t.patientsRecent}
            </span>
            <ul class="choices" aria-labelledby="patient-known-label">
              <For each={suggestions()}>
                {(p) => (
                  <li>
                    <button type="button" class="choice-button" data-testid="patient-option" onClick={() => pick(p)}>
                      <strong>
                        {p.identity.lastName.toUpperCase()} {p.identity.firstName}
                      </strong>
                      <span class="muted">
                        {t.bornOn(birthDateLabel(p.identity.birthDate), p.identity.sex)}
                        {p.place ? ` · ${p.place.label}` : ''}
                      </span>
                    </button>
                  </li>
                )}
              </For>
            </ul>
          </div>
        </Show>
        <PatientFields form={props.form} errors={props.errors} set={props.set} onAddress={props.onAddress} />
      </Show>
    </fieldset>
  );
}
