/** The RPPS import (`/coordination/import-rpps`): a coordinator sends the national extract and follows the import. */
import { createSignal, onCleanup, onMount, Show } from 'solid-js';
import { HttpError } from '../data/http';
import { parseHeader } from '../domain/rpps/parse';
import type { ImportStatus } from '../domain/rpps/report';
import { isCoordinator } from '../domain/session/user';
import * as fr from '../i18n/fr';
import { useSession } from '../session/session';
import { firstLine, importStatus, uploadExtract } from './api';
import { ImportProgress, ImportResult } from './ImportReport';
import './rpps.css';

const POLL_MS = 1000;

export default function ImportPage() {
  const session = useSession();
  const [file, setFile] = createSignal<File | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [sent, setSent] = createSignal<{ sent: number; total: number }>();
  const [status, setStatus] = createSignal<ImportStatus | null>(null);
  const [busy, setBusy] = createSignal(false);
  const allowed = () => Boolean(session.user() && isCoordinator(session.user()!));

  // The server imports while the file arrives: its counts show how far it got, for a file of 1 GB.
  let timer: ReturnType<typeof setInterval> | undefined;
  const follow = () => {
    timer ??= setInterval(() => {
      void importStatus()
        .then((s) => {
          if (s.state === 'running') setStatus(s);
          else if (!busy()) {
            // An import started elsewhere (another tab, the command) has ended.
            setStatus(s);
            stopFollowing();
          }
        })
        .catch(() => undefined);
    }, POLL_MS);
  };
  const stopFollowing = () => {
    clearInterval(timer);
    timer = undefined;
  };
  onCleanup(stopFollowing);

  onMount(() => {
    if (!allowed()) return;
    void importStatus()
      .then((s) => {
        if (s.state === 'idle' || busy()) return;
        setStatus(s);
        if (s.state === 'running') follow();
      })
      .catch(() => undefined);
  });

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    setError(null);
    const chosen = file();
    if (!chosen) return setError(fr.rpps.chooseFile);
    if (!navigator.onLine) return setError(fr.rpps.offline);
    // The same check as the server's, before sending hundreds of megabytes.
    const header = parseHeader(await firstLine(chosen));
    if (!header.ok) return setError(header.reason);
    setBusy(true);
    setStatus(null);
    setSent({ sent: 0, total: chosen.size });
    follow();
    try {
      setStatus(await uploadExtract(chosen, (s, total) => setSent({ sent: s, total })));
    } catch (err) {
      setError(err instanceof HttpError ? err.message : fr.rpps.failed(0));
      setStatus(null);
    } finally {
      stopFollowing();
      setBusy(false);
      setSent(undefined);
    }
  }

  return (
    <section class="rpps-import" aria-labelledby="rpps-title">
      <h1 id="rpps-title" class="page-title">
        {fr.rpps.title}
      </h1>
      <Show when={allowed()} fallback={<p class="notice notice--warning">{fr.rpps.forbidden}</p>}>
        <p class="muted">{fr.rpps.intro}</p>
        <form class="rpps-import__form" onSubmit={(e) => void submit(e)}>
          <label class="field">
            <span class="field__label">{fr.rpps.file}</span>
            <input
              class="field__input"
              type="file"
              accept=".txt,.csv,text/plain"
              data-testid="rpps-file"
              disabled={busy()}
              onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
            />
          </label>
          <button type="submit" class="button button--primary" disabled={busy()} data-testid="rpps-submit">
            {busy() ? fr.rpps.submitting : fr.rpps.submit}
          </button>
        </form>
        <Show when={error()}>
          {(message) => (
            <p class="notice notice--error" role="alert" data-testid="rpps-error">
              {message()}
            </p>
          )}
        </Show>
        <Show when={busy() || status()?.state === 'running'}>
          <ImportProgress sent={sent()} counts={status()?.counts} />
        </Show>
        <Show when={!busy() && status()?.state !== 'running' && status()}>{(s) => <ImportResult status={s()} />}</Show>
      </Show>
    </section>
  );
}
