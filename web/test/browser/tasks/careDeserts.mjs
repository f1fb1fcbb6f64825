// Task (f): where the care deserts are. From the navigation to the Access view, the states ranked by the share
// of their ZIP centroids beyond 30 and then 60 km of emergency care, as the API ranks them; one click on the
// top state lists its counties and its farthest places, as the API gives them.

const share = (x) => `${(x * 100).toFixed(1)}%`;

/** Runs the task in `page` and reports each step through `check`. */
export async function careDesertsTask({ page, api, visit, check }) {
  const access = (await api('/api/v1/analytics/access')).data;
  await visit(page, '#/overview');
  await page.click('nav a[href="#/access"]');
  await page.waitForSelector('#access-map[data-drawn="true"]', { timeout: 60000 });
  const summary = await page.locator('#access-summary').innerText();
  check(summary.includes(share(access.national.share_farther_than_30km)) && summary.includes(access.national.zips.toLocaleString('en-US')),
    `Access opens on the nation: ${share(access.national.share_farther_than_30km)} of ${access.national.zips} ZIPs beyond 30 km`);
  check(Number(await page.locator('#access-map').getAttribute('data-markers')) >= access.care_deserts.length,
    'the farthest places are marked on the map');

  const names = new Map((await api('/api/v1/states?limit=100')).data.map((x) => [x.code, x.name]));
  for (const [threshold, field] of [['30', 'share_farther_than_30km'], ['60', 'share_farther_than_60km']]) {
    if (threshold === '60') await page.selectOption('#access-threshold', '60');
    const ranked = [...access.states].sort((a, b) => b[field] - a[field]).slice(0, 5);
    const firstRows = (await page.locator('#access-details tbody tr').allInnerTexts()).slice(0, 5);
    check(ranked.every((s, i) => firstRows[i].includes(names.get(s.state)) && firstRows[i].includes(share(s[field]))),
      `beyond ${threshold} km the five states ranked first are the API's: ${ranked.map((s) => `${s.state} ${share(s[field])}`).join(', ')}`);
  }

  const top = [...access.states].sort((a, b) => b.share_farther_than_60km - a.share_farther_than_60km)[0];
  const detail = (await api(`/api/v1/analytics/access?state=${top.state}`)).data;
  await page.locator('#access-details tbody tr').first().locator('button.link').click();
  await page.waitForFunction((code) => location.hash.includes(`state=${code}`), top.state);
  const countyRows = await page.locator('#access-details table').first().locator('tbody tr').count();
  check(countyRows === detail.counties.length, `one click on ${top.state} lists its ${detail.counties.length} counties (${countyRows})`);
  const farthest = await page.locator('#access-details table').nth(1).locator('tbody tr').first().innerText();
  check(farthest.includes(detail.state.farthest[0].zip) && farthest.includes(detail.state.farthest[0].city),
    `and its farthest place, ZIP ${detail.state.farthest[0].zip} (${detail.state.farthest[0].city}), ${detail.state.farthest[0].distance_km.toFixed(0)} km away`);
  await page.selectOption('#access-state', '');
  await page.waitForFunction(() => !location.hash.includes('state='));
  check(true, 'the state picker goes back to the nation');
}
