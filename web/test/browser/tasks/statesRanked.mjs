// Task (c): which states have the highest uninsured share, and how it moved. The Indicators view opens on it:
// the states ranked for the latest covered year with the US value, a year picker, trends of the top states and
// the nation with 2020 (no ACS release) left as a gap, and a download of what is shown.
import { readFileSync } from 'node:fs';

const percent = (share) => `${(share * 100).toFixed(1)}%`;

/** The API's states ranked by a year's value, largest first. */
function ranked(panel, year) {
  return panel.series.map((s) => ({ state: s.state, name: s.name, value: s.values.find((v) => v.year === year)?.value ?? null }))
    .filter((r) => r.value !== null).sort((a, b) => b.value - a.value);
}

/** Runs the task in `page` and reports each step through `check`. */
export async function statesRankedTask({ page, api, visit, check }) {
  const panel = (await api('/api/v1/indicators/uninsured_share')).data;
  const latest = Math.max(...panel.series.flatMap((s) => s.values.map((v) => v.year)));
  await visit(page, '#/overview');
  await page.click('nav a[href="#/indicators"]');
  await page.waitForSelector('#indicator-ranking tbody tr');
  check(await page.locator('#indicator-name').inputValue() === 'uninsured_share' && await page.locator('#indicator-year').inputValue() === String(latest),
    `Indicators opens on the uninsured share in ${latest}`);
  for (const year of [latest, 2019]) {
    if (year !== latest) {
      await page.selectOption('#indicator-year', String(year));
      await page.waitForFunction((y) => location.hash.includes(`year=${y}`), year);
    }
    const expected = ranked(panel, year).slice(0, 5);
    const rows = (await page.locator('#indicator-ranking tbody tr').allInnerTexts()).slice(0, 5);
    check(expected.every((r, i) => rows[i].includes(r.name) && rows[i].includes(percent(r.value))),
      `${year}: the five highest are the API's: ${expected.map((r) => `${r.state} ${percent(r.value)}`).join(', ')}`);
    const us = panel.united_states.values.find((v) => v.year === year).value;
    check((await page.locator('#indicator-ranking caption').innerText()).includes(`United States ${percent(us)}`),
      `${year}: the US value ${percent(us)} is beside the states`);
  }
  // The trend table (folded under the chart): [area, year, value] per row.
  const trendRows = await page.locator('figure:has(#indicator-trends) tbody tr')
    .evaluateAll((rows) => rows.map((r) => [...r.cells].map((c) => c.textContent)));
  const trendStates = ranked(panel, latest).slice(0, 3).map((r) => r.name);
  check([...trendStates, 'United States'].every((name) => trendRows.some((row) => row[0] === name)),
    `the trends draw ${trendStates.join(', ')} and the United States`);
  check(!trendRows.some((row) => row[1] === '2020') && trendRows.some((row) => row[1] === '2021'), '2020 (no ACS release) is a gap, not a value');
  await page.locator('.states-picker label', { hasText: 'VT' }).locator('input').check();
  await page.waitForFunction(() => /states=[^&]*VT/.test(location.hash));
  check(await page.locator('figure:has(#indicator-trends) tbody tr', { hasText: 'Vermont' }).count() > 0, 'ticking Vermont adds it to the trends');
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('#indicator-download')]);
  const lines = readFileSync(await file.path(), 'utf8').trimEnd().split('\r\n');
  check(lines[0].startsWith('table,area,code,year,uninsured_share') && lines.filter((l) => l.startsWith('ranking,')).length === panel.series.length + 1,
    `the download holds the ranking of ${panel.series.length} states and the US, then the trends (${lines.length - 1} rows)`);
}
