// Costs and coverage: marketplace premiums, Medicare spending, coverage, Medicaid enrollment (also monthly) and
// infant and all-cause mortality by state over the years, and the cost model's forecast with its 95% interval
// when the model is trained.

import { ApiError, type ObjectEnvelope } from '../api';
import { everyYear, linesFigure } from '../charts/lines';
import { mountChartNextFrame } from '../charts/mount';
import { okabeIto } from '../transforms/colors';
import { formatNumber, formatWithUnit } from '../transforms/format';
import { panelJumpText, shown } from '../transforms/indicatorPanel';
import { h, replace, select } from '../ui/dom';
import { showError } from '../ui/states';
import { dataTable, figure } from '../ui/table';
import { cachedJson, type View } from '../view';
import type { Forecast, IndicatorPanel, IndicatorValue, MonthlyIndicatorPanel } from '../types';
import { statesPicker } from './statesPicker';

const indicators: [string, string][] = [
  ['aca_marketplace_benchmark_premium', 'ACA benchmark (second-lowest silver) premium'],
  ['aca_marketplace_lowest_bronze_premium', 'ACA lowest bronze premium'],
  ['aca_marketplace_lowest_silver_premium', 'ACA lowest silver premium'],
  ['aca_marketplace_lowest_gold_premium', 'ACA lowest gold premium'],
  ['medicare_spending_per_enrollee', 'Medicare spending per enrollee'],
  ['uninsured_share', 'Uninsured share of the population'],
  ['coverage_medicaid_share', 'Share covered by Medicaid'],
  ['medicaid_chip_enrollment', 'Medicaid and CHIP enrollment (mean of the monthly reports)'],
  ['medicaid_chip_enrollment_per_100', 'Medicaid and CHIP enrollees per 100 residents'],
  ['medicaid_enrollment_per_100', 'Medicaid enrollees per 100 residents'],
  ['infant_mortality_rate', 'Infant mortality rate'],
  ['age_adjusted_death_rate_all_causes', 'Age-adjusted death rate, all causes'],
];

/** The yearly indicators that are means of a monthly figure, with that figure's name. */
const monthlyForms: Record<string, string> = {
  medicaid_chip_enrollment: 'medicaid_chip_enrollment',
  medicaid_chip_enrollment_per_100: 'medicaid_chip_enrollment',
  medicaid_enrollment_per_100: 'medicaid_enrollment',
};

function trendFigure(panel: IndicatorPanel, chosen: string[]): HTMLElement {
  const shownSeries = panel.series.filter((s) => chosen.includes(s.state));
  const years = everyYear(panel.series.flatMap((s) => s.values.map((v) => v.year)));
  const unit = panel.about?.display_unit ?? panel.unit;
  return linesFigure(`${panel.about?.label ?? panel.indicator} (${unit})`, 'cost-trend', years,
    shownSeries.map((s) => ({ name: s.name, values: years.map((y) => shown(panel, s.values.find((v) => v.year === y)?.value)) })),
    dataTable('Values by state and year', [
      { header: 'State', value: (row: IndicatorValue & { state: string }) => row.state },
      { header: 'Year', value: (row) => row.year },
      { header: 'Value', value: (row) => row.value === null ? (row.missing_reason ?? '') : formatWithUnit(shown(panel, row.value), unit), numeric: true },
    ], shownSeries.flatMap((s) => s.values.map((v) => ({ state: s.name, ...v })))));
}

function monthlyFigure(panel: MonthlyIndicatorPanel, chosen: string[]): HTMLElement {
  const shown = panel.series.filter((s) => chosen.includes(s.state));
  const months = [...new Set(shown.flatMap((s) => s.values.map((v) => v.month)))].sort();
  type Row = MonthlyIndicatorPanel['series'][number]['values'][number] & { state: string };
  return linesFigure(`${panel.indicator.replace(/_/g, ' ')}, monthly reports (${panel.unit})`, 'cost-monthly', months,
    shown.map((s) => ({ name: s.name, values: months.map((m) => s.values.find((v) => v.month === m)?.value ?? null) })),
    dataTable('Monthly reports by state (Updated report, else Preliminary)', [
      { header: 'State', value: (row: Row) => row.state },
      { header: 'Month', value: (row) => row.month },
      { header: 'Value', value: (row) => formatNumber(row.value), numeric: true },
      { header: 'Report', value: (row) => (row.preliminary ? 'Preliminary' : 'Updated') },
    ], shown.flatMap((s) => s.values.map((v) => ({ state: s.name, ...v })))));
}

