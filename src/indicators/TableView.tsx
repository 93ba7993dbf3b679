/** A table of the dashboard with its CSV export (UTF-8 with BOM, `;`: what French spreadsheets open as is). */
import { For, Show, type JSX } from 'solid-js';
import * as fr from '../i18n/fr';
import { downloadText } from './download';
import { csvOf, fileNameOf, type Table } from './tables';

const NUMBER = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const cell = (v: string | number | null) => (v === null ? fr.indicators.none : typeof v === 'number' ? NUMBER.format(v) : v);

export function TableView(props: { table: Table; limit?: number; children?: JSX.Element }) {
  const rows = () => (props.limit ? props.table.rows.slice(0, props.limit) : props.table.rows);
  return (
    <section class="panel indicator-table" data-testid={`table-${props.table.id}`}>
      <div class="card__head">
        <h2 class="panel__title">{props.table.title}</h2>
        <button type="button" class="button button--secondary button--small" data-testid={`export-${props.table.id}`} onClick={() => downloadText(fileNameOf(props.table), csvOf(props.table))}>
          {fr.indicators.export}
        </button>
      </div>
      {props.children}
      {/* A wide table scrolls sideways: focusable, so it scrolls from the keyboard too, and named for screen readers. */}
      <div class="table-scroll" tabindex="0" role="region" aria-label={props.table.title}>
        <table class="data-table">
          <thead>
            <tr>
              <For each={props.table.header}>{(h) => <th scope="col">{h}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(row) => (
                <tr>
                  <For each={row}>{(v, i) => (i() === 0 ? <th scope="row">{cell(v)}</th> : <td classList={{ num: typeof v === 'number' || v === null }}>{cell(v)}</td>)}</For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <Show when={props.limit && props.table.rows.length > props.limit}>
        <p class="muted">{fr.indicators.moreInCsv(props.table.rows.length)}</p>
      </Show>
    </section>
  );
}
