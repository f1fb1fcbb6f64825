// The map reads as a map: areas are named in tooltips (not FIPS codes), the data table follows the chosen
// metric, sorted and formatted, counties are named with their state, outliers do not stretch the colours, and
// the clusters map names its states too.

/** The bold name of the first area tooltip found by sweeping the pointer over the middle of `selector`. */
async function areaTooltipName(page, selector) {
  const box = await page.locator(selector).boundingBox();
  for (let y = box.y + box.height * 0.35; y < box.y + box.height * 0.65; y += 7) {
    for (let x = box.x + box.width * 0.35; x < box.x + box.width * 0.65; x += 7) {
      await page.mouse.move(x, y);
      const name = await page.evaluate((s) => [...document.querySelectorAll(`${s} div`)]
        .find((d) => d.style.display !== 'none' && d.querySelector('b') && !d.innerHTML.includes('Rating:'))
        ?.querySelector('b').textContent, selector);
      if (name) return name;
    }
  }
  return null;
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
  const name = await areaTooltipName(page, '#map-chart');
  check(name !== null && !/^\d+$/.test(name), `hovering a state names it: "${name}"`);

  await visit(page, '#/map?level=county&metric=life_expectancy');
  await page.waitForSelector('#map-chart[data-drawn="true"]', { timeout: 60000 });
  const info = await page.locator('.metric-info').innerText();
  check(info.includes('2nd to the 98th percentile'), `the county scale is robust and says so: "${info.split('. ').pop()}"`);
  const countyRow = await page.locator('#map-table tbody tr').first().textContent();
  check(/, [A-Z]{2}/.test(countyRow), `counties are named with their state: "${countyRow}"`);

  await visit(page, '#/clusters');
  await page.waitForSelector('#cluster-map canvas');
  await page.waitForTimeout(500);
  const clusterName = await areaTooltipName(page, '#cluster-map');
  check(clusterName !== null && !/^\d+$/.test(clusterName), `hovering a state on Clusters names it: "${clusterName}"`);
}
