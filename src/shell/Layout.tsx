/**
 * The signed-in frame: a compact header (app, sync; on a desktop the user and logout), session and
 * sync notices, the page, and the navigation: bottom tabs on a phone, a side bar on a desktop.
 */
import { A, Navigate, useNavigate, type RouteSectionProps } from '@solidjs/router';
import { For, lazy, onMount, Show, type Accessor } from 'solid-js';
import { storageFreed, storageFull } from '../data/local-write';
import { sessionExpired, syncError, syncStatus } from '../data/replication';
import type { SessionUser } from '../domain/session/user';
import * as fr from '../i18n/fr';
import { createMemberEntry } from '../members/queries';
import { createRequestsBackground } from '../requests/background';
import { LockNotice } from '../protection/LockNotice';
import { FirstSyncProgress } from './FirstSyncProgress';
import { preloadAfterLanding } from './landing';
import { useSession } from '../session/session';
import { LogoutButton } from './logout';
import { createLostEdits } from './lost-edits';
import { createMediaQuery, WIDE } from './media';
import { NavIcon } from './NavIcon';
import { sideLinksFor, tabsFor, type Destination } from './navigation';
import { SyncIndicator } from './SyncIndicator';

/** Shown only when a conflict did not keep an edit made here: its code loads then. */
const LostEditsNotice = lazy(() => import('./LostEditsNotice'));

export default function Layout(props: RouteSectionProps) {
  const session = useSession();
  const navigate = useNavigate();
  const wide = createMediaQuery(WIDE);
  // New alerts ring wherever the member is in the app; the count is the nav badge.
  const openAlerts = createRequestsBackground(session.user, (url) => navigate(url));
  const lostEdits = createLostEdits();
  onMount(() => performance.mark('cpts:frame-shown'));

  return (
    <Show when={session.user()} fallback={<Navigate href="/connexion" />}>
      {(user) => (
        <>
          <header class="topbar">
            <A href="/annuaire" class="topbar__brand">
              {fr.app.name}
            </A>
            <SyncIndicator />
            <Show when={wide()}>
              <div class="topbar__account">
                <span class="topbar__user">{user().name}</span>
                <LogoutButton class="button button--ghost" />
              </div>
            </Show>
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
          <FirstSyncProgress />
          <div class={wide() ? 'frame frame--wide' : 'frame frame--tabs'}>
            <Show when={wide()}>
              <SideBar user={user()} openAlerts={openAlerts} />
            </Show>
            <main id="main" class="page">
              <Show when={lostEdits().length > 0}>
                <LostEditsNotice edits={lostEdits} />
              </Show>
              {props.children}
            </main>
          </div>
          <Show when={!wide()}>
            <TabBar user={user()} openAlerts={openAlerts} />
          </Show>
        </>
      )}
    </Show>
  );
}

/** One destination; the requests' one carries the count of alerts waiting for an answer. */
function NavLink(props: { to: Destination; short?: boolean; openAlerts: Accessor<number> }) {
  return (
    <A href={props.to.href} data-testid={props.to.testid} end={props.to.href === '/demandes'}>
      <NavIcon icon={props.to.icon} />
      <span class="nav__label">{props.short ? (props.to.short ?? props.to.label) : props.to.label}</span>
      <Show when={props.to.icon === 'requests' && props.openAlerts() > 0}>
        <span class="nav__badge" data-testid="nav-alerts" aria-hidden="true">
          {props.openAlerts()}
        </span>
        <span class="visually-hidden">{fr.app.destinations.openAlerts(props.openAlerts())}</span>
      </Show>
    </A>
  );
}

/** The phone's bottom tabs, per role (navigation.ts); the rest is under « Moi ». */
function TabBar(props: { user: SessionUser; openAlerts: Accessor<number> }) {
  const entry = createMemberEntry(() => props.user.memberId);
  const tabs = () => tabsFor(props.user, entry()?.profession);
  preloadAfterLanding(() => tabs()[0]?.href);
  return (
    <nav class="tabbar" aria-label={fr.app.navigation}>
      <For each={tabs()}>{(to) => <NavLink to={to} short openAlerts={props.openAlerts} />}</For>
    </nav>
  );
}

/** The desktop's side bar: every page, the coordination's apart. */
function SideBar(props: { user: SessionUser; openAlerts: Accessor<number> }) {
  const links = () => sideLinksFor(props.user);
  return (
    <nav class="sidenav" aria-label={fr.app.navigation}>
      <For each={links().member}>{(to) => <NavLink to={to} openAlerts={props.openAlerts} />}</For>
      <Show when={links().coordination.length > 0}>
        <p class="sidenav__title">{fr.app.coordination}</p>
        <For each={links().coordination}>{(to) => <NavLink to={to} openAlerts={props.openAlerts} />}</For>
      </Show>
    </nav>
  );
}
