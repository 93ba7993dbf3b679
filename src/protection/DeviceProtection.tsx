/** The « données patients sur cet appareil » panel of the profile: what is encrypted, and the PIN that opens it offline. */
import { createSignal, Show } from 'solid-js';
import * as fr from '../i18n/fr';
import { hasPin, keyState, removePin, setPin } from './device-key';
import { StatusNotice } from '../shell/StatusNotice';

const t = fr.protection;

export function DeviceProtection() {
  const [message, setMessage] = createSignal<{ text: string; error: boolean } | null>(null);
  const [busy, setBusy] = createSignal(false);

  async function save(event: SubmitEvent) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const value = (name: string) => (form.elements.namedItem(name) as HTMLInputElement).value;
    setBusy(true);
    try {
      const problem = await setPin(value('pin'), value('pinConfirm'));
      setMessage(problem ? { text: problem, error: true } : { text: t.pinSaved, error: false });
      if (!problem) form.reset();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="panel stack" data-testid="device-protection" aria-labelledby="device-protection-title">
      <h2 id="device-protection-title" class="panel__title">
        {t.settingsTitle}
      </h2>
      <p>{t.settingsIntro}</p>
      <p class="muted" data-testid="pin-state" data-set={hasPin() ? 'true' : 'false'}>
        {hasPin() ? t.pinIsSet : t.pinIsNotSet}
      </p>
      <Show when={keyState().kind === 'ready'} fallback={<p class="field__hint">{t.pinNeedsKey}</p>}>
        <form onSubmit={(e) => void save(e)} data-testid="pin-form">
          <label class="field">
            <span class="field__label">{t.pinNew}</span>
            <input class="field__input field__input--short" name="pin" type="password" inputmode="numeric" autocomplete="new-password" maxLength={12} required data-testid="pin-new" />
          </label>
          <label class="field">
            <span class="field__label">{t.pinConfirm}</span>
            <input class="field__input field__input--short" name="pinConfirm" type="password" inputmode="numeric" autocomplete="new-password" maxLength={12} required data-testid="pin-confirm" />
          </label>
          <button type="submit" class="button" disabled={busy()} data-testid="pin-save">
            {busy() ? t.pinSaving : t.pinSave}
          </button>
          <Show when={hasPin()}>
            {' '}
            <button type="button" class="button button--secondary" onClick={() => (removePin(), setMessage(null))} data-testid="pin-remove">
              {t.pinRemove}
            </button>
          </Show>
        </form>
      </Show>
      <StatusNotice outcome={message()} testId="pin-message" />
    </section>
  );
}
