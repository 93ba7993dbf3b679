/**
 * Chart.js with only what the dashboard draws registered (bars and a doughnut, tooltips, legend), so
 * the rest of the library is shaken out; imported by the dashboard route alone, so it loads with it.
 */
import { ArcElement, BarController, BarElement, CategoryScale, Chart, DoughnutController, Legend, LinearScale, Tooltip, type ChartConfiguration } from 'chart.js';
import type { Series } from './tables';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, DoughnutController, ArcElement, Tooltip, Legend);

const THEME = '#0b5c8a';
const OUTCOME_COLOURS = ['#17803d', '#a3161b', '#7c8792', '#b26b00', '#1f5fbf'];
const NUMBER = new Intl.NumberFormat('fr-FR');

export type ChartKind = 'bar' | 'horizontal-bar' | 'doughnut';

function configOf(kind: ChartKind, series: Series, label: string): ChartConfiguration {
  if (kind === 'doughnut') {
    return {
      type: 'doughnut',
      data: { labels: series.labels, datasets: [{ label, data: series.values, backgroundColor: OUTCOME_COLOURS }] },
      options: { responsive: true, maintainAspectRatio: false, animation: false, plugins: { legend: { position: 'right' } } },
    };
  }
  return {
    type: 'bar',
    data: { labels: series.labels, datasets: [{ label, data: series.values, backgroundColor: THEME }] },
    options: {
      indexAxis: kind === 'horizontal-bar' ? 'y' : 'x',
      responsive: true,
      maintainAspectRatio: false,
      // Redrawn at each change of filter: no animation to wait for.
      animation: false,
      plugins: { legend: { display: false }, tooltip: { callbacks: { label: (c) => NUMBER.format(Number(c.raw)) } } },
      scales: { x: { ticks: { autoSkip: true } }, y: { beginAtZero: true, ticks: { autoSkip: kind !== 'horizontal-bar' } } },
    },
  };
}

export interface ChartHandle {
  update(series: Series): void;
  destroy(): void;
}

export function drawChart(canvas: HTMLCanvasElement, kind: ChartKind, series: Series, label: string): ChartHandle {
  const chart = new Chart(canvas, configOf(kind, series, label));
  return {
    update(next) {
      chart.data.labels = next.labels;
      chart.data.datasets[0].data = next.values;
      chart.update();
    },
    destroy: () => chart.destroy(),
  };
}
