/**
 * `/coordination/indicateurs`: the ACI indicators for a period and filters, computed on the device by
 * the shared domain code over the synced requests; charts, a commune map, and every table in CSV.
 */
import { createMemo, createResource, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import { computeIndicators } from '../domain/indicators/indicators';
import { professionLabel } from '../domain/members/professions';
import { REQUEST_KINDS, type RequestType } from '../domain/requests/types';
import type { Commune } from '../domain/territory/communes';
import * as fr from '../i18n/fr';
import { CoordinatorOnly } from '../coordination/CoordinatorOnly';
import { loadCommunes } from '../territory/communes';
import { ChartView } from './ChartView';
import { CommuneMap } from './CommuneMap';
import { Figures } from './Figures';
import { defaultFilterForm, filtersOf, type FilterForm } from './filter-form';
import { Filters } from './Filters';
import { createDataset } from './queries';
import { outcomeSeries, seriesOf, tablesOf, type Labels } from './tables';
import { TableView } from './TableView';
import './indicators.css';

const t = fr.indicators;
const MONTH = new Intl.DateTimeFormat('fr-FR', { month: 'long', year: 'numeric', timeZone: 'UTC' });

export default function DashboardPage() {
  return (
    <CoordinatorOnly>
      <Dashboard />
    </CoordinatorOnly>
  );
}

function Dashboard() {
  const data = createDataset();
  const [communes] = createResource(() => loadCommunes().catch(() => [] as Commune[]));
  const [form, setForm] = createStore<FilterForm>(defaultFilterForm(Date.now()));
  const communeNames = createMemo(() => new Map((communes() ?? []).map((c) => [c.insee, c.name])));
  const labels: Labels = {
    type: (k) => REQUEST_KINDS[k as RequestType]?.label ?? k,
    profession: professionLabel,
    commune: (insee) => communeNames().get(insee) ?? insee,
    month: (key) => MONTH.format(Date.parse(`${key}-01T00:00:00Z`)),
  };
  // Timed: the figures are recomputed at every change of filter or of the synced data. Dated: which
  // follow-ups are due depends on the time, shown in `data-now` so a test can compute the same figures.
  const computed = createMemo(() => {
    const start = performance.now();
    const now = Date.now();
    const indicators = computeIndicators(data.requests(), data.members(), { answers: data.followUps(), now }, filtersOf({ ...form }));
    return { indicators, now, ms: Math.round(performance.now() - start) };
  });
  const tables = createMemo(() => tablesOf(computed().indicators, labels));
  const table = (i: number) => tables()[i];

  return (
    <section class="stack indicators" aria-labelledby="indicators-title">
      <h1 id="indicators-title" class="page-title">{t.title}</h1>
      <p class="muted">{t.intro}</p>
      <Filters form={form} communes={communes() ?? []} monthLabel={labels.month} set={(k, v) => setForm(k, v)} reset={() => setForm(defaultFilterForm(Date.now()))} />
      <Show when={data.failed()}>
        <p class="notice notice--error">{fr.errors.generic}</p>
      </Show>
      <Show when={data.loaded()} fallback={<p class="muted">{t.loading}</p>}>
        <p class="muted" data-testid="indicators-timing" data-ms={computed().ms} data-now={computed().now}>{t.computedIn(computed().ms, data.requests().length)}</p>
        <Figures indicators={computed().indicators} />
        <Show when={computed().indicators.received === 0}>
          <p class="notice" data-testid="indicators-empty">{t.empty}</p>
        </Show>
        <div class="indicator-grid">
          <TableView table={table(0)}>
            <ChartView kind="doughnut" series={outcomeSeries(computed().indicators)} label={t.outcomes} height={220} testid="chart-outcomes" />
          </TableView>
          <TableView table={table(4)}>
            <ChartView kind="bar" series={seriesOf(table(4))} label={t.byMonth} testid="chart-months" />
          </TableView>
          <TableView table={table(1)}>
            <ChartView kind="horizontal-bar" series={seriesOf(table(1))} label={t.byType} height={300} testid="chart-types" />
          </TableView>
          <TableView table={table(2)}>
            <ChartView kind="horizontal-bar" series={seriesOf(table(2), 12)} label={t.byProfession} testid="chart-professions" />
          </TableView>
          <TableView table={table(3)} limit={15}>
            <CommuneMap counts={computed().indicators.byCommune} selected={form.commune} onSelect={(insee) => setForm('commune', insee)} />
          </TableView>
        </div>
      </Show>
    </section>
  );
}
