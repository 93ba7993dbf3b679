/** `/coordination/permanences`: who is on duty now and in the coming days; coordinators add and remove shifts (online). */
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { messageOf } from '../data/json-api';
import * as fr from '../i18n/fr';
import { CoordinatorOnly } from '../coordination/CoordinatorOnly';
import { slotLabel } from '../members/format';
import { useSession } from '../session/session';
import { addShift, removeShift, roster } from './api';
import { ConfirmAction } from './ConfirmAction';
import { PharmacyRota } from './PharmacyRota';
import { createDirectory } from './queries';
import { byDay, coordinatorChoices, defaultShift } from './roster';
import { StatusNotice } from '../shell/StatusNotice';
import './supervision.css';

const t = fr.supervision;
const OTHER = '__other__';
const DAY = new Intl.DateTimeFormat('fr-FR', { weekday: 'long', day: 'numeric', month: 'long' });

export default function RosterPage() {
  return (
    <CoordinatorOnly>
      <Roster />
    </CoordinatorOnly>
  );
}

function Roster() {
  const session = useSession();
  const me = () => session.user()!.memberId;
  const directory = createDirectory();
  const [data, { refetch }] = createResource(roster);
  const [notice, setNotice] = createSignal<{ text: string; error: boolean } | null>(null);
  const choices = createMemo(() => coordinatorChoices(data(), me(), directory.items().filter((m) => m.profession === 'coordination').map((m) => m.id)));
  const initial = defaultShift(Date.now());
  const [who, setWho] = createSignal(me());
  const [other, setOther] = createSignal('');
  const [start, setStart] = createSignal(initial.start);
  const [end, setEnd] = createSignal(initial.end);
  const label = (id: string) => (id === me() ? t.you(directory.nameOf(id)) : directory.nameOf(id));

  async function run(work: () => Promise<unknown>) {
    setNotice(null);
    try {
      await work();
      setNotice({ text: t.saved, error: false });
      await refetch();
    } catch (err) {
      setNotice({ text: messageOf(err), error: true });
    }
  }
  const add = (e: SubmitEvent) => {
    e.preventDefault();
    const memberId = who() === OTHER ? other().trim() : who();
    void run(() => addShift({ memberId, start: new Date(start()).toISOString(), end: new Date(end()).toISOString() }));
  };

  return (
    <section class="stack supervision" aria-labelledby="roster-title">
      <h1 id="roster-title" class="page-title">{t.rosterTitle}</h1>
      <p class="muted">{t.rosterIntro}</p>
      <StatusNotice outcome={notice()} testId="roster-notice" />
      <Show when={data.error}><p class="notice notice--warning">{navigator.onLine ? messageOf(data.error) : t.rosterOffline}</p></Show>
      <Show when={data()}>
        {(d) => (
          <>
            <section class="panel" data-testid="on-duty">
              <h2 class="panel__title">{t.onDutyNow}</h2>
              <Show when={d().onDuty.length > 0} fallback={<p class="muted">{t.nobodyOnDuty}</p>}>
                <ul class="steps"><For each={d().onDuty}>{(id) => <li data-member-id={id}>{label(id)}</li>}</For></ul>
              </Show>
            </section>
            <section class="panel" data-testid="upcoming-shifts">
              <h2 class="panel__title">{t.upcoming}</h2>
              <Show when={d().shifts.length > 0} fallback={<p class="muted">{t.upcomingNone}</p>}>
                <For each={byDay(d().shifts)}>
                  {(day) => (
                    <div>
                      <h3 class="roster__day">{DAY.format(new Date(`${day.day}T12:00`))}</h3>
                      <ul class="timeline">
                        <For each={day.shifts}>
                          {(s) => (
                            <li class="timeline__item" data-testid="shift" data-shift-id={s.id}>
                              <span>
                                <strong>{label(s.memberId)}</strong> — {slotLabel(s)}
                              </span>
                              <ConfirmAction label={t.remove} question={t.removeConfirm} testid="shift-remove" onConfirm={() => run(() => removeShift(s.id))} />
                            </li>
                          )}
                        </For>
                      </ul>
                    </div>
                  )}
                </For>
              </Show>
            </section>
          </>
        )}
      </Show>
      <form class="panel" data-testid="shift-form" onSubmit={add}>
        <h2 class="panel__title">{t.addShift}</h2>
        <label class="field">
          <span class="field__label">{t.coordinator}</span>
          <select class="field__input" data-testid="shift-member" onChange={(e) => setWho(e.currentTarget.value)}>
            <For each={choices()}>{(id) => <option value={id} selected={who() === id}>{label(id)}</option>}</For>
            <option value={OTHER} selected={who() === OTHER}>{t.otherMember}</option>
          </select>
        </label>
        <Show when={who() === OTHER}>
          <label class="field">
            <span class="field__label">{t.otherMember}</span>
            <input class="field__input" data-testid="shift-member-id" pattern="[a-z0-9][a-z0-9-]{0,63}" value={other()} onInput={(e) => setOther(e.currentTarget.value)} />
          </label>
        </Show>
        <div class="grid-2">
          <label class="field">
            <span class="field__label">{t.start}</span>
            <input class="field__input" type="datetime-local" data-testid="shift-start" value={start()} onInput={(e) => setStart(e.currentTarget.value)} required />
          </label>
          <label class="field">
            <span class="field__label">{t.end}</span>
            <input class="field__input" type="datetime-local" data-testid="shift-end" value={end()} onInput={(e) => setEnd(e.currentTarget.value)} required />
          </label>
        </div>
        <button type="submit" class="button button--primary-inline" data-testid="shift-add">{t.add}</button>
      </form>
      <PharmacyRota directory={directory} onNotice={(text, error) => setNotice({ text, error })} />
    </section>
  );
}
