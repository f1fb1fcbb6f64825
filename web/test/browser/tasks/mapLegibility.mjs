// The map reads as a map: areas are named in tooltips (not FIPS codes), the data table follows the chosen
// metric, sorted and formatted, counties are named with their state, outliers do not stretch the colours, and
// the clusters map names its states too; a click on a state or county opens its page.

/** The first area under the pointer, found by sweeping it over the middle of `selector`: its tooltip's bold
 *  name and where it is, or null. */
async function areaUnderPointer(page, selector) {
  const box = await page.locator(selector).boundingBox();
  for (let y = box.y + box.height * 0.35; y < box.y + box.height * 0.65; y += 7) {
    for (let x = box.x + box.width * 0.35; x < box.x + box.width * 0.65; x += 7) {
      await page.mouse.move(x, y);
      const name = await page.evaluate((s) => [...document.querySelectorAll(`${s} div`)]
        .find((d) => d.style.display !== 'none' && d.querySelector('b') && !d.innerHTML.includes('Rating:'))
        ?.querySelector('b').textContent, selector);
      if (name) return { name, x, y };
    }
  }
  return null;
}

/** Clicks at `area` and waits until the page for `hashPrefix` has drawn; its heading. */
async function clickOpens(page, area, hashPrefix) {
  const before = await page.locator('main h1').innerText();
  await page.mouse.click(area.x, area.y);
  await page.waitForFunction(([prefix, old]) => location.hash.startsWith(prefix) && document.querySelector('main')?.dataset.ready === 'true'
    && document.querySelector('main h1')?.textContent !== old, [hashPrefix, before], { timeout: 30000 });
  return page.locator('main h1').innerText();
}

/** Runs the checks in `page` and reports each through `check`. */
export async function mapLegibilityTask({ page, api, visit, check }) {
  const states = (await api('/api/v1/analytics/metrics?level=state')).data;
  const column = states.metrics.find((m) => m.name === 'infant_mortality_rate');
  const highest = states.rows[column.values.indexOf(Math.max(...column.values.filter((v) => v !== null)))];
  await visit(page, '#/map?metric=uninsured_share');
  await page.waitForSelector('#map-chart[data-drawn="true"]', { timeout: 60000 });
  await page.selectOption('#map-metric', 'infant_mortality_rate');
  const caption = await page.locator('#map-table caption').textContent();
  const firstRow = await page.locator('#map-table tbody tr').first().textContent();
  check(caption.includes(column.label) && firstRow.includes(highest.name),
    `the data table follows the metric: "${caption}", highest first: ${highest.name}`);
  const state = await areaUnderPointer(page, '#map-chart');
  check(state !== null && !/^\d+$/.test(state.name), `hovering a state names it: "${state?.name}"`);
  check((await clickOpens(page, state, '#/state?code=')) === state.name,
    `clicking ${state.name} on the map opens its page: ${page.url().split('#')[1]}`);

  await visit(page, '#/map?level=county&metric=life_expectancy');
  await page.waitForSelector('#map-chart[data-drawn="true"]', { timeout: 60000 });
  const info = await page.locator('.metric-info').innerText();
  check(info.includes('2nd to the 98th percentile'), `the county scale is robust and says so: "${info.split('. ').pop()}"`);
  const countyRow = await page.locator('#map-table tbody tr').first().textContent();
  check(/, [A-Z]{2}/.test(countyRow), `counties are named with their state: "${countyRow}"`);
  const county = await areaUnderPointer(page, '#map-chart');
  check((await clickOpens(page, county, '#/county?fips=')).startsWith(county.name.split(',')[0]),
    `clicking ${county.name} on the county map opens its page: ${page.url().split('#')[1]}`);

  await visit(page, '#/clusters');
  await page.waitForSelector('#cluster-map canvas');
  await page.waitForTimeout(500);
  const clustered = await areaUnderPointer(page, '#cluster-map');
  check(clustered !== null && !/^\d+$/.test(clustered.name), `hovering a state on Clusters names it: "${clustered?.name}"`);
  const headers = await page.locator('main thead th').allInnerTexts();
  check(headers.some((x) => x.startsWith('Life expectancy')) && !headers.some((x) => x.includes('_') || x.startsWith('chr')),
    `the cluster profiles are headed by labels: ${headers.slice(2, 5).join(' | ')}`);
  check((await clickOpens(page, clustered, '#/state?code=')) === clustered.name, `clicking ${clustered.name} on Clusters opens ${page.url().split('#')[1]}`);
}
