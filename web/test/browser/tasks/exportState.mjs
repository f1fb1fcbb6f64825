// Task (e): export California's hospitals as CSV. From the menu: Hospitals, the state picker, the CSV button;
// the file, read by Python's csv module, holds every California hospital the API lists (not one page), each in CA.
import { execFileSync } from 'node:child_process';

/** The `state` column of a CSV file, read by Python's csv module. */
function stateColumn(path) {
  return JSON.parse(execFileSync('/usr/bin/python3', ['-c',
    'import csv, json, sys; print(json.dumps([r["state"] for r in csv.DictReader(open(sys.argv[1], newline=""))]))', path],
  { encoding: 'utf8' }));
}

/** Runs the task in `page` and reports each step through `check`. */
export async function exportStateTask({ page, api, visit, check }) {
  const california = (await api('/api/v1/hospitals?state=CA&limit=1')).meta.total;
  await visit(page, '#/overview');
  await page.click('nav a[href="#/hospitals"]');
  await page.waitForSelector('#hospital-state');
  await page.selectOption('#hospital-state', 'CA');
  await page.waitForFunction((n) => document.querySelector('#hospital-count')?.textContent?.startsWith(n), california.toLocaleString('en-US'));
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.click('#export-csv')]);
  const states = stateColumn(await download.path());
  check(states.length === california && states.every((s) => s === 'CA'),
    `three clicks export ${states.length} California hospitals as CSV (${download.suggestedFilename()}), all of the API's ${california}, each in CA`);
}
