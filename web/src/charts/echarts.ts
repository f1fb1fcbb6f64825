// ECharts with only the charts and components the dashboard uses (tree-shaken), and the charts of the
// current view, disposed when the view changes and resized with their container.

import { BarChart, HeatmapChart, LineChart, MapChart, ScatterChart } from 'echarts/charts';
import {
  DataZoomComponent,
  GeoComponent,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([
  BarChart, HeatmapChart, LineChart, MapChart, ScatterChart, DataZoomComponent, GeoComponent, GridComponent,
  LegendComponent, MarkLineComponent, TooltipComponent, VisualMapComponent, CanvasRenderer,
]);

export { echarts };

const mounted = new Set<echarts.ECharts>();
const observer = new ResizeObserver((entries) => {
  for (const entry of entries) echarts.getInstanceByDom(entry.target as HTMLElement)?.resize();
});

/** A chart in `element` (which must have a size), tracked for disposal and resizing. */
export function mountChart(element: HTMLElement, option: echarts.EChartsCoreOption): echarts.ECharts {
  const chart = echarts.init(element, undefined, { renderer: 'canvas' });
  chart.setOption(option);
  mounted.add(chart);
  observer.observe(element);
  return chart;
}

/** Disposes every chart of the previous view. */
export function disposeCharts(): void {
  for (const chart of mounted) {
    observer.unobserve(chart.getDom());
    chart.dispose();
  }
  mounted.clear();
}
