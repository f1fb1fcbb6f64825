// Task (a): the five best-rated Texas hospitals with emergency services. Two filters and one click on Rating
// (best first on the first click); equal ratings come in the API's documented order (patient survey star,
// then name), so the five are the API's five.

/** Runs the task in `page` and reports each step through `check`. */
export async function bestRatedTask({ page, api, visit, check }) {
  const expected = (await api('/api/v1/hospitals?state=TX&emergency=true&sort=-rating&limit=5')).data;
  await visit(page, '#/hospitals');
  await page.selectOption('#hospital-state', 'TX');
  await page.waitForFunction(() => location.hash.includes('state=TX'));
  await page.selectOption('#hospital-emergency', 'true');
  await page.waitForFunction(() => location.hash.includes('emergency=true'));
  await page.locator('#hospital-table thead button.sort', { hasText: 'Rating' }).click();
  await page.waitForFunction(() => location.hash.includes('sort=-rating'));
  await page.waitForFunction((id) => document.querySelector('#hospital-table tbody tr')?.getAttribute('data-id') === id, expected[0].id);
  const shown = await page.locator('#hospital-table tbody tr').evaluateAll((rows) => rows.slice(0, 5).map((r) => r.dataset.id));
  check(JSON.stringify(shown) === JSON.stringify(expected.map((x) => x.id)),
    `one click on Rating lists the API's best five Texas emergency hospitals: ${expected.map((x) => `${x.name} (${x.rating})`).join('; ')}`);
  check((await page.locator('#finder .metric-info').innerText()).includes('patient survey'), 'the view says how equal ratings are ordered');
}
