/**
 * Where the app's navigation leads, per role: the phone's bottom tabs (4–5 destinations), the rest
 * under « Moi », and the desktop side bar with everything. Pure, so each role's set is tested.
 */
import { isCoordinator, type SessionUser } from '../domain/session/user';
import * as fr from '../i18n/fr';

export type Icon = 'requests' | 'new' | 'directory' | 'map' | 'availability' | 'me' | 'console' | 'intake' | 'profile' | 'roster' | 'indicators' | 'registrations' | 'messages' | 'import' | 'technical';

export interface Destination {
  href: string;
  label: string;
  /** Shorter label under a tab's icon. */
  short?: string;
  testid: string;
  icon: Icon;
}

const to = {
  requests: { href: '/demandes', label: fr.app.destinations.requests, testid: 'nav-requests', icon: 'requests' },
  new: { href: '/demandes/nouvelle', label: fr.app.newRequest, short: fr.app.tabs.new, testid: 'nav-new', icon: 'new' },
  directory: { href: '/annuaire', label: fr.app.destinations.directory, testid: 'nav-directory', icon: 'directory' },
  map: { href: '/carte', label: fr.app.destinations.map, testid: 'nav-map', icon: 'map' },
  availability: { href: '/disponibilite', label: fr.app.destinations.availability, short: fr.app.tabs.availability, testid: 'nav-availability', icon: 'availability' },
  profile: { href: '/profil', label: fr.app.destinations.profile, testid: 'nav-profile', icon: 'profile' },
  me: { href: '/moi', label: fr.app.me.title, short: fr.app.tabs.me, testid: 'nav-me', icon: 'me' },
  console: { href: '/coordination/file', label: fr.app.destinations.console, short: fr.app.tabs.console, testid: 'nav-supervision', icon: 'console' },
  intake: { href: '/coordination/saisie', label: fr.app.destinations.intake, short: fr.app.tabs.intake, testid: 'nav-intake', icon: 'intake' },
  roster: { href: '/coordination/permanences', label: fr.app.destinations.roster, testid: 'nav-roster', icon: 'roster' },
  indicators: { href: '/coordination/indicateurs', label: fr.app.destinations.indicators, testid: 'nav-indicators', icon: 'indicators' },
  registrations: { href: '/coordination/inscriptions', label: fr.app.destinations.registrations, testid: 'nav-registrations', icon: 'registrations' },
  messages: { href: '/coordination/messages', label: fr.app.destinations.messages, testid: 'nav-messages', icon: 'messages' },
  import: { href: '/coordination/import-rpps', label: fr.app.destinations.import, testid: 'nav-rpps-import', icon: 'import' },
  technical: { href: '/coordination/technique', label: fr.app.destinations.technical, testid: 'nav-technical', icon: 'technical' },
} satisfies Record<string, Destination>;

/** Médecins (profession 10) post most requests; the others mostly answer them and keep their availability current. */
const POSTS_REQUESTS = new Set(['10']);

/** The phone's bottom tabs: a coordinator gets the console; a doctor « Nouvelle »; the others their availability. */
export function tabsFor(user: SessionUser, profession: string | undefined): Destination[] {
  if (isCoordinator(user)) return [to.console, to.intake, to.requests, to.directory, to.me];
  const third = profession !== undefined && !POSTS_REQUESTS.has(profession) ? to.availability : to.new;
  return [to.requests, third, to.directory, to.map, to.me];
}

/** Everything, for the desktop side bar: the member's pages, then the coordination's. */
export function sideLinksFor(user: SessionUser): { member: Destination[]; coordination: Destination[] } {
  return {
    member: [to.requests, to.new, to.directory, to.map, to.availability, to.profile],
    coordination: isCoordinator(user) ? [to.console, to.intake, to.roster, to.indicators, to.registrations, to.messages, to.import, to.technical] : [],
  };
}

/** What « Moi » lists on a phone: every destination the tabs leave out. */
export function moreFor(user: SessionUser, profession: string | undefined): { member: Destination[]; coordination: Destination[] } {
  const tabs = new Set(tabsFor(user, profession).map((d) => d.href));
  const all = sideLinksFor(user);
  return { member: all.member.filter((d) => !tabs.has(d.href)), coordination: all.coordination.filter((d) => !tabs.has(d.href)) };
}
