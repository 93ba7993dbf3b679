/** On a case closed as resolved or not, for its requester and its assignee: the closing letter to download (a PDF the server makes). */
import { createSignal, Show } from 'solid-js';
import { apiUrl } from '../config';
import type { CareRequest } from '../domain/requests/schema';
import * as fr from '../i18n/fr';

const t = fr.requests.letter;

export function showsLetter(request: CareRequest, me: string): boolean {
  return (request.status === 'resolved' || request.status === 'unresolved') && (request.requesterId === me || request.assigneeId === me);
}

export function ClosingLetter(props: { request: CareRequest }) {
  const [offline, setOffline] = createSignal(false);
  return (
    <section class="panel stack" data-testid="closing-letter" aria-labelledby="letter-title">
      <h2 class="panel__title" id="letter-title">
        {t.title}
      </h2>
      <p class="muted">{t.hint}</p>
      <a
        class="button button--secondary"
        data-testid="closing-letter-download"
        href={apiUrl(`/requests/${props.request.id}/lettre-de-cloture.pdf`)}
        download={`lettre-de-cloture-${props.request.id}.pdf`}
        onClick={(e) => {
          setOffline(!navigator.onLine);
          if (!navigator.onLine) e.preventDefault();
        }}
      >
        {t.download}
      </a>
      <Show when={offline()}>
        <p class="notice notice--warning">{t.offline}</p>
      </Show>
    </section>
  );
}
