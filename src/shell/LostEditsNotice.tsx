/**
 * The notice of edits made on this device that a conflict did not keep: what, when, the value
 * written here and the one kept, and the way to re-apply it (directory entries) or to dismiss it.
 */
import { TERRITORY } from '../config';
import { createSignal, For, Show, type Accessor } from 'solid-js';
import * as fr from '../i18n/fr';
import { useSession } from '../session/session';
import { canReapply, dismissEdit, reapplyEdit, type LostEdit } from './lost-edits';

const FIRST = 3;
const DATE_TIME = new Intl.DateTimeFormat('fr-FR', { day: '2-digit', month: '2-digit', hour: '2-digit', minute: '2-digit', timeZone: TERRITORY.timeZone });
const ISO = /^\d{4}-\d{2}-\d{2}T/;

function when(iso: string | undefined): string {
  const t = iso ? Date.parse(iso) : NaN;
  return Number.isNaN(t) ? '' : DATE_TIME.format(t).replace(' ', ' à ');
}

function label(path: string): string {
  return fr.lostEdits.fields[path] ?? fr.lostEdits.fields[path.split('.')[0]] ?? path;
}

/** A value as a person reads it: dates in French, slots as ranges, long texts cut. */
export function describe(value: unknown): string {
  if (value === undefined || value === null || value === '') return fr.lostEdits.empty;
  if (typeof value === 'boolean') return value ? fr.lostEdits.yes : fr.lostEdits.no;
  if (typeof value === 'string') return ISO.test(value) ? when(value) : value.length > 120 ? `${value.slice(0, 119)}…` : value;
  if (Array.isArray(value)) {
    if (value.length === 0) return fr.lostEdits.none;
    if (value.every((v) => typeof v === 'object' && v && 'start' in v && 'end' in v)) {
      return value.map((v: { start: string; end: string }) => `${when(v.start)} → ${when(v.end)}`).join(' ; ');
    }
    return value.every((v) => typeof v === 'string') ? value.join(', ') : fr.lostEdits.items(value.length);
  }
  return String(value);
}

function Edit(props: { edit: LostEdit }) {
  const session = useSession();
  const [message, setMessage] = createSignal<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = createSignal(false);
  const e = () => props.edit;

  async function reapply() {
    const user = session.user();
    if (!user) return;
    setBusy(true);
    const result = await reapplyEdit(user, e()).finally(() => setBusy(false));
    setMessage(result.ok ? { text: fr.lostEdits.reapplied, error: false } : { text: result.message, error: true });
  }

  return (
    <li class="lost-edit" data-testid="lost-edit" data-collection={e().collection}>
      <p>
        {fr.lostEdits.summary(fr.lostEdits.what[e().collection] ?? '', e().title, when(e().editedAt))}
        {fr.lostEdits.reason(e().collection, when(e().keptAt))}
      </p>
      <Show when={e().collection === 'patients' || e().collection === 'messages'}>
        <p>{fr.lostEdits.patientHidden}</p>
      </Show>
      <ul class="lost-edit__fields">
        <For each={e().fields}>
          {(f) => (
            <li data-testid="lost-edit-field" data-path={f.path}>
              <strong>{f.path === '_deleted' ? fr.lostEdits.deletion : label(f.path)}</strong>
              <Show when={'mine' in f}>
                {' : '}
                {fr.lostEdits.mine} <mark>{describe(f.mine)}</mark> — {fr.lostEdits.kept} <span>{describe(f.kept)}</span>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <div class="row">
        <Show when={canReapply(e())}>
          <button type="button" class="button button--small" data-testid="lost-edit-reapply" disabled={busy()} onClick={() => void reapply()}>
            {fr.lostEdits.reapply}
          </button>
        </Show>
        <button type="button" class="button button--small button--ghost-dark" data-testid="lost-edit-dismiss" onClick={() => void dismissEdit(e().id)}>
          {fr.lostEdits.dismiss}
        </button>
      </div>
      <Show when={message()}>{(m) => <p role="status" class={m().error ? 'lost-edit__error' : undefined}>{m().text}</p>}</Show>
    </li>
  );
}

/** `edits`: the kept edits, live (`createLostEdits`); the frame shows the notice while there are some. */
export default function LostEditsNotice(props: { edits: Accessor<LostEdit[]> }) {
  const edits = () => props.edits();
  const [all, setAll] = createSignal(false);
  const shown = () => (all() ? edits() : edits().slice(0, FIRST));
  return (
    <Show when={edits().length > 0}>
      <section class="notice notice--warning lost-edits" role="alert" data-testid="lost-edits">
        <h2 class="lost-edits__title">{fr.lostEdits.title(edits().length)}</h2>
        <ul class="lost-edits__list">
          <For each={shown()}>{(edit) => <Edit edit={edit} />}</For>
        </ul>
        <Show when={!all() && edits().length > FIRST}>
          <button type="button" class="button button--small button--ghost-dark" onClick={() => setAll(true)}>
            {fr.lostEdits.more(edits().length - FIRST)}
          </button>
        </Show>
      </section>
    </Show>
  );
}
