/** My secure health mailbox (MSSanté), where the closing letters of my requests go: kept on my account by the server, so changed online. */
import { createResource, createSignal, Show } from 'solid-js';
import type { MssanteAddress } from '../domain/letters/mssante';
import { getJson, messageOf, putJson } from '../data/json-api';
import * as fr from '../i18n/fr';
import { StatusNotice } from '../shell/StatusNotice';

const t = fr.profile.mssante;

export function MssanteSection() {
  const [current, { mutate }] = createResource(() => getJson<MssanteAddress>('/account/mssante'));
  const [message, setMessage] = createSignal<{ text: string; error: boolean } | null>(null);

  async function save(e: SubmitEvent) {
    e.preventDefault();
    const address = String(new FormData(e.currentTarget as HTMLFormElement).get('mssante') ?? '');
    setMessage(null);
    try {
      const saved = await putJson<MssanteAddress>('/account/mssante', { address });
      mutate(saved);
      setMessage({ text: saved.address ? t.saved : t.removed, error: false });
    } catch (err) {
      setMessage({ text: messageOf(err), error: true });
    }
  }

  return (
    <form class="panel stack" onSubmit={(e) => void save(e)} data-testid="mssante-form">
      <h2 class="panel__title">{t.legend}</h2>
      {/* Shown once the current address is read: typed earlier, it would be overwritten by it. */}
      <Show when={!current.loading} fallback={<p class="muted">{t.loading}</p>}>
        <label class="field">
          <span class="field__label">{t.label}</span>
          <input class="field__input" name="mssante" type="email" autocomplete="off" placeholder="prenom.nom@medecin.mssante.fr" value={current.error ? '' : (current()?.address ?? '')} data-testid="mssante-address" />
          <span class="field__hint">{t.hint}</span>
        </label>
      </Show>
      <Show when={current.error && !message()}>
        <p class="notice notice--warning">{messageOf(current.error)}</p>
      </Show>
      <StatusNotice outcome={message()} testId="mssante-message" />
      <button type="submit" class="button button--secondary" data-testid="mssante-save" disabled={current.loading}>
        {t.save}
      </button>
    </form>
  );
}
