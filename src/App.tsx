/**
 * The application: session, routes and the update banner. Each page loads when opened, except the
 * login page: on a first visit it is the page itself, and loading it apart would cost one more
 * round trip over a weak signal before the form shows.
 */
import { Navigate, Route, Router, type RouteSectionProps } from '@solidjs/router';
import { lazy } from 'solid-js';
import * as fr from './i18n/fr';
import LoginPage from './session/LoginPage';
import { createSession, SessionContext, useSession } from './session/session';
import { UpdateBanner } from './shell/UpdateBanner';

const Layout = lazy(() => import('./shell/Layout'));
const DirectoryPage = lazy(() => import('./members/DirectoryPage'));
const AvailabilityPage = lazy(() => import('./members/AvailabilityPage'));
const ProfilePage = lazy(() => import('./members/ProfilePage'));
const MePage = lazy(() => import('./shell/MePage'));
const RegistrationPage = lazy(() => import('./registration/RegistrationPage'));
const FollowUpPage = lazy(() => import('./registration/FollowUpPage'));
const EmailVerificationPage = lazy(() => import('./registration/EmailVerificationPage'));
const ForgotPasswordPage = lazy(() => import('./password/ForgotPasswordPage'));
const ResetPasswordPage = lazy(() => import('./password/ResetPasswordPage'));
const ApprovalQueuePage = lazy(() => import('./coordination/ApprovalQueuePage'));
const OutboxPage = lazy(() => import('./coordination/OutboxPage'));
const TechnicalPage = lazy(() => import('./coordination/TechnicalPage'));
const RppsImportPage = lazy(() => import('./rpps/ImportPage'));
const MapPage = lazy(() => import('./map/MapPage'));
const RequestsPage = lazy(() => import('./requests/RequestsPage'));
/** The requests page's data, read when the page is about to open (a tap starting, or the frame ahead of the first tap). */
const readRequestsAhead = () => void import('./requests/queries').then((m) => m.readRequestsAhead());
const NewRequestPage = lazy(() => import('./requests/NewRequestPage'));
const RequestPage = lazy(() => import('./requests/RequestPage'));
const SupervisionQueuePage = lazy(() => import('./supervision/QueuePage'));
const SupervisionCasePage = lazy(() => import('./supervision/CasePage'));
const PhoneIntakePage = lazy(() => import('./supervision/IntakePage'));
const DutyRosterPage = lazy(() => import('./supervision/RosterPage'));
const IndicatorsPage = lazy(() => import('./indicators/DashboardPage'));

function Root(props: RouteSectionProps) {
  return (
    <>
      <a class="skip-link" href="#main">
        {fr.app.skipToContent}
      </a>
      <UpdateBanner />
      {props.children}
    </>
  );
}

/** `/`: the directory for a known user (even offline), otherwise the login screen. */
function Home() {
  const session = useSession();
  return <Navigate href={session.user() ? '/annuaire' : '/connexion'} />;
}

function NotFound() {
  return (
    <main id="main" class="page">
      <p>{fr.errors.notFound}</p>
      <a href="/">{fr.errors.backHome}</a>
    </main>
  );
}

export function App() {
  const session = createSession();
  return (
    <SessionContext.Provider value={session}>
      <Router root={Root}>
        <Route path="/" component={Home} />
        <Route path="/connexion" component={LoginPage} />
        <Route path="/inscription" component={RegistrationPage} />
        <Route path="/inscription/suivi" component={FollowUpPage} />
        <Route path="/verification" component={EmailVerificationPage} />
        <Route path="/mot-de-passe-oublie" component={ForgotPasswordPage} />
        <Route path="/reinitialisation" component={ResetPasswordPage} />
        <Route path="/" component={Layout}>
          <Route path="/annuaire" component={DirectoryPage} />
          <Route path="/disponibilite" component={AvailabilityPage} />
          <Route path="/profil" component={ProfilePage} />
          <Route path="/moi" component={MePage} />
          <Route path="/carte" component={MapPage} />
          <Route path="/demandes" component={RequestsPage} preload={readRequestsAhead} />
          <Route path="/demandes/nouvelle" component={NewRequestPage} />
          <Route path="/demandes/:id" component={RequestPage} />
          <Route path="/coordination/inscriptions" component={ApprovalQueuePage} />
          <Route path="/coordination/messages" component={OutboxPage} />
          <Route path="/coordination/technique" component={TechnicalPage} />
          <Route path="/coordination/import-rpps" component={RppsImportPage} />
          <Route path="/coordination/file" component={SupervisionQueuePage} />
          <Route path="/coordination/demandes/:id" component={SupervisionCasePage} />
          <Route path="/coordination/saisie" component={PhoneIntakePage} />
          <Route path="/coordination/permanences" component={DutyRosterPage} />
          <Route path="/coordination/indicateurs" component={IndicatorsPage} />
        </Route>
        <Route path="*404" component={NotFound} />
      </Router>
    </SessionContext.Provider>
  );
}
