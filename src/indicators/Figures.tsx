/** The key figures of the period, each with its raw value in `data-value` (what the tests and the CSV read). */
import { For } from 'solid-js';
import type { Indicators } from '../domain/indicators/indicators';
import * as fr from '../i18n/fr';
import { figuresOf } from './key-figures';

const t = fr.indicators;

export function Figures(props: { indicators: Indicators }) {
  return (
    <ul class="figures" aria-label={t.figures}>
      <For each={figuresOf(props.indicators)}>
        {(f) => (
          <li class="figure" data-testid={`figure-${f.key}`} data-value={f.value === null ? '' : String(f.value)}>
            <span class="figure__value">{f.text}</span>
            <span class="figure__label">{f.label}</span>
            {f.detail ? <span class="figure__detail">{f.detail}</span> : null}
          </li>
        )}
      </For>
    </ul>
  );
}
