// Task (d): what correlates with county life expectancy. The Correlations view at county level ranks every
// county measure against it by |r|, as the API does, with n and the adjusted p; one click on the strongest
// opens its scatter with the same n.

/** Runs the task in `page` and reports each step through `check`. */
export async function correlatesOfTask({ page, api, visit, check }) {
  const expected = (await api('/api/v1/analytics/correlates?level=county&x=life_expectancy')).data.correlates;
  await visit(page, '#/correlations');
  await page.selectOption('#select-level', 'county');
  await page.waitForFunction(() => location.hash.includes('level=county'));
  await page.waitForSelector('main[data-ready="true"]');
  await page.waitForSelector('#correlates tbody tr');
  check(await page.locator('#correlates-of').inputValue() === 'life_expectancy', 'the county view opens on what goes with life expectancy');
  const rows = await page.locator('#correlates tbody tr').allInnerTexts();
  check(rows.length === expected.length && expected.length > 70, `every county measure is ranked (${rows.length})`);
  check(expected.slice(0, 5).every((c, i) => rows[i].includes(c.metric.label) && rows[i].includes(c.r.toFixed(2))),
    `strongest first, as the API: ${expected.slice(0, 5).map((c) => `${c.metric.label} ${c.r.toFixed(2)}`).join('; ')}`);
  await page.locator('#correlates tbody tr').first().locator('button.link').click();
  await page.waitForFunction((n) => document.querySelector('#pair-stats')?.textContent?.startsWith(`n = ${n}`), expected[0].n);
  check(true, `one click opens the scatter of life expectancy and ${expected[0].metric.label} (n = ${expected[0].n})`);
}
