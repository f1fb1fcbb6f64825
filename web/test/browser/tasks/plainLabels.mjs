// Labels and units: the state page names indicators and ranked metrics in words (no snake_case identifiers),
// shows them in their display unit, and flags the 2026 marketplace premium jump; Costs flags it too.

/** Runs the checks in `page` and reports each through `check`. */
export async function plainLabelsTask({ page, visit, check }) {
  await visit(page, '#/state?code=TX');
  await page.waitForSelector('#state-indicator-chart');
  const options = await page.locator('#state-indicator option').allInnerTexts();
  check(options.length > 20 && options.every((text) => !text.includes('_')), `the state page's ${options.length} indicators are named in words`);
  const metrics = await page.locator('section:has(h2:text("Ranks")) tbody tr td:first-child').allTextContents();
  check(metrics.length > 50 && metrics.every((text) => !/_/.test(text)), `its ${metrics.length} ranked metrics are named in words`);
  const jump = await page.locator('#state-indicator-jump').textContent();
  check(/2026 value is \d+% above its 2025 value/.test(jump ?? ''), `the 2026 premium jump is flagged: "${jump}"`);
  await page.selectOption('#state-indicator', 'uninsured_share');
  await page.waitForFunction(() => document.querySelector('figure:has(#state-indicator-chart) figcaption')?.textContent?.includes('(%)'));
  const cells = await page.locator('figure:has(#state-indicator-chart) tbody td.num').allTextContents();
  check(cells.length > 10 && cells.every((text) => /^\d+\.\d%$/.test(text)), `the uninsured share reads in percent: ${cells.slice(0, 3).join(', ')}`);

  await visit(page, '#/costs?indicator=aca_marketplace_benchmark_premium&states=TX');
  const costNote = await page.locator('#cost-jump').textContent();
  check(costNote.includes('2026'), `Costs flags the 2026 jump of the national premium: "${costNote}"`);
}
