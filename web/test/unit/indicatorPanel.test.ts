import { describe, expect, it } from 'vitest';
import { defaultYear, indicatorCsv, jumpText, largestJump, panelYears, rankedValues } from '../../src/transforms/indicatorPanel';
import type { IndicatorPanel } from '../../src/types';

const panel = {
  indicator: 'uninsured_share', unit: 'share of total population (0-1)', source: 'kff',
  about: { name: 'uninsured_share', label: 'Uninsured share', definition: '', publisher: 'KFF', display_unit: '%', scale: 100, direction: 'lower_is_better' },
  united_states: { values: [{ year: 2019, value: 0.092 }, { year: 2021, value: 0.086 }] },
  series: [
    { state: 'TX', name: 'Texas', values: [{ year: 2019, value: 0.184 }, { year: 2021, value: 0.18 }] },
    { state: 'MA', name: 'Massachusetts', values: [{ year: 2019, value: 0.03 }, { year: 2021, value: 0.025 }] },
    { state: 'GA', name: 'Georgia', values: [{ year: 2019, value: 0.03 }, { year: 2021, value: null, missing_reason: 'Unreliable' }] },
  ],
} as IndicatorPanel;

describe('an indicator panel', () => {
  it('lists its years, with 2020 absent as the publisher left it', () => {
    expect(panelYears(panel)).toEqual([2019, 2021]);
  });

  it('defaults to the latest year (few states here, so the latest of all)', () => {
    expect(defaultYear(panel)).toBe(2021);
  });

  it('ranks a year in percent, ties sharing a rank, missing values last with their reason', () => {
    expect(rankedValues(panel, 2019).map((r) => [r.state, r.value, r.rank])).toEqual([['TX', 18.4, 1], ['MA', 3, 2], ['GA', 3, 2]]);
    const year2021 = rankedValues(panel, 2021);
    expect(year2021.at(-1)).toMatchObject({ state: 'GA', value: null, rank: null, missingReason: 'Unreliable' });
  });

  it('downloads what is shown: the ranking with the nation, then the chosen trends and the nation\'s', () => {
    const lines = indicatorCsv(panel, 2021, ['TX']).trimEnd().split('\r\n');
    expect(lines[0]).toBe('table,area,code,year,uninsured_share,unit,rank,missing_reason');
    expect(lines[1]).toBe('ranking,United States,US,2021,8.6,%,,');
    expect(lines[2]).toBe('ranking,Texas,TX,2021,18,%,1,');
    expect(lines).toContain('ranking,Georgia,GA,2021,,%,,Unreliable');
    expect(lines).toContain('trend,Texas,TX,2019,18.4,%,,');
    expect(lines.at(-1)).toBe('trend,United States,US,2021,8.6,%,,');
  });
});

describe('a jump in a series', () => {
  it('is flagged from 20% between reported years, the largest one', () => {
    const premiums = [{ year: 2024, value: 474 }, { year: 2025, value: 489 }, { year: 2026, value: 661 }];
    expect(largestJump(premiums)).toEqual({ from: 2025, to: 2026, change: 661 / 489 - 1 });
    expect(jumpText(largestJump(premiums), 'Texas')).toContain("Texas's 2026 value is 35% above its 2025 value");
  });

  it('is not flagged for ordinary changes or gaps', () => {
    expect(largestJump([{ year: 2019, value: 10 }, { year: 2020, value: null }, { year: 2021, value: 11 }])).toBeNull();
    expect(jumpText(null, 'Texas')).toBe('');
  });
});
