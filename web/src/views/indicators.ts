// State indicators as KFF State Health Facts shows them: pick an indicator and a year; the map, the states
// ranked with the US value beside them, trends of chosen states with the nation's (gaps where the publisher
// released nothing, as the ACS in 2020), the definition and publisher, and a download of what is shown.

import type { ObjectEnvelope } from '../api';
import { everyYear, linesFigure } from '../charts/lines';
import { mountChart } from '../charts/mount';
import { stateCodeByFips, stateFipsByCode } from '../geo/projection';
import { regionName, registerStates, usMapBase } from '../geo/usMap';
import { viridis } from '../transforms/colors';
import { download } from '../transforms/exports';
import { formatWithUnit } from '../transforms/format';
import { defaultYear, indicatorCsv, panelJumpText, panelYears, rankedValues, shown, type RankedValue } from '../transforms/indicatorPanel';
import { clampToScale, scaleRange, scaleText } from '../transforms/metrics';
import type { IndicatorCatalog, IndicatorPanel } from '../types';
import { escapeHtml, h, replace, select } from '../ui/dom';
import { showLoading } from '../ui/states';
import { dataTable } from '../ui/table';
import { cachedJson, type View } from '../view';
import { statesPicker } from './statesPicker';

const defaultIndicator = 'uninsured_share';
const defaultTrendStates = 3; // the highest-ranked states drawn when the URL names none

function unitOf(panel: IndicatorPanel): string {
  return panel.about?.display_unit ?? panel.unit;
}

// A signed difference in the display unit; shares differ by percentage points, not percent.
function difference(value: number, unit: string): string {
  const sign = value >= 0 ? '+' : '';
  return unit === '%' ? `${sign}${value.toFixed(1)}` : `${sign}${formatWithUnit(value, unit)}`;
}

function rankingTable(panel: IndicatorPanel, year: number, ranked: RankedValue[]): HTMLElement {
  const unit = unitOf(panel);
  const national = shown(panel, panel.united_states?.values.find((v) => v.year === year)?.value);
  return dataTable(`${panel.about?.label ?? panel.indicator}, ${year}: states ranked, largest first` +
    (national === null ? '' : `; United States ${formatWithUnit(national, unit)}`), [
    { header: 'Rank', value: (r: RankedValue) => r.rank, numeric: true, sortKey: (r) => (r.rank === null ? null : -r.rank) },
    { header: 'State', value: (r) => h('a', { href: `#/state?code=${r.state}` }, r.name), sortKey: (r) => r.name },
    { header: `Value (${unit || 'number'})`, value: (r) => (r.value === null ? r.missingReason || 'no value' : formatWithUnit(r.value, unit)),
      numeric: true, sortKey: (r) => r.value },
    { header: unit === '%' ? 'Against the US (percentage points)' : 'Against the US', numeric: true,
      sortKey: (r) => (r.value === null || national === null ? null : r.value - national),
      value: (r) => (r.value === null || national === null ? '' : difference(r.value - national, unit)) },
  ], ranked);
}

function trendsFigure(panel: IndicatorPanel, chosen: string[]): HTMLElement {
  const unit = unitOf(panel);
  const years = everyYear(panelYears(panel));
  const series = [...panel.series.filter((s) => chosen.includes(s.state)),
    ...(panel.united_states ? [{ state: 'US', name: 'United States', values: panel.united_states.values }] : [])];
  const rows = series.flatMap((s) => s.values.map((v) => ({ name: s.name, year: v.year, value: shown(panel, v.value), reason: v.missing_reason ?? '' })));
  return linesFigure(`${panel.about?.label ?? panel.indicator} by year (${unit}); breaks mark years without data`, 'indicator-trends', years,
    series.map((s) => ({ name: s.name, values: years.map((y) => shown(panel, s.values.find((v) => v.year === y)?.value)) })),
    dataTable('Values by area and year', [
      { header: 'Area', value: (r: (typeof rows)[number]) => r.name, sortKey: (r) => r.name },
      { header: 'Year', value: (r) => r.year, numeric: true, sortKey: (r) => r.year },
      { header: 'Value', value: (r) => (r.value === null ? r.reason || 'no value' : formatWithUnit(r.value, unit)), numeric: true, sortKey: (r) => r.value },
    ], rows));
}

function aboutText(panel: IndicatorPanel, years: number[]): string {
  const span = `${years[0]}-${years.at(-1)}`;
  const missing = everyYear(years).filter((y) => !years.includes(y));
  return `${panel.about?.definition ?? ''} Source: ${panel.about?.publisher ?? panel.source} (stored as ${panel.unit}). ` +
    `Years ${span}${missing.length ? `; no data for ${missing.join(', ')}` : ''}.`;
}

