/** `/coordination/messages`: the SMS and e-mails kept by the development providers, newest first (they hold codes and links: coordination only). */
import { TERRITORY } from '../config';
import { createResource, For, Show } from 'solid-js';
import { messageOf } from '../data/json-api';
import * as fr from '../i18n/fr';
import { outbox } from './api';
import { CoordinatorOnly } from './CoordinatorOnly';

const t = fr.coordination;
const DATE = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'medium', timeZone: TERRITORY.timeZone });

export default function OutboxPage() {
  return (
    <CoordinatorOnly>
      <Messages />
    </CoordinatorOnly>
  );
}

function Messages() {
  const [data, { refetch }] = createResource(outbox);
  return (
    <section class="stack" aria-labelledby="outbox-title">
      <h1 id="outbox-title" class="page-title">{t.messagesTitle}</h1>
      <p class="muted">{t.messagesIntro}</p>
      <Show when={data.error}><p class="notice notice--error">{messageOf(data.error)}</p></Show>
      <Show when={data()}>
        {(d) => (
          <>
            <p class="muted">{t.providers(d().keeps.sms, d().keeps.email)}</p>
            <button type="button" class="button button--secondary" data-testid="outbox-refresh" onClick={() => void refetch()}>{fr.verification.refresh}</button>
            <Show when={d().messages.length > 0} fallback={<p class="muted">{t.messagesEmpty}</p>}>
              <ul class="cards cards--single">
                <For each={d().messages}>
                  {(m) => (
                    <li class="card" data-testid="outbox-message" data-channel={m.channel} data-to={m.to}>
                      <div class="card__head">
                        <span class="badge" classList={{ 'badge--available': m.channel === 'sms' }}>{m.channel === 'sms' ? t.sms : t.mail}</span>
                        <span class="muted">{DATE.format(new Date(m.sentAt))}</span>
                      </div>
                      <p class="card__profession">{t.to(m.to)}</p>
                      <Show when={m.subject}><p><strong>{m.subject}</strong></p></Show>
                      <pre class="signature" data-testid="outbox-text">{m.text}</pre>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
          </>
        )}
      </Show>
    </section>
  );
}
