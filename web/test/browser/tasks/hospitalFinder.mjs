// The hospital finder: a ZIP and a radius list the hospitals around it nearest first, as the API's near_zip
// gives them, with "same ZIP" for those placed at the ZIP's own centroid; ownership, emergency, birthing-friendly
// and county are columns, and the birthing-friendly and county filters narrow the list as the API does.

/** Runs the steps in `page` and reports each through `check`. */
export async function hospitalFinderTask({ page, api, visit, check }) {
  const around = await api('/api/v1/hospitals?near_zip=77030&radius_km=10&limit=25');
  await visit(page, '#/hospitals');
  await page.fill('#finder-zip', '77030');
  await page.selectOption('#finder-radius', '10');
  await page.click('#finder-go');
  await page.waitForFunction(() => location.hash.includes('near_zip=77030') && location.hash.includes('sort=distance'));
  await page.waitForFunction((n) => document.querySelector('#hospital-count')?.textContent?.startsWith(n), around.meta.total.toLocaleString('en-US'));
  const ids = await page.locator('#hospital-table tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.id));
  check(JSON.stringify(ids) === JSON.stringify(around.data.map((x) => x.id)),
    `ZIP 77030 within 10 km lists the API's ${around.meta.total} hospitals, nearest first`);
  const first = await page.locator('#hospital-table tbody tr').first().innerText();
  check(around.data[0].zip !== '77030' || first.includes('same ZIP'), `a hospital at the ZIP's centroid reads "same ZIP": ${first.replace(/\s+/g, ' ')}`);
  const headers = await page.locator('#hospital-table thead th').allInnerTexts();
  check(['County', 'Ownership', 'Emergency', 'Birthing-friendly', 'Distance'].every((c) => headers.some((x) => x.startsWith(c))),
    `the table shows ${headers.join(', ')}`);
  const designated = (await api('/api/v1/hospitals?near_zip=77030&radius_km=10&birthing_friendly=true&limit=1')).meta.total;
  await page.selectOption('#hospital-birthing', 'true');
  await page.waitForFunction((n) => document.querySelector('#hospital-count')?.textContent?.startsWith(n), designated.toLocaleString('en-US'));
  check(true, `birthing-friendly narrows it to ${designated}, as the API`);

  const harris = (await api('/api/v1/hospitals?state=TX&county=HARRIS&limit=1')).meta.total;
  await visit(page, '#/hospitals');
  await page.selectOption('#hospital-state', 'TX');
  await page.selectOption('#hospital-county', 'HARRIS');
  await page.waitForFunction((n) => document.querySelector('#hospital-count')?.textContent?.startsWith(n), harris.toLocaleString('en-US'));
  const counties = await page.locator('#hospital-table tbody td:nth-child(4)').allInnerTexts();
  check(page.url().includes('county=HARRIS') && counties.length > 0 && counties.every((c) => c === 'HARRIS'),
    `the county filter (after the state) lists Harris County's ${harris} hospitals, as the API`);
}
