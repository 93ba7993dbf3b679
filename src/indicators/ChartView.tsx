/** One chart of the dashboard, drawn once and updated when its series changes; the table beside it carries the same figures for screen readers. */
import { createEffect, onCleanup, onMount } from 'solid-js';
import { drawChart, type ChartHandle, type ChartKind } from './charts';
import type { Series } from './tables';

export function ChartView(props: { kind: ChartKind; series: Series; label: string; height?: number; testid: string }) {
  let canvas!: HTMLCanvasElement;
  let chart: ChartHandle | undefined;
  onMount(() => {
    chart = drawChart(canvas, props.kind, props.series, props.label);
    createEffect(() => chart!.update(props.series));
  });
  onCleanup(() => chart?.destroy());
  return (
    <div class="chart" style={{ height: `${props.height ?? 260}px` }} data-testid={props.testid}>
      <canvas ref={canvas} role="img" aria-label={props.label} />
    </div>
  );
}
