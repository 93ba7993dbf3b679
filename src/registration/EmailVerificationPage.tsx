/** `/verification?token=…`: the page the e-mail link opens; it confirms the address, on whatever device it is opened. */
import { A, useSearchParams } from '@solidjs/router';
import { createResource, Show } from 'solid-js';
import { messageOf } from '../data/json-api';
import * as fr from '../i18n/fr';
import { storedTicket, verifyEmail } from './api';

const t = fr.verification;

export default function EmailVerificationPage() {
  const [params] = useSearchParams();
  const token = () => (typeof params.token === 'string' ? params.token : '');
  const [result] = createResource(() => token() || false, (tk) => verifyEmail(tk));

  return (
    <main id="main" class="public">
      <section class="public__form stack" data-testid="email-verification">
        <p class="login__brand">{fr.app.fullName}</p>
        <h1 class="page-title">{t.linkTitle}</h1>
        <Show when={token()} fallback={<p class="notice notice--error">{t.linkMissing}</p>}>
          <Show when={!result.loading} fallback={<p class="muted">{t.linkChecking}</p>}>
            <Show when={!result.error} fallback={<p class="notice notice--error" role="alert" data-testid="email-verification-error">{messageOf(result.error)}</p>}>
              <p class="notice notice--ok" data-testid="email-verification-done">{t.linkDone}</p>
              <Show when={result() && !result()!.phoneVerified}>
                <p>{t.linkPhonePending}</p>
              </Show>
            </Show>
          </Show>
          <Show when={storedTicket()}>
            <A href="/inscription/suivi">{t.linkFollow}</A>
          </Show>
        </Show>
      </section>
    </main>
  );
}
