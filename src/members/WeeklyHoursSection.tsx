/** The weekly hours of a member or a structure, and the channels they accept outside them, edited on the availability page. */
import { createSignal, For, Show } from 'solid-js';
import type { Availability } from '../domain/members/availability';
import { DEFAULT_WEEKLY_ALERT_BUDGET } from '../domain/members/reachability';
import { DAY_LABELS, type WeeklyRange } from '../domain/members/hours';
import * as fr from '../i18n/fr';
import { withOutsideHours, withRange, withoutRange, withTemplate } from './availability-edits';
import type { MemberEntry } from './queries';

const t = fr.availability;
type Edit = (a: Availability, now: number) => Availability;

export function WeeklyHoursSection(props: { entry: MemberEntry; onSave: (edit: Edit) => void; onInvalid: () => void }) {
  const hours = () => (props.entry.availability.weeklyHours ?? []) as WeeklyRange[];
  const structure = () => props.entry.kind === 'structure';
  const outside = () => (props.entry.availability.outsideHours ?? []) as Array<'push' | 'sms'>;
  const [day, setDay] = createSignal(0);
  const [start, setStart] = createSignal('08:30');
  const [end, setEnd] = createSignal('12:30');
  const add = (e: Event) => {
    e.preventDefault();
    if (!start() || !end() || start() === end()) return props.onInvalid();
    const range = { day: day(), start: start(), end: end() };
    props.onSave((a, now) => withRange(a, range, now));
  };
  const toggle = (channel: 'push' | 'sms', on: boolean) => {
    const next = on ? [...new Set([...outside(), channel])] : outside().filter((c) => c !== channel);
    props.onSave((a, now) => withOutsideHours(a, next, now));
  };
  return (
    <fieldset class="panel" data-testid="weekly-hours">
      <legend>{structure() ? t.serviceHoursTitle : t.hoursTitle}</legend>
      <p class="muted">{t.hoursHint}</p>
      <Show when={hours().length > 0} fallback={<p class="muted">{t.hoursNone}</p>}>
        <ul class="slots">
          <For each={DAY_LABELS.map((label, i) => ({ label, ranges: hours().filter((r) => r.day === i) })).filter((d) => d.ranges.length)}>
            {(d) => (
              <li data-testid="hours-day">
                <span class="slots__day">{d.label}</span>
                <For each={d.ranges}>
                  {(r) => (
                    <button type="button" class="button button--small button--ghost-dark" title={t.remove} onClick={() => props.onSave((a, now) => withoutRange(a, r, now))}>
                      {t.hoursRange(r.start, r.end)} ✕
                    </button>
                  )}
                </For>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <form class="row" onSubmit={add}>
        <label class="inline">
          {t.hoursDay}
          <select class="field__input field__input--short" data-testid="hours-day-select" onChange={(e) => setDay(Number(e.currentTarget.value))}>
            <For each={DAY_LABELS}>{(label, i) => <option value={i()}>{label}</option>}</For>
          </select>
        </label>
        <label class="inline">{t.hoursFrom}<input class="field__input field__input--short" type="time" required value={start()} onInput={(e) => setStart(e.currentTarget.value)} data-testid="hours-start" /></label>
        <label class="inline">{t.hoursTo}<input class="field__input field__input--short" type="time" required value={end()} onInput={(e) => setEnd(e.currentTarget.value)} data-testid="hours-end" /></label>
        <button type="submit" class="button button--secondary" data-testid="hours-add">{t.add}</button>
      </form>
      <button type="button" class="button button--ghost-dark" data-testid="hours-template" onClick={() => props.onSave((a, now) => withTemplate(a, props.entry.profession, now))}>
        {t.hoursTemplate}
      </button>
      <Show when={!structure()}>
        <p class="field__label">{t.outsideTitle}</p>
        <label class="check"><input type="checkbox" checked={outside().includes('push')} data-testid="outside-push" onChange={(e) => toggle('push', e.currentTarget.checked)} />{t.outsidePush}</label>
        <label class="check"><input type="checkbox" checked={outside().includes('sms')} onChange={(e) => toggle('sms', e.currentTarget.checked)} />{t.outsideSms}</label>
        <p class="muted">{t.outsideHint}</p>
        <label class="inline">
          {t.budget}
          <input
            class="field__input field__input--short"
            type="number"
            min="1"
            max="200"
            data-testid="alert-budget"
            value={props.entry.availability.weeklyAlertBudget ?? DEFAULT_WEEKLY_ALERT_BUDGET}
            onChange={(e) => {
              const budget = Math.max(1, Math.min(200, Math.round(Number(e.currentTarget.value)) || DEFAULT_WEEKLY_ALERT_BUDGET));
              props.onSave((a) => ({ ...a, weeklyAlertBudget: budget }));
            }}
          />
        </label>
      </Show>
    </fieldset>
  );
}
