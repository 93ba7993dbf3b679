/** The banner of a device whose patient data is locked (started without network): why, and the PIN field when a PIN is set. */
import { createSignal, Show } from 'solid-js';
import * as fr from '../i18n/fr';
import { hasPin, keyState, unlockWithPin } from './device-key';

const t = fr.protection;

export function LockNotice() {
  const [code, setCode] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const locked = () => {
    const state = keyState();
    return state.kind === 'locked' ? state : null;
  };

  async function unlock(event: Event) {
    event.preventDefault();
    setBusy(true);
    try {
      setError(await unlockWithPin(code()));
      setCode('');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Show when={locked()}>
      {(state) => (
        <div class="notice notice--warning banner" role="status" data-testid="lock-notice" data-reason={state().reason}>
          <Show
            when={hasPin()}
            fallback={
              <span>
                {state().reason === 'expired' ? t.lockedExpired : t.lockedOffline} {t.lockedHint}
              </span>
            }
          >
            <form class="lock-form" onSubmit={(e) => void unlock(e)}>
              <label for="unlock-pin">{t.lockedPin}</label>
              <input
                id="unlock-pin"
                class="field__input field__input--short"
                type="password"
                inputmode="numeric"
                autocomplete="off"
                maxLength={12}
                value={code()}
                onInput={(e) => setCode(e.currentTarget.value)}
                data-testid="unlock-pin"
                aria-label={t.pinLabel}
              />
              <button type="submit" class="button button--small" disabled={busy() || code().length === 0} data-testid="unlock-submit">
                {busy() ? t.unlocking : t.unlock}
              </button>
              <Show when={error()}>
                {(message) => (
                  <span class="field__error" role="alert" data-testid="unlock-error">
                    {message()}
                  </span>
                )}
              </Show>
            </form>
          </Show>
        </div>
      )}
    </Show>
  );
}
