/**
 * `/coordination/demandes/:id`: a request as the coordination works it — the card, who to call (with
 * numbers), the call log, assignment on someone's behalf, a wider search, closure, a note, the full
 * history and who accessed the case. Every action is a message written on the device (offline too).
 */
import { A, useParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import * as fr from '../i18n/fr';
import { CoordinatorOnly } from '../coordination/CoordinatorOnly';
import { createNow } from '../requests/clock';
import { PatientPanel } from '../requests/PatientPanel';
import { createRequestView } from '../requests/queries';
import { RequestSummary } from '../requests/RequestSummary';
import { useSession } from '../session/session';
import { AccessLog } from './AccessLog';
import { CallLog } from './CallLog';
import { Candidates } from './Candidates';
import { CaseActions } from './CaseActions';
import { CaseHistory } from './CaseHistory';
import { writeCoordination } from './commands';
import type { CaseContext } from './case-context';
import type { CoordinationInput } from './coordination';
import { createDirectory } from './queries';
import { StatusNotice } from '../shell/StatusNotice';
import './supervision.css';

const t = fr.supervision;

export default function CasePage() {
  return (
    <CoordinatorOnly>
      <Case />
    </CoordinatorOnly>
  );
}

function Case() {
  const params = useParams<{ id: string }>();
  const session = useSession();
  const view = createRequestView(() => params.id);
  const directory = createDirectory();
  const now = createNow(30_000);
  const [notice, setNotice] = createSignal<{ text: string; error: boolean } | null>(null);
  const [callSubject, setCallSubject] = createSignal('');

  const act = async (input: CoordinationInput): Promise<boolean> => {
    const request = view.request();
    if (!request) return false;
    const done = await writeCoordination(session.user()!, request, input).catch(() => ({ ok: false as const, message: fr.errors.generic }));
    setNotice(done.ok ? { text: navigator.onLine ? t.saved : t.savedPending, error: false } : { text: done.message, error: true });
    return done.ok;
  };
  const context: CaseContext = { act, callSubject, setCallSubject };

  return (
    <section class="stack supervision case-page" aria-label={fr.requests.title}>
      <div class="row">
        <A href="/coordination/file" class="map-link">← {t.back}</A>
        <A href={`/demandes/${params.id}`} class="map-link">{t.fullPage}</A>
      </div>
      <Show when={view.request()} fallback={<p class="notice">{view.loaded() ? fr.requests.notFound : fr.app.loading}</p>}>
        {(request) => (
          <>
            <RequestSummary request={request()} now={now} nameOf={directory.nameOf} participant />
            <StatusNotice outcome={notice()} testId="case-notice" alertOnError />
            <div class="case-grid">
              <div class="stack">
                <CaseActions request={request()} messages={view.messages()} directory={directory} context={context} />
                <Candidates request={request()} directory={directory} now={now} context={context} />
                <CallLog request={request()} messages={view.messages()} directory={directory} context={context} />
              </div>
              <div class="stack">
                <CaseHistory request={request()} messages={view.messages()} nameOf={directory.nameOf} />
                <PatientPanel request={request()} patient={view.patient()} shared />
                <AccessLog requestId={request().id} nameOf={directory.nameOf} />
              </div>
            </div>
          </>
        )}
      </Show>
    </section>
  );
}
