/** `/disponibilite`: the member declares, offline if need be, when they can take unscheduled requests. */
import { createSignal, For, onCleanup, Show, type JSX } from 'solid-js';
import { availabilityState, isGeneralPractitioner, nextOnCall, visitsAtHome, withoutEnded, type Availability } from '../domain/members/availability';
import * as fr from '../i18n/fr';
import { pendingCount } from '../data/replication';
import { useSession } from '../session/session';
import { absenceSlot, availableFor, availableUntilTime, notAvailable, onCallNextWeek, onCallSlot, withoutSlot, withSlot, type Slot } from './availability-edits';
import { CapacitySection } from './CapacitySection';
import { WeeklyHoursSection } from './WeeklyHoursSection';
import { saveAvailability } from './commands';
import { dateLabel, slotLabel, timeLabel } from './format';
import { createMemberEntry, type MemberEntry } from './queries';
import { StatusNotice } from '../shell/StatusNotice';

const HOURS = [1, 2, 4, 8];

export default function AvailabilityPage() {
  const session = useSession();
  const member = createMemberEntry(() => session.user()?.memberId);
  const [message, setMessage] = createSignal<{ text: string; error: boolean } | null>(null);
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), 30_000);
  onCleanup(() => clearInterval(timer));

  async function save(entry: MemberEntry, edit: (a: Availability, now: number) => Availability) {
    const user = session.user();
    if (!user) return;
    const result = await saveAvailability(user, entry, edit(structuredClone(entry.availability) as Availability, Date.now()));
    setNow(Date.now());
    setMessage(result.ok ? { text: navigator.onLine ? fr.availability.saved : fr.availability.savedPending, error: false } : { text: result.message, error: true });
  }

  return (
    <section class="stack" aria-labelledby="availability-title">
      <h1 id="availability-title" class="page-title">
        {fr.availability.title}
      </h1>
      <Show when={member()} fallback={<p class="notice">{fr.availability.notFound}</p>}>
        {(entry) => (
          <>
            <State availability={entry().availability as Availability} now={now()} />
            <StatusNotice outcome={message()} testId="availability-message">
              <Show when={!message()?.error && pendingCount() > 0}> ({fr.sync.pending(pendingCount())})</Show>
            </StatusNotice>
            <NowSection onSave={(edit) => void save(entry(), edit)} />
            <WeeklyHoursSection entry={entry()} onSave={(edit) => void save(entry(), edit)} onInvalid={() => setMessage({ text: fr.availability.invalidSlot, error: true })} />
            <Show when={entry().kind === 'structure'}>
              <CapacitySection entry={entry()} now={now} onSave={(edit) => void save(entry(), edit)} />
            </Show>
            <SlotsSection
              title={fr.availability.onCallTitle}
              none={fr.availability.onCallNone}
              slots={withoutEnded(entry().availability as Availability, now()).onCall}
              testid="on-call"
              onRemove={(slot) => void save(entry(), (a, t) => withoutSlot(a, 'onCall', slot, t))}
            >
              <OnCallForm onAdd={(slot) => void save(entry(), (a, t) => withSlot(a, 'onCall', slot, t))} onInvalid={() => setMessage({ text: fr.availability.invalidSlot, error: true })} />
              <Show when={withoutEnded(entry().availability as Availability, now()).onCall.length > 0}>
                <button type="button" class="button button--ghost-dark" data-testid="on-call-next-week" onClick={() => void save(entry(), onCallNextWeek)}>
                  {fr.availability.onCallNextWeek}
                </button>
              </Show>
            </SlotsSection>
            <SlotsSection
              title={fr.availability.absencesTitle}
              none={fr.availability.absencesNone}
              slots={withoutEnded(entry().availability as Availability, now()).absences}
              testid="absence"
              days
              onRemove={(slot) => void save(entry(), (a, t) => withoutSlot(a, 'absences', slot, t))}
            >
              <AbsenceForm onAdd={(slot) => void save(entry(), (a, t) => withSlot(a, 'absences', slot, t))} onInvalid={() => setMessage({ text: fr.availability.invalidSlot, error: true })} />
            </SlotsSection>
            <PatientsSection entry={entry()} onSave={(edit) => void save(entry(), edit)} />
          </>
        )}
      </Show>
    </section>
  );
}

function State(props: { availability: Availability; now: number }) {
  const text = () => {
    const a = props.availability;
    switch (availabilityState(a, props.now)) {
      case 'available':
        return fr.availability.stateAvailable(timeLabel(a.availableUntil!));
      case 'on-call':
        return fr.availability.stateOnCall(timeLabel(nextOnCall(a, props.now)!.end));
      case 'absent':
        return fr.availability.stateAbsent(dateLabel(a.absences.find((s) => Date.parse(s.start) <= props.now && props.now < Date.parse(s.end))!.end, true));
      default:
        return fr.availability.stateUnavailable;
    }
  };
  return (
    <p class="state" data-testid="availability-state" data-state={availabilityState(props.availability, props.now)}>
      {text()}
    </p>
  );
}

