// The dashboard in a real browser: Debian's chromium driven by playwright-core against a real `hci serve`
// on the real snapshot (ingested, analysed and trained here). Run by ctest:
//   node dashboard.mjs HCI_BINARY SNAPSHOT_DIR WEB_DIR ARTIFACT_DIR
// Every view loads with no console error and no request leaving the server; the map draws one marker per
// hospital inside the map's projection, and a marker's tooltip names the hospital its click picks (for
// Compare, or to open it); a filter changes the URL and the count matches the API; the table's first rows
// match the API; the CSV export has the API's row count, and so does the XLSX the server builds; the
// analysts' tasks (tasks/*.mjs) are performed as a user would; the error state shows when the API is
// stopped; phone-width layout does not scroll sideways; axe-core finds no serious or critical violation on
// any view at 1440 or 390 px. Screenshots go to ARTIFACT_DIR.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seriousViolations } from './axe.mjs';
import { launchChromium, startServer } from './harness.mjs';
import { areaPagesTask } from './tasks/areaPages.mjs';
import { bestRatedTask } from './tasks/bestRated.mjs';
import { careDesertsTask } from './tasks/careDeserts.mjs';
import { correlatesOfTask } from './tasks/correlatesOf.mjs';
import { exportStateTask } from './tasks/exportState.mjs';
import { hospitalFinderTask } from './tasks/hospitalFinder.mjs';
import { mapLegibilityTask } from './tasks/mapLegibility.mjs';
import { plainLabelsTask } from './tasks/plainLabels.mjs';
import { statesRankedTask } from './tasks/statesRanked.mjs';

const [hci, snapshotDir, webDir, artifacts] = process.argv.slice(2);
const work = mkdtempSync(join(tmpdir(), 'hci-dashboard-'));
const db = `sqlite:${join(work, 'hci.db')}`;
mkdirSync(artifacts, { recursive: true });
let failures = 0;

function check(condition, message) {
  if (!condition) {
    console.error(`FAIL: ${message}`);
    failures += 1;
  } else {
    console.log(`ok: ${message}`);
  }
}

execFileSync(hci, ['--db', db, 'ingest', '--source-dir', snapshotDir, '--report-dir', join(work, 'quality')]);
execFileSync(hci, ['--db', db, 'analyze']);
execFileSync(hci, ['--db', db, 'train', '--models-dir', join(work, 'models')]);
const server = await startServer(hci, ['--db', db, 'serve', '--port', '0', '--quiet', '--public-read', '--public-export',
  '--web-dir', join(webDir, 'dist'), '--docs-dir', join(webDir, 'node_modules', 'swagger-ui-dist')]);
const { origin } = server;
const api = async (path) => (await fetch(`${origin}${path}`)).json();

const browser = await launchChromium(webDir);

async function openPage(viewport = { width: 1440, height: 900 }) {
  const page = await browser.newPage({ viewport, acceptDownloads: true });
  page.errors = [];
  page.on('console', (message) => { if (message.type() === 'error') page.errors.push(message.text()); });
  page.on('pageerror', (error) => page.errors.push(String(error)));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) page.errors.push(`left the server: ${url}`);
  });
  return page;
}

async function visit(page, hash) {
  await page.goto(`${origin}/${hash}`);
  await page.waitForSelector('main[data-ready="true"]', { timeout: 60000 });
}

/** Sweeps the pointer over the middle of the map until a marker's tooltip shows: its position and name. */
async function findMarker(page) {
  const box = await page.locator('#map-chart').boundingBox();
  for (let y = box.y + box.height * 0.3; y < box.y + box.height * 0.7; y += 3) {
    for (let x = box.x + box.width * 0.5; x < box.x + box.width * 0.62; x += 3) {
      await page.mouse.move(x, y);
      const name = await page.evaluate(() => [...document.querySelectorAll('#map-chart div')]
        .find((d) => d.innerHTML.includes('Rating:') && d.style.display !== 'none' && d.querySelector('b'))
        ?.querySelector('b').textContent);
      if (name) return { x, y, name };
    }
  }
  return null;
}

