/** `/reinitialisation?token=…`: choose a new password from the e-mailed link, checked with the shared rule. */
import { A, useSearchParams } from '@solidjs/router';
import { createResource, createSignal, Show } from 'solid-js';
import { messageOf } from '../data/json-api';
import { checkPassword } from '../domain/registration/password';
import * as fr from '../i18n/fr';
import { controlProps, FormField } from '../registration/FormField';
import { checkResetLink, resetPassword } from './api';

const t = fr.password;

export default function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = () => (typeof params.token === 'string' ? params.token : '');
  const [link] = createResource(() => token() || false, (tk) => checkResetLink(tk));
  const [password, setPassword] = createSignal('');
  const [confirm, setConfirm] = createSignal('');
  const [fieldError, setFieldError] = createSignal<string | undefined>();
  const [error, setError] = createSignal<string | null>(null);
  const [done, setDone] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setError(null);
    const weak = checkPassword(password());
    setFieldError(weak ? `mot de passe : ${weak}` : password() !== confirm() ? t.mismatch : undefined);
    if (fieldError()) return;
    setBusy(true);
    try {
      setDone(await resetPassword(token(), password()));
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" class="login">
      <form class="login__form" onSubmit={(e) => void submit(e)} novalidate data-testid="reset-form">
        <p class="login__brand">{fr.app.fullName}</p>
        <h1 class="page-title">{t.resetTitle}</h1>
        <Show when={token()} fallback={<p class="notice notice--error">{t.missing}</p>}>
          <Show when={!link.loading} fallback={<p class="muted">{t.checking}</p>}>
            <Show
              when={!link.error}
              fallback={
                <>
                  <p class="notice notice--error" role="alert" data-testid="reset-error">{messageOf(link.error)}</p>
                  <A href="/mot-de-passe-oublie">{t.again}</A>
                </>
              }
            >
              <Show when={!done()} fallback={<p class="notice notice--ok" role="status" data-testid="reset-done">{done()}</p>}>
                <p class="muted">{t.resetIntro}</p>
                <FormField id="reset-password" label={t.newPassword} error={fieldError()}>
                  <input class="field__input" {...controlProps('reset-password', fieldError())} type="password" autocomplete="new-password" value={password()} onInput={(e) => setPassword(e.currentTarget.value)} />
                </FormField>
                <FormField id="reset-confirm" label={t.confirm}>
                  <input class="field__input" {...controlProps('reset-confirm', undefined)} type="password" autocomplete="new-password" value={confirm()} onInput={(e) => setConfirm(e.currentTarget.value)} />
                </FormField>
                <Show when={error()}>{(m) => <p class="notice notice--error" role="alert" data-testid="reset-error">{m()}</p>}</Show>
                <button type="submit" class="button button--primary" disabled={busy()} data-testid="reset-submit">
                  {busy() ? t.saving : t.save}
                </button>
              </Show>
            </Show>
          </Show>
        </Show>
        <p>
          <A href="/connexion">{t.backToLogin}</A>
        </p>
      </form>
    </main>
  );
}
