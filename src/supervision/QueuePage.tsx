/** `/coordination/file`: the live supervision queue, re-evaluated every 30 s and on every change of the local requests. */
import { createMemo, createSignal, For, Show } from 'solid-js';
import * as fr from '../i18n/fr';
import { CoordinatorOnly } from '../coordination/CoordinatorOnly';
import { createNow } from '../requests/clock';
import { createMemberNames } from '../requests/queries';
import { useSession } from '../session/session';
import { createOpenRequests } from './queries';
import { namedIn, queueFor, type QueueScope } from './queue';
import { QueueEntry } from './QueueEntry';

const t = fr.supervision;
const SCOPE_KEY = 'cpts.supervision.scope';

export default function QueuePage() {
  return (
    <CoordinatorOnly>
      <Queue />
    </CoordinatorOnly>
  );
}

function Queue() {
  const session = useSession();
  const open = createOpenRequests();
  const now = createNow(30_000);
  // Remembered on the device: a coordinator on duty usually keeps one view.
  const [scope, setScope] = createSignal<QueueScope>(localStorage.getItem(SCOPE_KEY) === 'all' ? 'all' : 'mine');
  const choose = (s: QueueScope) => {
    localStorage.setItem(SCOPE_KEY, s);
    setScope(s);
  };
  const items = createMemo(() => {
    // Subscribed for its 30-s tick; any change of the requests re-evaluates at once, at the real time.
    now();
    return queueFor(open.items(), Date.now(), session.user()?.memberId ?? '', scope());
  });
  const names = createMemberNames(() => items().flatMap((i) => namedIn(i.request)));
  const nameOf = (id: string) => names().get(id) ?? id;

  return (
    <section class="stack supervision" aria-labelledby="queue-title">
      <h1 id="queue-title" class="page-title">{t.queueTitle}</h1>
      <p class="muted">{t.queueIntro}</p>
      <div class="row" role="radiogroup" aria-label={t.scope}>
        <For each={['mine', 'all'] as QueueScope[]}>
          {(s) => (
            <label class="choice">
              <input type="radio" name="queue-scope" value={s} data-testid={`queue-scope-${s}`} checked={scope() === s} onChange={() => choose(s)} />
              {s === 'mine' ? t.scopeMine : t.scopeAll}
            </label>
          )}
        </For>
      </div>
      <Show when={open.failed()}>
        <p class="notice notice--error">{fr.errors.generic}</p>
      </Show>
      <Show when={open.loaded()} fallback={<p class="muted">{t.loading}</p>}>
        <p class="directory__count" data-testid="supervision-count" aria-live="polite">{t.queueCount(items().length)}</p>
        <Show when={items().length > 0} fallback={<p class="muted">{t.queueEmpty}</p>}>
          <ul class="cards cards--single">
            <For each={items()}>{(item) => <QueueEntry item={item} nameOf={nameOf} />}</For>
          </ul>
        </Show>
      </Show>
    </section>
  );
}