/** The indicators view (?name=uninsured_share&year=2023&states=TX,CA). */
export const indicators: View = async (main, context) => {
  const name = context.params.get('name') ?? defaultIndicator;
  showLoading(main, 'the indicator');
  const [{ data: catalog }, { data: panel }] = await Promise.all([
    cachedJson<ObjectEnvelope<IndicatorCatalog>>('/api/v1/indicators'),
    cachedJson<ObjectEnvelope<IndicatorPanel>>(`/api/v1/indicators/${encodeURIComponent(name)}`),
    registerStates()]);
  const years = panelYears(panel);
  let year = Number(context.params.get('year')) || defaultYear(panel) || years[years.length - 1];
  if (!years.includes(year)) year = defaultYear(panel) ?? years[years.length - 1];
  const named = context.params.get('states');
  let chosen = named !== null ? named.split(',').filter(Boolean)
    : rankedValues(panel, year).slice(0, defaultTrendStates).map((r) => r.state);
  const unit = unitOf(panel);
  const write = () => context.update({ name, year: String(year), states: chosen.join(',') });

  const chartElement = h('div', { class: 'chart map', id: 'indicator-map', role: 'img',
    'aria-label': 'Map of the states shaded by the indicator in the chosen year; the ranked table below holds the same values' });
  const scaleNote = h('p', { class: 'metric-info', id: 'indicator-scale' });
  const rankingSlot = h('div', { id: 'indicator-ranking' });
  const trendsSlot = h('div', { id: 'indicator-trends-slot' });
  let chart: Awaited<ReturnType<typeof mountChart>> | null = null;
  const mapOption = (ranked: RankedValue[]) => {
    const present = ranked.filter((r) => r.value !== null);
    const robust = scaleRange(present.map((r) => r.value!));
    const range = robust ?? { low: 0, high: 1, outside: 0, robust: false };
    scaleNote.textContent = `${scaleText(robust, unit)} Pale amber: no value.`;
    return {
      animation: false,
      tooltip: { trigger: 'item', formatter: (p: { name: string; data?: { actual: number } }) =>
        `<b>${escapeHtml(regionName(p.name))}</b><br>${p.data ? formatWithUnit(p.data.actual, unit) : 'no value'} (${year})` },
      visualMap: { type: 'continuous', min: range.low, max: range.high, inRange: { color: viridis }, calculable: false,
        text: [formatWithUnit(range.high, unit), formatWithUnit(range.low, unit)], left: 8, bottom: 8, itemHeight: 120 },
      series: [{ type: 'map', ...usMapBase('state'),
        data: present.map((r) => ({ name: stateFipsByCode[r.state], value: clampToScale(r.value!, range), actual: r.value })) }],
    };
  };
  const drawTrends = () => replace(trendsSlot, trendsFigure(panel, chosen), h('p', { class: 'note', id: 'indicator-jump' }, panelJumpText(panel, chosen)),
    statesPicker(panel.series, chosen, (next) => { chosen = next; write(); drawTrends(); }));
  const drawYear = () => {
    const ranked = rankedValues(panel, year);
    replace(rankingSlot, rankingTable(panel, year, ranked));
    chart?.setOption(mapOption(ranked), { replaceMerge: ['series'] });
  };

  const options = catalog.indicators.map((i): [string, string] => [i.indicator, i.about?.label ?? i.indicator])
    .sort((a, b) => a[1].localeCompare(b[1]));
  replace(main,
    h('h1', {}, panel.about?.label ?? panel.indicator),
    h('form', { class: 'filters', 'aria-label': 'Indicator and year', onsubmit: (e) => e.preventDefault() },
      select('Indicator', options, name, (value) => context.go('indicators', { name: value }), 'indicator-name'),
      select('Year', [...years].reverse().map((y): [string, string] => [String(y), String(y)]), String(year),
        (value) => { year = Number(value); write(); drawYear(); }, 'indicator-year'),
      h('button', { type: 'button', id: 'indicator-download',
        onclick: () => download(`${name}_${year}.csv`, indicatorCsv(panel, year, chosen), 'text/csv') }, 'Download CSV')),
    h('p', { class: 'lead', id: 'indicator-about' }, aboutText(panel, years)),
    chartElement, scaleNote,
    h('section', {}, h('h2', {}, 'States ranked'), rankingSlot),
    h('section', {}, h('h2', {}, 'Over the years'), trendsSlot));
  drawYear();
  drawTrends();
  chart = await mountChart(chartElement, mapOption(rankedValues(panel, year)));
  chart.on('click', (event) => {
    const code = stateCodeByFips[event.name];
    if (!code || chosen.includes(code)) return;
    chosen = [...chosen, code];
    write();
    drawTrends();
  });
};
