/** The signed-in frame: header (app, user, sync, logout), session and sync notices, then the page. */
import { A, Navigate, useNavigate, type RouteSectionProps } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { storageFreed, storageFull } from '../data/local-write';
import { pendingCount, sessionExpired, syncError, syncStatus } from '../data/replication';
import { isCoordinator } from '../domain/session/user';
import { fr } from '../i18n/fr';
import { createRequestsBackground } from '../requests/background';
import { dropPushSubscription } from '../requests/notifications';
import { LockNotice } from '../protection/LockNotice';
import { useSession } from '../session/session';
import { LostEditsNotice } from './LostEditsNotice';
import { SyncIndicator } from './SyncIndicator';

export default function Layout(props: RouteSectionProps) {
  const session = useSession();
  const navigate = useNavigate();
  const [leaving, setLeaving] = createSignal(false);
  // New alerts ring wherever the member is in the app; the count is the nav badge.
  const openAlerts = createRequestsBackground(session.user, (url) => navigate(url));

  async function logout() {
    // Logging out wipes the device, queued writes included: say so before.
    if (pendingCount() > 0 && !window.confirm(fr.session.logoutLosesChanges(pendingCount()))) return;
    setLeaving(true);
    try {
      // While the session still exists, so the server forgets this device's push endpoint.
      await dropPushSubscription().catch(() => undefined);
      await session.logout();
      navigate('/connexion', { replace: true });
    } finally {
      setLeaving(false);
    }
  }

  return (
    <Show when={session.user()} fallback={<Navigate href="/connexion" />}>
      {(user) => (
        <>
          <header class="topbar">
            <A href="/annuaire" class="topbar__brand">
              {fr.app.name}
            </A>
            <SyncIndicator />
            <div class="topbar__account">
              <span class="topbar__user">{user().name}</span>
              <button type="button" class="button button--ghost" disabled={leaving()} onClick={() => void logout()}>
                {leaving() ? fr.session.loggingOut : fr.session.logout}
              </button>
            </div>
            <nav class="nav" aria-label={fr.app.navigation}>
              <A href="/demandes" data-testid="nav-requests">
                {fr.requests.nav}
                <Show when={openAlerts() > 0}>
                  <span class="nav__badge" data-testid="nav-alerts" aria-hidden="true">
                    {openAlerts()}
                  </span>
                  <span class="visually-hidden">{fr.requests.navAlerts(openAlerts())}</span>
                </Show>
              </A>
              <A href="/annuaire">{fr.directory.nav}</A>
              <A href="/carte">{fr.map.nav}</A>
              <A href="/disponibilite">{fr.availability.nav}</A>
              <A href="/profil">{fr.profile.nav}</A>
              {/* Coordinator pages are listed here, shown only to coordinators. */}
              <Show when={isCoordinator(user())}>
                <A href="/coordination/inscriptions" data-testid="nav-registrations">{fr.coordination.registrationsNav}</A>
                <A href="/coordination/messages" data-testid="nav-messages">{fr.coordination.messagesNav}</A>
                <A href="/coordination/import-rpps" data-testid="nav-rpps-import">{fr.rpps.nav}</A>
                <A href="/coordination/file" data-testid="nav-supervision">{fr.supervision.queueNav}</A>
                <A href="/coordination/indicateurs" data-testid="nav-indicators">{fr.indicators.nav}</A>
                <A href="/coordination/permanences" data-testid="nav-roster">{fr.supervision.rosterNav}</A>
                <A href="/coordination/saisie" data-testid="nav-intake">{fr.supervision.intakeNav}</A>
              </Show>
            </nav>
          </header>
          <Show when={sessionExpired()}>
            <div class="notice notice--warning banner" role="alert">
              <span>
                {fr.session.expired} {fr.session.expiredKeepsChanges}
              </span>
              <A href="/connexion?session=expiree" class="button button--small">
                {fr.session.expiredAction}
              </A>
            </div>
          </Show>
          <Show when={!sessionExpired() && syncStatus() === 'error' && syncError()}>
            {(message) => (
              <div class="notice notice--error banner" role="alert">
                {message()}
              </div>
            )}
          </Show>
          <Show when={storageFull()}>
            <div class="notice notice--error banner" role="alert" data-testid="storage-full">
              <span>{fr.storage.banner}</span>
              <button type="button" class="button button--small" onClick={storageFreed}>
                {fr.storage.retry}
              </button>
            </div>
          </Show>
          <LockNotice />
          <main id="main" class="page">
            <LostEditsNotice />
            {props.children}
          </main>
        </>
      )}
    </Show>
  );
}
