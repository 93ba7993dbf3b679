/** How an RPPS import is shown: the upload's progress, the server's counts, then the summary and the rejected lines. */
import { TERRITORY } from '../config';
import { For, Show } from 'solid-js';
import type { ImportCounts, ImportStatus } from '../domain/rpps/report';
import * as fr from '../i18n/fr';

const DATE_TIME = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short', timeZone: TERRITORY.timeZone });

export function ImportProgress(props: { sent?: { sent: number; total: number }; counts?: ImportCounts }) {
  const percent = () => (props.sent && props.sent.total > 0 ? Math.floor((100 * props.sent.sent) / props.sent.total) : 0);
  return (
    <div class="rpps-progress" aria-live="polite">
      <Show when={props.sent}>
        {(sent) => (
          <label class="field">
            <span class="field__label">{fr.rpps.uploaded(percent(), sent().sent, sent().total)}</span>
            <progress max="100" value={percent()} data-testid="rpps-upload-progress" aria-label={fr.rpps.uploadLabel} />
          </label>
        )}
      </Show>
      <p class="muted" data-testid="rpps-progress">
        {props.counts ? fr.rpps.progress(props.counts) : fr.rpps.running}
      </p>
    </div>
  );
}

export function ImportResult(props: { status: ImportStatus }) {
  const rejections = () => props.status.rejections ?? [];
  const hidden = () => props.status.counts.rejected - rejections().length;
  const when = () => DATE_TIME.format(Date.parse(props.status.finishedAt ?? props.status.startedAt ?? ''));

  return (
    <section class="rpps-result" aria-labelledby="rpps-result-title">
      <Show
        when={props.status.state === 'done'}
        fallback={
          <p class="notice notice--error" role="alert" data-testid="rpps-error">
            {fr.rpps.failedAt(when())} : {props.status.error}
          </p>
        }
      >
        <h2 id="rpps-result-title" class="rpps-result__title">
          {fr.rpps.done(when())}
        </h2>
        <p class="notice rpps-result__summary" data-testid="rpps-summary">
          {fr.rpps.summary(props.status.counts)}
        </p>
        <p class="muted">{fr.rpps.details(props.status.counts)}</p>
        <Show when={rejections().length > 0}>
          <h3>{fr.rpps.rejections}</h3>
          <table class="rpps-rejections" data-testid="rpps-rejections">
            <thead>
              <tr>
                <th scope="col">{fr.rpps.line}</th>
                <th scope="col">{fr.rpps.reason}</th>
              </tr>
            </thead>
            <tbody>
              <For each={rejections()}>
                {(r) => (
                  <tr>
                    <td>{r.line}</td>
                    <td>{r.reason}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
          <Show when={hidden() > 0}>
            <p class="muted">{fr.rpps.moreRejections(hidden())}</p>
          </Show>
        </Show>
      </Show>
    </section>
  );
}
