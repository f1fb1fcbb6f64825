// States and counties: the list of states sorts by a column and its picker opens a state; a county is found by
// typing its name and its snapshot shows each measure as the API gives it (value, state, nation, rank).

/** Runs the steps in `page` and reports each through `check`. */
export async function areaPagesTask({ page, api, visit, check }) {
  const states = (await api('/api/v1/states?limit=100')).data;
  await visit(page, '#/state');
  check(await page.locator('main tbody tr').count() === states.length, `#/state lists the ${states.length} states and territories`);
  await page.locator('main thead button.sort', { hasText: 'Hospitals' }).first().click();
  const most = [...states].sort((a, b) => b.hospital_count - a.hospital_count)[0];
  check((await page.locator('main tbody tr').first().innerText()).includes(most.name),
    `sorting by hospitals puts ${most.name} (${most.hospital_count}) first`);
  await page.selectOption('#state-picker', 'VT');
  await page.waitForFunction(() => location.hash.includes('code=VT'));
  await page.waitForSelector('main[data-ready="true"]');
  check((await page.locator('h1').innerText()) === 'Vermont', 'the picker opens Vermont');
  await page.selectOption('#state-picker', 'TX');
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Texas');
  check(true, 'and from a state page, Texas');

  const harris = (await api('/api/v1/counties/48201')).data;
  await visit(page, '#/county');
  await page.fill('#county-search', 'harris tx');
  await page.locator('#county-matches a', { hasText: 'Harris County, TX' }).first().click();
  await page.waitForFunction(() => location.hash.includes('fips=48201'));
  await page.waitForSelector('main[data-ready="true"]');
  await page.waitForFunction(() => document.querySelector('h1')?.textContent === 'Harris County, TX');
  const rows = page.locator('main section table').first().locator('tbody tr');
  check(await rows.count() === harris.measures.length, `Harris County's snapshot lists its ${harris.measures.length} measures`);
  const obesity = harris.measures.find((m) => m.name === 'adult_obesity');
  const obesityRow = await rows.filter({ hasText: obesity.label }).first().innerText();
  const rank = `${obesity.rank_in_state.rank} of ${obesity.rank_in_state.of}`;
  check([obesity.value, obesity.state_value, obesity.national_value].every((v) => obesityRow.includes(`${v.toFixed(1)}%`)) &&
    obesityRow.includes(rank), `adult obesity: county, state and US values and rank ${rank}: "${obesityRow.replace(/\s+/g, ' ')}"`);
}