function forecastFigure(panel: IndicatorPanel, forecast: Forecast, state: string): HTMLElement | null {
  const points = forecast.targets[panel.indicator];
  const history = panel.series.find((s) => s.state === state);
  if (!points || !history) return null;
  const years = [...history.values.map((v) => v.year), ...points.map((p) => p.year)];
  const at = (year: number) => points.find((p) => p.year === year);
  const chartElement = h('div', { class: 'chart', id: 'cost-forecast', role: 'img', 'aria-label': 'History and forecast with a 95% interval; the data table follows' });
  const element = figure(`Forecast for ${history.name} (model ${forecast.model_version}, 95% prediction interval)`, chartElement,
    dataTable('Forecast', [
      { header: 'Year', value: (p: { year: number; value: number; low: number; high: number }) => p.year },
      { header: 'Forecast', value: (p) => formatNumber(p.value), numeric: true },
      { header: '95% low', value: (p) => formatNumber(p.low), numeric: true },
      { header: '95% high', value: (p) => formatNumber(p.high), numeric: true },
    ], points));
  mountChartNextFrame(chartElement, {
    grid: { left: 8, right: 24, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: years },
    yAxis: { type: 'value', scale: true },
    series: [
      { type: 'line', name: 'observed', data: years.map((y) => history.values.find((v) => v.year === y)?.value ?? null), itemStyle: { color: okabeIto[4] } },
      { type: 'line', name: 'low', stack: 'band', data: years.map((y) => at(y)?.low ?? null), lineStyle: { opacity: 0 }, symbol: 'none' },
      { type: 'line', name: '95% interval', stack: 'band', data: years.map((y) => (at(y) ? at(y)!.high - at(y)!.low : null)),
        lineStyle: { opacity: 0 }, symbol: 'none', areaStyle: { color: okabeIto[0], opacity: 0.3 } },
      { type: 'line', name: 'forecast', data: years.map((y) => at(y)?.value ?? null), lineStyle: { type: 'dashed' }, itemStyle: { color: okabeIto[5] } },
    ],
  });
  return element;
}

/** The costs view (?indicator=...&states=TX,CA). */
export const costs: View = async (main, context) => {
  const indicator = context.params.get('indicator') ?? indicators[0][0];
  const chosen = (context.params.get('states') ?? 'TX,CA,NY,FL,VT').split(',').filter(Boolean);
  const panel = (await cachedJson<ObjectEnvelope<IndicatorPanel>>(`/api/v1/indicators/${indicator}`)).data;
  const forecastSlot = h('section', { id: 'forecast' });
  const monthly = monthlyForms[indicator];
  const monthlyPanel = monthly
    ? (await cachedJson<ObjectEnvelope<MonthlyIndicatorPanel>>(`/api/v1/indicators/${monthly}/monthly`)).data : null;
  const go = (params: Record<string, string>) => context.go('costs', { indicator, states: chosen.join(','), ...params });
  replace(main,
    h('h1', {}, 'How costs and coverage moved'),
    h('form', { class: 'filters', onsubmit: (e) => e.preventDefault() },
      select('Indicator', indicators, indicator, (value) => go({ indicator: value }), 'cost-indicator'),
      statesPicker(panel.series, chosen, (next) => go({ states: next.join(',') }))),
    trendFigure(panel, chosen),
    h('p', { class: 'note', id: 'cost-jump' }, panelJumpText(panel, chosen)),
    monthlyPanel ? monthlyFigure(monthlyPanel, chosen) : null,
    h('p', { class: 'source' }, `${panel.about?.definition ?? ''} Source: ${panel.about?.publisher ?? panel.source}. `,
      h('a', { href: `#/indicators?name=${indicator}` }, 'Map and ranking of this indicator')),
    forecastSlot);
  const state = chosen[0];
  if (!state) return;
  try {
    const forecast = (await cachedJson<ObjectEnvelope<Forecast>>(`/api/v1/states/${state}/forecast`)).data;
    const element = forecastFigure(panel, forecast, state);
    replace(forecastSlot, element ?? h('p', { class: 'state empty' }, `The cost model does not forecast ${indicator.replace(/_/g, ' ')}.`));
  } catch (error) {
    if (error instanceof ApiError && !error.notComputed && error.status === 404) replace(forecastSlot, h('p', {}, `No forecast for ${state}.`));
    else showError(forecastSlot, error);
  }
};
