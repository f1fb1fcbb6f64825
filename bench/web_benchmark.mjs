// Dashboard benchmark: the gzip size of the JavaScript and CSS it ships, and the time from navigation to
// the map fully drawn with every marker (median of RUNS fresh page loads in headless chromium).
//   node bench/web_benchmark.mjs HCI_BINARY DB_URI [RUNS] [BASELINE_DIST]   (after make release; DB analysed
//   and trained). BASELINE_DIST, another build of web/dist (an earlier commit's), is loaded in turn with this
//   one, so the noisy shared machine weighs on both alike, and the ratio of the medians is printed.
// Prints a Markdown table for bench/RESULTS.md.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { launchChromium, startServer } from '../web/test/browser/harness.mjs';

const [hci, db, runsText = '5', baselineDist] = process.argv.slice(2);
const runs = Number(runsText);
const web = new URL('../web/', import.meta.url).pathname;

const assets = join(web, 'dist', 'assets');
const sizes = readdirSync(assets).map((name) => {
  const bytes = readFileSync(join(assets, name));
  return { name, raw: bytes.length, gzip: gzipSync(bytes).length };
});

/** Serves the dashboard build in DIST from the benchmark's database. */
const serve = (dist) => startServer(hci, ['--db', db, 'serve', '--port', '0', '--quiet', '--public-read', '--web-dir', dist]);

/** Milliseconds from navigation to the map drawn with every marker, in a fresh browser context (cold caches). */
async function timeMapLoad(browser, origin) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const started = Date.now();
  await page.goto(`${origin}/#/map`);
  await page.waitForSelector('#map-chart[data-drawn="true"]', { timeout: 60000 });
  const elapsed = Date.now() - started;
  await context.close();
  return elapsed;
}

const servers = await Promise.all([serve(join(web, 'dist')), ...(baselineDist ? [serve(baselineDist)] : [])]);
const browser = await launchChromium(web);
const times = [];
const baselineTimes = [];
try {
  for (let i = 0; i < runs; i += 1) {
    times.push(await timeMapLoad(browser, servers[0].origin));
    if (baselineDist) baselineTimes.push(await timeMapLoad(browser, servers[1].origin));
  }
} finally {
  await browser.close();
  await Promise.all(servers.map((server) => server.stop()));
}
const medianOf = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
const median = medianOf(times);
const kb = (n) => (n / 1024).toFixed(1);
console.log('| asset | raw KB | gzip KB |\n|---|---:|---:|');
for (const s of sizes) console.log(`| ${s.name} | ${kb(s.raw)} | ${kb(s.gzip)} |`);
const scripts = sizes.filter((s) => s.name.endsWith('.js') || s.name.endsWith('.css'));
console.log(`\nJavaScript and CSS, every chunk: ${kb(scripts.reduce((t, s) => t + s.gzip, 0))} KB gzip (the map loads them all); ` +
  `the county geometry (JSON) loads only when a county map is asked for.`);
console.log(`Navigation to the map fully drawn with every marker: median ${median} ms of ${runs} loads (${times.join(', ')} ms).`);
if (baselineDist) {
  const baseline = medianOf(baselineTimes);
  console.log(`Baseline ${baselineDist}, loaded in turn: median ${baseline} ms (${baselineTimes.join(', ')} ms); ` +
    `this build takes ${(median / baseline).toFixed(2)} of its time.`);
}
