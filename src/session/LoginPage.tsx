/**
 * The login screen (`/connexion`): e-mail and password, the server's own message when refused; and
 * Pro Santé Connect (e-CPS or CPS card) where the platform has it, whose answer comes back here
 * (`?psc=connecte`: the session is taken up on this device; `?psc=<code>`: why it failed).
 */
import { A, useNavigate, useSearchParams } from '@solidjs/router';
import { createResource, createSignal, onMount, Show } from 'solid-js';
import { apiUrl } from '../config';
import { HttpError } from '../data/http';
import { isPscError, PSC_ERROR_MESSAGES, PSC_SIGNED_IN } from '../domain/psc/api';
import * as fr from '../i18n/fr';
import { pscEnabled } from './api';
import { useSession } from './session';

export default function LoginPage() {
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = createSignal('');
  const [password, setPassword] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const expired = () => params.session === 'expiree';
  const [psc] = createResource(() => pscEnabled());
  const pscCode = typeof params.psc === 'string' ? params.psc : undefined;
  if (isPscError(pscCode)) setError(PSC_ERROR_MESSAGES[pscCode]);
  // Back from Pro Santé Connect with a session: this device takes it up, as after a password.
  onMount(() => {
    if (pscCode !== PSC_SIGNED_IN) return;
    setBusy(true);
    session
      .adopt()
      .then((signedIn) => (signedIn ? navigate('/annuaire', { replace: true }) : setError(PSC_ERROR_MESSAGES.invalide)))
      .catch((err: unknown) => setError(err instanceof HttpError && err.status === 0 ? fr.session.offline : fr.session.failed))
      .finally(() => setBusy(false));
  });
  // The signed-in pages and the data layer load while the user types, not after the click.
  let prepared = false;
  function prepare() {
    if (prepared) return;
    prepared = true;
    session.prepare();
    void import('../shell/Layout').catch(() => undefined);
    void import('../members/DirectoryPage').catch(() => undefined);
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setError(null);
    if (!navigator.onLine) {
      setError(fr.session.offline);
      return;
    }
    setBusy(true);
    try {
      await session.login(email().trim(), password());
      navigate('/annuaire', { replace: true });
    } catch (err) {
      if (err instanceof HttpError) setError(err.status === 0 ? fr.session.offline : err.message);
      else setError(fr.session.failed);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main id="main" class="login">
      <form class="login__form" onSubmit={(e) => void submit(e)} onInput={prepare} novalidate={false}>
        <p class="login__brand">{fr.app.fullName}</p>
        <h1 class="page-title">{fr.session.title}</h1>
        <Show when={expired()} fallback={<p class="muted">{fr.session.intro}</p>}>
          <p class="notice notice--warning">
            {fr.session.expired} {fr.session.expiredKeepsChanges}
          </p>
        </Show>
        <label class="field">
          <span class="field__label">{fr.session.email}</span>
          <input
            class="field__input"
            type="email"
            name="email"
            autocomplete="username"
            inputmode="email"
            required
            data-testid="login-email"
            value={email()}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span class="field__label">{fr.session.password}</span>
          <input
            class="field__input"
            type="password"
            name="password"
            autocomplete="current-password"
            required
            data-testid="login-password"
            value={password()}
            onInput={(e) => setPassword(e.currentTarget.value)}
          />
        </label>
        <Show when={error()}>
          {(message) => (
            <p class="notice notice--error" role="alert" data-testid="login-error">
              {message()}
            </p>
          )}
        </Show>
        <button type="submit" class="button button--primary" disabled={busy()} data-testid="login-submit">
          {busy() ? fr.session.submitting : fr.session.submit}
        </button>
        <Show when={psc()}>
          <p class="login__or" aria-hidden="true">{fr.session.or}</p>
          {/* A full navigation: the provider's page, then back here. */}
          <a class="button button--secondary login__psc" href={apiUrl('/auth/psc/start')} rel="external" data-testid="login-psc">
            {fr.session.psc}
          </a>
          <p class="field__hint">{fr.session.pscHint}</p>
        </Show>
        <p class="login__links">
          <A href="/mot-de-passe-oublie" data-testid="forgot-link">{fr.session.forgotPassword}</A>
          <A href="/inscription" data-testid="register-link">{fr.session.register}</A>
        </p>
      </form>
    </main>
  );
}
