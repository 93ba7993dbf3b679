/** `/inscription/suivi`: after registering, enter the SMS code, ask for a new code or link, and wait for the coordination's decision. */
import { A } from '@solidjs/router';
import { createResource, createSignal, Show } from 'solid-js';
import { ApiError, messageOf } from '../data/json-api';
import type { RegistrationState } from '../domain/registration/api';
import * as fr from '../i18n/fr';
import { registrationStatus, resend, storedTicket, verifyPhone } from './api';
import { controlProps, FormField } from './FormField';

const t = fr.verification;

export default function FollowUpPage() {
  const ticket = storedTicket();
  const [state, { mutate, refetch }] = createResource(() => ticket ?? false, (tk) => registrationStatus(tk));
  const [code, setCode] = createSignal('');
  const [codeError, setCodeError] = createSignal<string | undefined>();
  const [notice, setNotice] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);

  async function run(work: () => Promise<RegistrationState>, done?: string) {
    setBusy(true);
    setNotice(null);
    try {
      mutate(await work());
      if (done) setNotice(done);
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.fields.some((f) => f.field === 'code')) setCodeError(err.message);
      else setNotice(messageOf(err));
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function submitCode(event: SubmitEvent) {
    event.preventDefault();
    setCodeError(undefined);
    if (!/^\d{6}$/.test(code().replace(/\s/g, ''))) return setCodeError(t.codeFormat);
    if (await run(() => verifyPhone(ticket!, code().replace(/\s/g, '')))) setCode('');
  }

  return (
    <main id="main" class="public">
      <section class="public__form stack" data-testid="registration-follow-up">
        <p class="login__brand">{fr.app.fullName}</p>
        <h1 class="page-title">{t.title}</h1>
        <Show when={ticket} fallback={<p>{t.none} <A href="/inscription">{t.start}</A></p>}>
          <Show when={state.error}>
            <p class="notice notice--error" role="alert">{messageOf(state.error)}</p>
          </Show>
          <Show when={state()}>
            {(s) => (
              <>
                <Show when={s().status === 'approved'}>
                  <p class="notice notice--ok" data-testid="registration-approved">{t.approved}</p>
                  <A class="button button--primary" href="/connexion">{t.login}</A>
                </Show>
                <Show when={s().status === 'refused'}>
                  <p class="notice notice--error" data-testid="registration-refused">
                    {t.refused} <Show when={s().reason}>{(r) => t.reason(r())}</Show>
                  </p>
                </Show>
                <Show when={s().status === 'pending'}>
                  <div class="panel">
                    <h2 class="panel__title">{t.phoneTitle}</h2>
                    <Show when={!s().phoneVerified} fallback={<p class="notice notice--ok" data-testid="phone-verified">{t.phoneDone}</p>}>
                      <p>{t.codeSent(s().mobile)}</p>
                      <form onSubmit={(e) => void submitCode(e)} novalidate>
                        <FormField id="verify-code" label={t.code} error={codeError()}>
                          <input class="field__input" {...controlProps('verify-code', codeError())} inputmode="numeric" autocomplete="one-time-code" maxLength={7} value={code()} onInput={(e) => setCode(e.currentTarget.value)} />
                        </FormField>
                        <button type="submit" class="button button--primary" disabled={busy()} data-testid="verify-code-submit">{busy() ? t.verifying : t.verify}</button>
                      </form>
                      <button type="button" class="button button--secondary" disabled={busy() || s().smsLeft === 0} data-testid="resend-sms" onClick={() => void run(() => resend(ticket!, 'sms'), t.resent)}>
                        {t.resendSms} ({t.left(s().smsLeft)})
                      </button>
                    </Show>
                  </div>
                  <div class="panel">
                    <h2 class="panel__title">{t.emailTitle}</h2>
                    <Show when={!s().emailVerified} fallback={<p class="notice notice--ok" data-testid="email-verified">{t.emailDone}</p>}>
                      <p>{t.emailSent(s().email)}</p>
                      <div class="row">
                        <button type="button" class="button button--secondary" disabled={busy()} data-testid="refresh-status" onClick={() => void refetch()}>{t.refresh}</button>
                        <button type="button" class="button button--secondary" disabled={busy() || s().emailLeft === 0} data-testid="resend-email" onClick={() => void run(() => resend(ticket!, 'email'), t.resent)}>
                          {t.resendEmail} ({t.left(s().emailLeft)})
                        </button>
                      </div>
                    </Show>
                  </div>
                  <Show when={s().phoneVerified && s().emailVerified}>
                    <p class="notice" data-testid="registration-waiting">{t.waiting}</p>
                  </Show>
                </Show>
                <Show when={notice()}>{(n) => <p class="notice" role="status" data-testid="follow-up-notice">{n()}</p>}</Show>
              </>
            )}
          </Show>
        </Show>
      </section>
    </main>
  );
}
