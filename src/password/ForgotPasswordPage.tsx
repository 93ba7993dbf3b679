/** `/mot-de-passe-oublie`: ask for a reset link by e-mail; the answer is the same whether the account exists or not. */
import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { messageOf } from '../data/json-api';
import * as fr from '../i18n/fr';
import { controlProps, FormField } from '../registration/FormField';
import { askReset } from './api';

const t = fr.password;

export default function ForgotPasswordPage() {
  const [email, setEmail] = createSignal('');
  const [done, setDone] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setError(null);
    setBusy(true);
    try {
      setDone(await askReset(email().trim()));
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" class="login">
      <form class="login__form" onSubmit={(e) => void submit(e)} data-testid="forgot-form">
        <p class="login__brand">{fr.app.fullName}</p>
        <h1 class="page-title">{t.forgotTitle}</h1>
        <Show when={!done()} fallback={<p class="notice notice--ok" role="status" data-testid="forgot-done">{done()}</p>}>
          <p class="muted">{t.forgotIntro}</p>
          <FormField id="forgot-email" label={fr.session.email}>
            <input class="field__input" {...controlProps('forgot-email', undefined)} type="email" autocomplete="username" inputmode="email" required value={email()} onInput={(e) => setEmail(e.currentTarget.value)} />
          </FormField>
          <Show when={error()}>{(m) => <p class="notice notice--error" role="alert">{m()}</p>}</Show>
          <button type="submit" class="button button--primary" disabled={busy()} data-testid="forgot-submit">
            {busy() ? t.sending : t.send}
          </button>
        </Show>
        <p>
          <A href="/connexion">{t.backToLogin}</A>
        </p>
      </form>
    </main>
  );
}