type Edit = (a: Availability, now: number) => Availability;

function NowSection(props: { onSave: (edit: Edit) => void }) {
  const [until, setUntil] = createSignal('20:00');
  return (
    <fieldset class="panel">
      <legend>{fr.availability.nowTitle}</legend>
      <div class="row">
        <For each={HOURS}>
          {(h) => (
            <button type="button" class="button" data-testid={`available-${h}h`} onClick={() => props.onSave((a, t) => availableFor(a, h, t))}>
              {fr.availability.forHours(h)}
            </button>
          )}
        </For>
      </div>
      <form class="row" onSubmit={(e) => (e.preventDefault(), props.onSave((a, t) => availableUntilTime(a, until(), t)))}>
        <label class="inline">
          {fr.availability.until}
          <input class="field__input field__input--short" type="time" required value={until()} onInput={(e) => setUntil(e.currentTarget.value)} />
        </label>
        <button type="submit" class="button button--secondary">
          {fr.availability.untilSubmit}
        </button>
      </form>
      <button type="button" class="button button--ghost-dark" data-testid="available-stop" onClick={() => props.onSave(notAvailable)}>
        {fr.availability.stop}
      </button>
    </fieldset>
  );
}

function SlotsSection(props: { title: string; none: string; slots: Slot[]; testid: string; days?: boolean; onRemove: (s: Slot) => void; children: JSX.Element }) {
  return (
    <fieldset class="panel">
      <legend>{props.title}</legend>
      <Show when={props.slots.length > 0} fallback={<p class="muted">{props.none}</p>}>
        <ul class="slots">
          <For each={props.slots}>
            {(slot) => (
              <li data-testid={props.testid}>
                <span>{slotLabel(slot, props.days)}</span>
                <button type="button" class="button button--small button--ghost-dark" onClick={() => props.onRemove(slot)}>
                  {fr.availability.remove}
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
      {props.children}
    </fieldset>
  );
}

function OnCallForm(props: { onAdd: (s: Slot) => void; onInvalid: () => void }) {
  let date!: HTMLInputElement, start!: HTMLInputElement, end!: HTMLInputElement;
  const submit = (e: Event) => {
    e.preventDefault();
    const slot = onCallSlot(date.value, start.value, end.value);
    if (slot) props.onAdd(slot);
    else props.onInvalid();
  };
  return (
    <form class="row" onSubmit={submit}>
      <label class="inline">{fr.availability.onCallDate}<input ref={date} class="field__input field__input--short" type="date" required data-testid="on-call-date" /></label>
      <label class="inline">{fr.availability.onCallStart}<input ref={start} class="field__input field__input--short" type="time" value="18:00" required /></label>
      <label class="inline">{fr.availability.onCallEnd}<input ref={end} class="field__input field__input--short" type="time" value="08:00" required /></label>
      <button type="submit" class="button button--secondary" data-testid="on-call-add">{fr.availability.add}</button>
    </form>
  );
}

function AbsenceForm(props: { onAdd: (s: Slot) => void; onInvalid: () => void }) {
  let from!: HTMLInputElement, to!: HTMLInputElement;
  const submit = (e: Event) => {
    e.preventDefault();
    const slot = absenceSlot(from.value, to.value);
    if (slot) props.onAdd(slot);
    else props.onInvalid();
  };
  return (
    <form class="row" onSubmit={submit}>
      <label class="inline">{fr.availability.absenceFrom}<input ref={from} class="field__input field__input--short" type="date" required /></label>
      <label class="inline">{fr.availability.absenceTo}<input ref={to} class="field__input field__input--short" type="date" required /></label>
      <button type="submit" class="button button--secondary">{fr.availability.add}</button>
    </form>
  );
}

function PatientsSection(props: { entry: MemberEntry; onSave: (edit: Edit) => void }) {
  const gp = () => isGeneralPractitioner(props.entry);
  const visits = () => visitsAtHome(props.entry);
  return (
    <Show when={gp() || visits()}>
      <fieldset class="panel">
        <legend>{fr.availability.patientsTitle}</legend>
        <Show when={gp()}>
          <label class="check">
            <input
              type="checkbox"
              checked={props.entry.availability.acceptsNewPatients}
              onChange={(e) => {
                const value = e.currentTarget.checked;
                props.onSave((a) => ({ ...a, acceptsNewPatients: value }));
              }}
            />
            {fr.availability.acceptsNewPatients}
          </label>
        </Show>
        <Show when={visits()}>
          <label class="inline">
            {fr.availability.homeVisitRadius}
            <input
              class="field__input field__input--short"
              type="number"
              min="0"
              max="100"
              value={props.entry.availability.homeVisitRadiusKm ?? 0}
              onChange={(e) => {
                const km = Math.max(0, Math.min(100, Number(e.currentTarget.value) || 0));
                props.onSave((a) => ({ ...a, homeVisitRadiusKm: km }));
              }}
            />
          </label>
        </Show>
      </fieldset>
    </Show>
  );
}
