// The charts of the current view: ECharts loaded once, on first use; each chart disposed when the view
// changes and resized with its container.

import type { ECharts, EChartsCoreOption } from 'echarts/core';
import { once } from '../once';
import { showError } from '../ui/states';

type EChartsBuild = typeof import('./echarts').echarts;

/** The ECharts build (its own chunk); the first call starts the download, a failed one is retried next time. */
export function loadECharts(): Promise<EChartsBuild> {
  return once('echarts', () => import('./echarts').then((module) => module.echarts));
}

const mounted = new Map<Element, ECharts>();
const observer = new ResizeObserver((entries) => {
  for (const entry of entries) {
    const chart = mounted.get(entry.target);
    // The first observation reports the size the chart was just drawn at; redrawing then would draw it twice.
    if (chart && !sameSize(entry.contentRect, chart)) chart.resize();
  }
});

function sameSize(box: DOMRectReadOnly, chart: ECharts): boolean {
  return Math.abs(box.width - chart.getWidth()) < 1 && Math.abs(box.height - chart.getHeight()) < 1;
}

/** A chart in `element` (which must be in the page, with a size); a failed load shows its error there. */
export async function mountChart(element: HTMLElement, option: EChartsCoreOption): Promise<ECharts> {
  let echarts: EChartsBuild;
  try {
    echarts = await loadECharts();
  } catch (error) {
    showError(element, error);
    throw error;
  }
  const chart = echarts.init(element, undefined, { renderer: 'canvas' });
  chart.setOption(option);
  mounted.set(element, chart);
  observer.observe(element);
  return chart;
}

/** mountChart on the next frame, for a figure built before its caller puts it in the page. */
export function mountChartNextFrame(element: HTMLElement, option: EChartsCoreOption, onMounted?: (chart: ECharts) => void): void {
  requestAnimationFrame(() => {
    mountChart(element, option).then(onMounted, () => { /* the error is shown in the element */ });
  });
}

/** Disposes every chart of the previous view. */
export function disposeCharts(): void {
  for (const [element, chart] of mounted) {
    observer.unobserve(element);
    chart.dispose();
  }
  mounted.clear();
}
