// Dashboard benchmark: the gzip size of the JavaScript and CSS it ships, and the time from navigation to
// the map fully drawn with every marker (median of RUNS fresh page loads in headless chromium).
//   node bench/web_benchmark.mjs HCI_BINARY DB_URI [RUNS]   (after make release; DB analysed and trained)
// Prints a Markdown table for bench/RESULTS.md.
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const [hci, db, runsText = '5'] = process.argv.slice(2);
const runs = Number(runsText);
const web = new URL('../web/', import.meta.url).pathname;
const { chromium } = createRequire(join(web, 'package.json'))('playwright-core');

const assets = join(web, 'dist', 'assets');
const sizes = readdirSync(assets).map((name) => {
  const bytes = readFileSync(join(assets, name));
  return { name, raw: bytes.length, gzip: gzipSync(bytes).length };
});

const server = spawn(hci, ['--db', db, 'serve', '--port', '0', '--quiet', '--public-read', '--web-dir', join(web, 'dist')]);
const port = await new Promise((resolve) => server.stdout.on('data', (c) => {
  const m = /127\.0\.0\.1:(\d+)/.exec(c.toString());
  if (m) resolve(Number(m[1]));
}));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const times = [];
try {
  for (let i = 0; i < runs; i += 1) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const page = await context.newPage();
    const started = Date.now();
    await page.goto(`http://127.0.0.1:${port}/#/map`);
    await page.waitForSelector('#map-chart[data-drawn="true"]', { timeout: 60000 });
    times.push(Date.now() - started);
    await context.close();
  }
} finally {
  await browser.close();
  server.kill('SIGTERM');
}
const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)];
const kb = (n) => (n / 1024).toFixed(1);
console.log('| asset | raw KB | gzip KB |\n|---|---:|---:|');
for (const s of sizes) console.log(`| ${s.name} | ${kb(s.raw)} | ${kb(s.gzip)} |`);
const initial = sizes.filter((s) => s.name.startsWith('index-'));
console.log(`\nShipped on first load (index JS + CSS): ${kb(initial.reduce((t, s) => t + s.gzip, 0))} KB gzip; ` +
  `the county geometry chunk loads only when a county map is asked for.`);
console.log(`Navigation to the map fully drawn with every marker: median ${median} ms of ${runs} loads (${times.join(', ')} ms).`);