const views = ['#/overview', '#/map', '#/indicators', '#/indicators?name=infant_mortality_rate&year=2019', '#/access', '#/access?state=AK', '#/state', '#/state?code=TX', '#/county', '#/county?fips=48201', '#/hospitals', '#/hospitals?near_zip=77030&radius_km=10', '#/hospital?id=450056',
  '#/compare?ids=450056,450431,450124', '#/compare', '#/measures?id=READM-30-HF-HRRP', '#/costs', '#/expansion', '#/correlations?level=county&x=median_household_income&y=life_expectancy',
  '#/clusters', '#/predict?facility_id=450056', '#/data'];

try {
  const page = await openPage();
  for (const hash of views) {
    page.errors = [];
    await visit(page, hash);
    await page.waitForTimeout(300);
    const name = hash.slice(2).replace(/[^a-z0-9]+/gi, '-');
    await page.screenshot({ path: join(artifacts, `${name}.png`), fullPage: true });
    const problems = await page.locator('main .state.error, main .state.not-computed').count();
    check(page.errors.length === 0, `${name}: no console errors or outside requests ${page.errors.join(' | ')}`);
    check(problems === 0, `${name}: populated, no error or not-computed state`);
    const violations = await seriousViolations(page, webDir);
    check(violations.length === 0, `${name}: axe finds no serious or critical violation at 1440 px ${violations.join(' | ')}`);
  }

  // The map: one marker per geocoded hospital that Albers USA can place (the five territories cannot).
  await visit(page, '#/map');
  await page.waitForSelector('#map-chart[data-drawn="true"]', { timeout: 60000 });
  const hospitals = (await api('/api/v1/hospitals?limit=1000&fields=state,latitude')).meta.total;
  const territories = ['PR', 'GU', 'VI', 'AS', 'MP'];
  let inTerritories = 0;
  for (const code of territories) inTerritories += (await api(`/api/v1/hospitals?state=${code}&limit=1`)).meta.total;
  const markers = Number(await page.locator('#map-chart').getAttribute('data-markers'));
  check(markers === hospitals - inTerritories, `map draws ${markers} markers = ${hospitals} hospitals - ${inTerritories} in territories`);
  check((await page.locator('#map-status').innerText()).includes(`of ${hospitals.toLocaleString('en-US')} matching`), 'map says N of M shown');

  // A marker under the pointer shows its hospital in a tooltip; a click picks it: add it to Compare (kept in the
  // URL), or open it.
  const marker = await findMarker(page);
  check(marker !== null, `a marker under the pointer shows its tooltip (${marker?.name})`);
  if (marker) {
    await page.mouse.click(marker.x, marker.y);
    await page.waitForSelector('#map-add-compare');
    check((await page.locator('#map-selection strong').innerText()) === marker.name, `clicking it picks ${marker.name}`);
    await page.click('#map-add-compare');
    await page.waitForSelector('#compare-chosen');
    const pickedId = new URL(await page.locator('#open-hospital').evaluate((a) => a.href)).hash.split('id=')[1];
    check(page.url().includes(`compare=${pickedId}`) && (await page.locator('#compare-selection').innerText()).startsWith('1 of 3'),
      `"Add to Compare" keeps ${pickedId} in the URL and says 1 of 3`);
    await page.click('#open-hospital');
    await page.waitForFunction(() => location.hash.startsWith('#/hospital?id='));
    await page.waitForSelector('main[data-ready="true"]');
    const heading = await page.locator('main h1').innerText();
    check(heading === marker.name, `"Open the hospital" opens ${page.url().split('#')[1]}: "${heading}"`);
  }

  // A filter changes the URL and the count matches the API.
  await visit(page, '#/hospitals');
  await page.selectOption('#hospital-type', 'Critical Access Hospitals');
  await page.waitForFunction(() => document.querySelector('#hospital-count')?.textContent?.includes('page 1'));
  const url = page.url();
  check(url.includes('type=Critical+Access+Hospitals') || url.includes('type=Critical%20Access%20Hospitals'), `filter is in the URL: ${url}`);
  const critical = (await api('/api/v1/hospitals?type=Critical%20Access%20Hospitals&limit=1')).meta.total;
  await page.waitForFunction((n) => document.querySelector('#hospital-count')?.textContent?.startsWith(n), critical.toLocaleString('en-US'));
  check((await page.locator('#hospital-count').innerText()).startsWith(critical.toLocaleString('en-US')), `count shows ${critical} as the API does`);

  // The table's first rows match the API.
  const first = (await api('/api/v1/hospitals?type=Critical%20Access%20Hospitals&sort=name&limit=25')).data.map((x) => x.id);
  const shown = await page.locator('#hospital-table tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.id));
  check(JSON.stringify(shown) === JSON.stringify(first), 'the table lists the API\'s first 25 rows in order');

  // The export downloads a CSV with the right number of rows.
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.click('#export-csv')]);
  const csv = readFileSync(await download.path(), 'utf8').trimEnd().split('\r\n');
  check(csv.length - 1 === critical, `the CSV export has ${csv.length - 1} rows = ${critical}`);
  // The XLSX comes from the server (opened to anonymous readers by --public-export): openpyxl reads its rows.
  const [workbook] = await Promise.all([page.waitForEvent('download', { timeout: 60000 }), page.click('#export-xlsx')]);
  check(workbook.suggestedFilename() === 'hospitals.xlsx', `the XLSX download is named ${workbook.suggestedFilename()}`);
  const sheet = join(work, 'hospitals.xlsx');  // openpyxl goes by the file's extension
  await workbook.saveAs(sheet);
  const sheetRows = Number(execFileSync('/usr/bin/python3', ['-c',
    'import openpyxl, sys; print(openpyxl.load_workbook(sys.argv[1], read_only=True).worksheets[0].max_row)',
    sheet], { encoding: 'utf8' }));
  check(sheetRows - 1 === critical, `the XLSX export opens in openpyxl with ${sheetRows - 1} rows = ${critical}`);

  // "Heart failure readmissions of this hospital vs the nation" in two clicks: the hospital in the list, then
  // its Readmissions tab; the row shows CMS's ratio, the national value and a verdict.
  const hf = (await api('/api/v1/hospitals/010001/measures?group=readmission')).data.measures
    .find((m) => m.measure_id === 'READM-30-HF-HRRP');
  await visit(page, '#/hospitals?state=AL&q=southeast%20health');
  await page.click('#hospital-table tr[data-id="010001"] a');
  await page.waitForSelector('#tab-readmission');
  await page.click('#tab-readmission');
  const hfRow = page.locator('#panel-readmission tr', { hasText: 'Excess readmission ratio, heart failure' });
  const hfText = await hfRow.innerText();
  check(hfText.includes(String(hf.value)) && hfText.includes(String(hf.national)),
    `two clicks show the heart failure ratio ${hf.value} against the national ${hf.national}`);
  check(/(Better|Worse) than the national value/.test(hfText), 'the row says in words how it compares');
  await page.click('#tab-patient_experience');
  check(await page.locator('#panel-patient_experience tr', { hasText: 'Summary star rating' }).count() === 1,
    'the patient experience tab shows the survey star ratings');
  // Mortality and safety come from the FY2024 VBP and HAC files, with CMS's points or payment verdict.
  await page.click('#tab-mortality');
  const heartAttack = await page.locator('#panel-mortality tr', { hasText: '30-day survival rate, heart attack' }).innerText();
  check(heartAttack.includes('0.880237') && heartAttack.includes('VBP measure score: 7 out of 10') &&
    heartAttack.includes('FY2024 program'), `the mortality tab shows the VBP survival rate, its points and program year: ${heartAttack}`);
  await page.click('#tab-safety');
  const hac = await page.locator('#panel-safety tr', { hasText: 'Total HAC Score' }).innerText();
  check(hac.includes('Payment reduction: No'), 'the safety tab shows the HAC total score and CMS\'s payment verdict');
  // A value CMS did not give shows CMS's footnote text instead of a number.
  const missing = (await api('/api/v1/measures/READM-30-HF-HRRP')).data;
  check(missing.missing['N/A'] > 0, 'some hospitals have no heart failure ratio');
  const noRatio = (await api('/api/v1/hospitals?state=AL&limit=500&fields=id')).data.map((x) => x.id);
  for (const id of noRatio) {
    const values = (await api(`/api/v1/hospitals/${id}/measures?group=readmission`)).data.measures;
    const absent = values.find((m) => m.measure_id === 'READM-30-HF-HRRP' && m.value === null && m.footnote_text);
    if (!absent) continue;
    await visit(page, `#/hospital?id=${id}&tab=readmission`);
    const text = await page.locator('#panel-readmission tr', { hasText: 'Excess readmission ratio, heart failure' }).innerText();
    check(text.includes(absent.footnote_text[0]), `a missing ratio shows CMS's footnote: ${absent.footnote_text[0]}`);
    break;
  }

  // A CCN without its leading zeros, as spreadsheets hold it, opens the hospital under its canonical URL.
  await visit(page, '#/hospital?id=10001&tab=readmission');
  check(page.url().endsWith('#/hospital?id=010001&tab=readmission'), `#/hospital?id=10001 becomes ?id=010001: ${page.url()}`);
  check((await page.locator('h1').innerText()) === (await api('/api/v1/hospitals/010001')).data.hospital.name,
    'the padded CCN shows its hospital');

  // Compare shows each hospital's measures side by side: the heart failure ratio of each, as the API gives it.
  const trio = ['010001', '450056', '450431'];
  const compared = (await api(`/api/v1/hospitals/compare?ids=${trio.join(',')}&measures=READM-30-HF-HRRP`)).data.measures[0];
  await visit(page, `#/compare?ids=${trio.join(',')}`);
  await page.waitForSelector('#compare-measures #tab-readmission');
  const hfCells = await page.locator('#compare-measures tr[data-measure="READM-30-HF-HRRP"] td').allInnerTexts();
  const expectedCells = compared.values.map((v) => (v === null ? 'not reported' : String(v.value ?? '—')));
  check(expectedCells.every((text, i) => hfCells[i]?.startsWith(text)),
    `compare shows the three heart failure ratios ${expectedCells.join(' / ')}: ${hfCells.join(' / ')}`);
  await page.click('#compare-measures #tab-safety');
  check(await page.locator('#compare-measures #panel-safety tr[data-measure="HAC-TOTAL-SCORE"]').count() === 1,
    'the safety tab of the comparison shows the HAC total score');

  // The Measures view: the distribution, the best and worst hospitals and the state ranking, as the API says.
  const hfDetail = (await api('/api/v1/measures/READM-30-HF-HRRP')).data;
  const bestHf = (await api('/api/v1/measures/READM-30-HF-HRRP/hospitals?sort=best&limit=1')).data[0];
  const worstHf = (await api('/api/v1/measures/READM-30-HF-HRRP/hospitals?sort=-value&limit=1')).data[0];
  await visit(page, '#/measures');
  check((await page.locator('#measure-name').innerText()) === hfDetail.name, `the Measures view opens on ${hfDetail.name}`);
  await page.waitForSelector('#measure-histogram canvas', { timeout: 30000 });
  check((await page.locator('#measure-best tbody tr').first().innerText()).includes(bestHf.name),
    `the best heart failure ratio is ${bestHf.name} (${bestHf.value})`);
  check((await page.locator('#measure-worst tbody tr').first().innerText()).includes(worstHf.name),
    `the worst heart failure ratio is ${worstHf.name} (${worstHf.value})`);
  const rankable = hfDetail.states.filter((x) => x.n >= 5).sort((a, b) => a.median - b.median);
  const firstState = (await api('/api/v1/states')).data.find((x) => x.code === rankable[0].state).name;
  check((await page.locator('#measure-states tbody tr').first().innerText()).includes(firstState),
    `states rank by their hospitals' median, lowest ratio first: ${firstState}`);
  await page.selectOption('#measure-picker', 'MORT-30-HF');
  await page.waitForFunction(() => location.hash.includes('id=MORT-30-HF'));
  await page.waitForSelector('main[data-ready="true"]');
  const survival = (await api('/api/v1/measures/MORT-30-HF')).data;
  await page.waitForFunction((name) => document.querySelector('#measure-name')?.textContent === name, survival.name);
  check(true, `picking a measure opens it: ${survival.name}`);
  // "Colour the map's markers by it": one click, markers in fifths of the measure, every marker still drawn.
  await page.click('#measure-on-map');
  await page.waitForSelector('#map-chart[data-drawn="true"]', { timeout: 60000 });
  const legend = await page.locator('#marker-legend').innerText();
  check(legend.includes('worst fifth') && legend.includes('best fifth') && legend.includes('no value'),
    `the map's markers are coloured by the measure's fifths: ${legend.replace(/\n/g, ' | ')}`);
  check(Number(await page.locator('#map-chart').getAttribute('data-markers')) === markers, 'every hospital keeps its marker');
  check(await page.locator('#map-markers').inputValue() === 'MORT-30-HF', 'the marker choice shows the measure');

  // The hospital page says what moves its predicted star, and the numbers add up to the API's prediction.
  const explained = (await api('/api/v1/hospitals/010001/rating-explanation')).data;
  await visit(page, '#/hospital?id=010001');
  const rows = await page.locator('#rating-explanation tbody tr').count();
  check(rows === explained.explanation.inputs.length && rows === 10, `the hospital page lists the ${rows} inputs that move its star`);
  check((await page.locator('#rating-explanation').innerText()).includes(String(Number(explained.prediction.toPrecision(3)))),
    `it shows the model's ${explained.prediction.toPrecision(3)} stars beside CMS's ${explained.cms_rating}`);

  // The prediction form offers the model's measure inputs for a what-if, and says what they add on the same folds.
  const model = (await api('/api/v1/models/rating')).data;
  await visit(page, '#/predict?facility_id=010001');
  const measureInputs = await page.locator('#measure-inputs input').count();
  check(measureInputs === model.features.numeric.filter((n) => /^(READM|MORT|COMP|HAC|H_|MSPB)/.test(n)).length && measureInputs === 30, `the form offers the ${measureInputs} measure values the model reads`);
  check((await page.locator('#model-metrics').innerText()).includes(`R² ${Number(model.metrics.feature_sets[0].r2.toPrecision(3))}`),
    'the model summary compares the feature sets on the same folds');

  // Task (b): compare three Houston hospitals of my choice. Compare opens empty with a search; three are added by
  // clicks, a fourth cannot be, and a URL with four ids says which one it leaves out.
  const houston = (await api('/api/v1/hospitals?q=houston&state=TX&sort=name&limit=4')).data;
  await visit(page, '#/compare');
  await page.waitForSelector('#compare-search');
  check(await page.locator('main .state.error').count() === 0, 'Compare without ids offers a picker, not an error');
  for (const [i, chosen] of houston.slice(0, 3).entries()) {
    await page.fill('#compare-search', `${chosen.name} houston`);
    await page.click(`#compare-matches button.add-compare[data-id="${chosen.id}"]`);
    await page.waitForFunction((n) => document.querySelectorAll('#compare-table thead th').length === n + 1, i + 1);
  }
  const headers = await page.locator('#compare-table thead th a').allInnerTexts();
  check(JSON.stringify(headers) === JSON.stringify(houston.slice(0, 3).map((x) => x.name)),
    `the three chosen Houston hospitals are side by side: ${headers.join(' / ')}`);
  check(page.url().includes(`ids=${houston.slice(0, 3).map((x) => x.id).join('%2C')}`) ||
    page.url().includes(`ids=${houston.slice(0, 3).map((x) => x.id).join(',')}`), `the choice is in the URL: ${page.url()}`);
  await page.fill('#compare-search', `${houston[3].name} houston`);
  check(await page.locator(`#compare-matches button.add-compare[data-id="${houston[3].id}"]`).isDisabled() &&
    (await page.locator('#compare-limit').innerText()).includes('up to 3'), 'a fourth cannot be added, and the limit is said');
  await page.click(`#compare-table button.remove-compare[data-id="${houston[0].id}"]`);
  await page.waitForFunction(() => document.querySelectorAll('#compare-table thead th').length === 3);
  check(true, 'removing one leaves two');
  await visit(page, `#/compare?ids=${houston.map((x) => x.id).join(',')}`);
  await page.waitForSelector('#compare-left-out');
  check((await page.locator('#compare-left-out').innerText()).includes(houston[3].name), 'four ids: the fourth is named as left out');
  // From the hospitals table: tick three, the rest are disabled, the link opens Compare with them.
  await visit(page, '#/hospitals?q=houston&state=TX');
  await page.waitForSelector('#hospital-table');
  for (const chosen of houston.slice(0, 3)) {
    await page.check(`#hospital-table input.choose-compare[data-id="${chosen.id}"]`);
    await page.waitForFunction((id) => location.hash.includes(id), chosen.id);
  }
  check(await page.locator(`#hospital-table input.choose-compare[data-id="${houston[3].id}"]`).isDisabled(), 'a fourth box is disabled');
  await page.click('#compare-chosen');
  await page.waitForSelector('#compare-table');
  check((await page.locator('#compare-table thead th a').count()) === 3, 'the table\'s "compare them" opens the three');

  // The Expansion view quotes the API's difference-in-differences estimates, draws every group mean and event-time
  // bin, and lists the caveats; the outcome picker switches to enrollment.
  const shown3 = (x) => String(Number(x.toPrecision(3)));
  const expansionAnalysis = (await api('/api/v1/analytics/medicaid-expansion')).data;
  for (const outcome of expansionAnalysis.outcomes) {
    await visit(page, `#/expansion?outcome=${outcome.indicator}`);
    await page.waitForSelector('#expansion-headline');
    const estimate = outcome.estimates[0].estimate;
    const headlineText = await page.locator('#expansion-headline').innerText();
    check([estimate.effect, ...estimate.ci_95].every((x) => headlineText.includes(shown3(x))),
      `the ${outcome.indicator} headline quotes the API's effect ${shown3(estimate.effect)} and its 95% CI`);
    const trendRows = await page.locator('figure:has(#expansion-trends) tbody tr').count();
    const groupValues = outcome.group_trends.reduce((n, g) => n + g.values.length, 0);
    check(trendRows === groupValues, `its trend table has the ${groupValues} group-year means of the API (${trendRows})`);
    const binRows = await page.locator('figure:has(#expansion-event-study) tbody tr').count();
    check(binRows === outcome.event_study.length, `its event study lists the ${outcome.event_study.length} bins (${binRows})`);
  }
  check(await page.locator('#expansion-caveats li').count() === expansionAnalysis.caveats.length, 'the caveats are listed');
  await visit(page, '#/expansion');
  await page.selectOption('#expansion-outcome', 'medicaid_chip_enrollment_per_100');
  await page.waitForFunction(() => location.hash.includes('outcome=medicaid_chip_enrollment_per_100'));
  check(true, 'the outcome picker opens the enrollment analysis');

  // The state page says when the state expanded Medicaid and draws its monthly enrollment reports.
  const monthlyEnrollment = (await api('/api/v1/indicators/medicaid_chip_enrollment/monthly')).data;
  await visit(page, '#/state?code=NC');
  await page.waitForSelector('#state-expansion');
  check((await page.locator('#state-expansion').innerText()).includes('2023-12'), 'North Carolina expanded from the 2023-12 report');
  const northCarolina = monthlyEnrollment.series.find((s) => s.state === 'NC');
  const monthRows = await page.locator('figure:has(#state-monthly-enrollment) tbody tr').count();
  check(monthRows === northCarolina.values.length, `its monthly enrollment table has the ${northCarolina.values.length} reports (${monthRows})`);

  // Costs & coverage draws enrollment per 100 residents by year, with a gap for the years without reports, and the
  // monthly reports beside it.
  await visit(page, '#/costs?indicator=medicaid_chip_enrollment_per_100&states=NC,TX');
  await page.waitForSelector('#cost-monthly');
  const perHundred = (await api('/api/v1/indicators/medicaid_chip_enrollment_per_100')).data;
  const yearlyRows = await page.locator('figure:has(#cost-trend) tbody tr').count();
  const expectedYearly = perHundred.series.filter((s) => ['NC', 'TX'].includes(s.state)).reduce((n, s) => n + s.values.length, 0);
  check(yearlyRows === expectedYearly, `the yearly table lists the ${expectedYearly} state-years of NC and TX (${yearlyRows})`);

  // The map shades by the new state indicators, one per cause of death too.
  await visit(page, '#/map?metric=infant_mortality_rate');
  await page.waitForSelector('#map-chart[data-drawn="true"]', { timeout: 60000 });
  check(await page.locator('#map-metric').inputValue() === 'infant_mortality_rate', 'the map shades by infant mortality');
  check((await page.locator('.metric-info').innerText()).includes('Infant mortality rate'), 'and says so');
  check(await page.locator('#map-metric option[value="age_adjusted_death_rate_suicide"]').count() === 1 &&
    await page.locator('#map-metric option[value="medicaid_chip_enrollment_per_100"]').count() === 1,
    'the map offers each cause of death and enrollment per 100 residents');

  await bestRatedTask({ page, api, visit, check });
  await hospitalFinderTask({ page, api, visit, check });
  await exportStateTask({ page, api, visit, check });
  await statesRankedTask({ page, api, visit, check });
  await careDesertsTask({ page, api, visit, check });
  await correlatesOfTask({ page, api, visit, check });
  await areaPagesTask({ page, api, visit, check });
  await mapLegibilityTask({ page, api, visit, check });
  await plainLabelsTask({ page, api, visit, check });

  // The same URL shared reproduces the filtered view.
  const shared = await openPage();
  await visit(shared, `#/hospitals?type=Critical%20Access%20Hospitals&state=TX`);
  const texasCritical = (await api('/api/v1/hospitals?type=Critical%20Access%20Hospitals&state=TX&limit=1')).meta.total;
  check((await shared.locator('#hospital-count').innerText()).startsWith(String(texasCritical)), 'a shared URL reproduces its filters');

  // A phone-width screen does not scroll sideways, and axe is as clean there.
  const phone = await openPage({ width: 390, height: 844 });
  for (const hash of views) {
    await visit(phone, hash);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    check(overflow <= 1, `${hash} fits a 390px screen (overflow ${overflow}px)`);
    const violations = await seriousViolations(phone, webDir);
    check(violations.length === 0, `${hash}: axe finds no serious or critical violation at 390 px ${violations.join(' | ')}`);
    await phone.screenshot({ path: join(artifacts, `phone-${hash.slice(2).replace(/[^a-z0-9]+/gi, '-')}.png`), fullPage: true });
  }

  // With the API stopped, a view shows its error state.
  await server.stop();
  await page.evaluate(() => { location.hash = '#/state?code=WY'; }); // a state no step before has fetched (the HTTP cache)
  await page.waitForSelector('main .state.error', { timeout: 30000 });
  check(await page.locator('main .state.error').isVisible(), 'the error state shows when the API is stopped');
  await page.screenshot({ path: join(artifacts, 'error-state.png') });
} finally {
  await browser.close();
  await server.stop();
  rmSync(work, { recursive: true, force: true });
}
if (failures > 0) {
  console.error(`${failures} check(s) failed`);
  process.exit(1);
}
