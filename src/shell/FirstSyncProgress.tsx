/** Under the header while a fresh device syncs for the first time: a bar and what is left, per collection. */
import { createMemo, Show } from 'solid-js';
import { firstSyncProgress } from '../data/first-sync-progress';
import { overall, whatIsLeft } from '../domain/sync/progress';
import * as fr from '../i18n/fr';

export function FirstSyncProgress() {
  const left = createMemo(() => whatIsLeft(firstSyncProgress()));
  const sums = createMemo(() => overall(firstSyncProgress()));
  return (
    <Show when={left().length > 0}>
      <div class="notice banner first-sync" role="status" data-testid="first-sync-progress">
        <strong>{fr.sync.firstSync.title}</strong>
        <progress value={sums().received} max={sums().total} aria-label={fr.sync.firstSync.title} />
        <span data-testid="first-sync-left">{fr.sync.firstSync.left(left())}</span>
        <span class="muted">{fr.sync.firstSync.hint}</span>
      </div>
    </Show>
  );
}
