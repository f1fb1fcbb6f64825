// Reading one state indicator as KFF State Health Facts shows it: the years it covers, a default year, the
// states ranked in a year (shown in the display unit), and the CSV of what the view shows.

import type { IndicatorPanel } from '../types';
import { rowsToCsv } from './exports';

/** One state's value in a year: shown value (display unit), rank among states with a value, or the reason it is missing. */
export interface RankedValue {
  state: string;
  name: string;
  value: number | null;
  rank: number | null;
  missingReason: string;
}

const wellCovered = 40; // states with a value for a year to be the default year

/** The years any state has, ascending. */
export function panelYears(panel: IndicatorPanel): number[] {
  return [...new Set(panel.series.flatMap((s) => s.values.map((v) => v.year)))].sort((a, b) => a - b);
}

/** The latest year at least 40 states have a value for, else the latest year. */
export function defaultYear(panel: IndicatorPanel): number | undefined {
  const years = panelYears(panel);
  const covered = years.filter((year) => panel.series.filter((s) => s.values.some((v) => v.year === year && v.value !== null)).length >= wellCovered);
  return covered.at(-1) ?? years.at(-1);
}

/** A stored value in the display unit (a 0-1 share times 100 is percent), without floating-point noise. */
export function shown(panel: IndicatorPanel, value: number | null | undefined): number | null {
  return value === null || value === undefined ? null : Number((value * (panel.about?.scale ?? 1)).toPrecision(12));
}

/** The states in `year`, largest value first with competition ranks (ties share a rank); missing values last. */
export function rankedValues(panel: IndicatorPanel, year: number): RankedValue[] {
  const rows = panel.series.map((s): RankedValue => {
    const entry = s.values.find((v) => v.year === year);
    return { state: s.state, name: s.name, value: shown(panel, entry?.value), rank: null,
      missingReason: entry ? entry.missing_reason ?? '' : `no ${year} value` };
  });
  const present = rows.filter((r) => r.value !== null).sort((a, b) => b.value! - a.value!);
  present.forEach((row, i) => { row.rank = i > 0 && present[i - 1].value === row.value ? present[i - 1].rank : i + 1; });
  return [...present, ...rows.filter((r) => r.value === null).sort((a, b) => a.name.localeCompare(b.name))];
}

/** The view's data as CSV: the year's ranking with the national value, then every chosen series and the nation's by year. */
export function indicatorCsv(panel: IndicatorPanel, year: number, chosen: string[]): string {
  const unit = panel.about?.display_unit ?? panel.unit;
  const national = panel.united_states?.values ?? [];
  const rows: unknown[][] = [['ranking', 'United States', 'US', year, shown(panel, national.find((v) => v.year === year)?.value), unit, '', '']];
  for (const r of rankedValues(panel, year)) rows.push(['ranking', r.name, r.state, year, r.value, unit, r.rank, r.missingReason]);
  const trend = (name: string, code: string, values: IndicatorPanel['series'][number]['values']) => {
    for (const v of values) rows.push(['trend', name, code, v.year, shown(panel, v.value), unit, '', v.missing_reason ?? '']);
  };
  for (const s of panel.series.filter((x) => chosen.includes(x.state))) trend(s.name, s.state, s.values);
  trend('United States', 'US', national);
  return rowsToCsv(['table', 'area', 'code', 'year', panel.indicator, 'unit', 'rank', 'missing_reason'], rows);
}
