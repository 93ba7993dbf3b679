/** The login screen (`/connexion`): e-mail and password, the server's own message when refused. */
import { A, useNavigate, useSearchParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { HttpError } from '../data/http';
import * as fr from '../i18n/fr';
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
        <p class="login__links">
          <A href="/mot-de-passe-oublie" data-testid="forgot-link">{fr.session.forgotPassword}</A>
          <A href="/inscription" data-testid="register-link">{fr.session.register}</A>
        </p>
      </form>
    </main>
  );
}
