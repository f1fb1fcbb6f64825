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

/** A stored value times its display scale (a 0-1 share times 100 is percent), without floating-point noise. */
export function scaled(value: number | null | undefined, scale: number): number | null {
  return value === null || value === undefined ? null : Number((value * scale).toPrecision(12));
}

/** A value of the panel in its display unit. */
export function shown(panel: IndicatorPanel, value: number | null | undefined): number | null {
  return scaled(value, panel.about?.scale ?? 1);
}

/** The jump note of a panel's trend: of the national series where there is one, else of the first chosen state. */
export function panelJumpText(panel: IndicatorPanel, chosen: string[]): string {
  if (panel.united_states) return jumpText(largestJump(panel.united_states.values), 'the United States');
  const first = panel.series.find((s) => s.state === chosen[0]);
  return first ? jumpText(largestJump(first.values), first.name) : '';
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

/** A change from one year to the next large enough to flag: at least a fifth of the earlier value. */
export interface Jump {
  from: number;
  to: number;
  change: number; // relative, 0.35 for +35%
}

const flaggedChange = 0.2;

/** The largest relative change between consecutive reported years, when it reaches 20%; null otherwise. */
export function largestJump(values: { year: number; value: number | null }[]): Jump | null {
  const present = values.filter((v) => v.value !== null && v.value !== 0).sort((a, b) => a.year - b.year);
  let largest: Jump | null = null;
  for (let i = 1; i < present.length; i += 1) {
    const change = present[i].value! / present[i - 1].value! - 1;
    if (Math.abs(change) >= flaggedChange && (!largest || Math.abs(change) > Math.abs(largest.change))) {
      largest = { from: present[i - 1].year, to: present[i].year, change };
    }
  }
  return largest;
}

/** The sentence that flags a jump: "2026 is 35% above 2025, the largest year-on-year change of the series." */
export function jumpText(jump: Jump | null, area: string): string {
  if (!jump) return '';
  const size = `${Math.round(Math.abs(jump.change) * 100)}%`;
  return `Note: ${area}'s ${jump.to} value is ${size} ${jump.change > 0 ? 'above' : 'below'} its ${jump.from} value, ` +
    'the largest year-on-year change of the series; check the publisher\'s notes before reading a trend through it.';
}
