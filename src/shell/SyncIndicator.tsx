/** The sync pill of the header: online, offline, syncing or in error, and how many changes wait to be sent. */
import { Show } from 'solid-js';
import { pendingCount, syncError, syncStatus, type SyncStatus } from '../data/replication';
import * as fr from '../i18n/fr';

const LABELS: Record<SyncStatus, string> = {
  online: fr.sync.online,
  offline: fr.sync.offline,
  syncing: fr.sync.syncing,
  error: fr.sync.error,
};

export function SyncIndicator() {
  return (
    <div class="sync" role="status" aria-label={fr.sync.label}>
      <span class="pill" data-testid="sync-indicator" data-status={syncStatus()} title={syncError() ?? undefined}>
        {LABELS[syncStatus()]}
      </span>
      <Show when={pendingCount() > 0}>
        <span class="pill pill--pending" data-testid="sync-pending">
          {fr.sync.pending(pendingCount())}
        </span>
      </Show>
    </div>
  );
}
