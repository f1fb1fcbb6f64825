// /docs renders in a real Chromium (Debian's, driven by playwright-core) with one block per operation
// of /openapi.json, loading nothing from outside the server. Run by ctest:
//   node docs_in_browser.mjs HCI_BINARY SNAPSHOT_DIR WEB_DIR
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [hci, snapshotDir, webDir] = process.argv.slice(2);
const { startServer, launchChromium } = await import(pathToFileURL(join(webDir, 'test', 'browser', 'harness.mjs')));
const work = mkdtempSync(join(tmpdir(), 'hci-docs-'));
const db = `sqlite:${join(work, 'hci.db')}`;

function fail(message) {
  console.error(`FAIL: ${message}`);
  process.exitCode = 1;
}

execFileSync(hci, ['--db', db, 'ingest', '--source-dir', snapshotDir, '--report-dir', join(work, 'quality')]);
const server = await startServer(hci, ['--db', db, 'serve', '--port', '0', '--quiet', '--public-read', '--docs-dir',
                                        join(webDir, 'node_modules', 'swagger-ui-dist')]);
const { origin } = server;

const browser = await launchChromium(webDir);
try {
  const document = await (await fetch(`${origin}/openapi.json`)).json();
  const operations = Object.values(document.paths).reduce((n, methods) => n + Object.keys(methods).length, 0);
  const page = await browser.newPage();
  const outside = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(origin) && !request.url().startsWith('data:')) outside.push(request.url());
  });
  await page.goto(`${origin}/docs`);
  await page.waitForSelector('.opblock', { timeout: 30000 });
  const blocks = await page.locator('.opblock').count();
  const title = await page.locator('.info .title').innerText();
  if (blocks !== operations) fail(`${blocks} operation blocks rendered, /openapi.json has ${operations}`);
  if (!title.includes('US Healthcare Insights API')) fail(`title is '${title}'`);
  if (outside.length > 0) fail(`requests left the server: ${outside.join(', ')}`);
  console.log(`/docs rendered ${blocks} of ${operations} operations; title '${title.split('\n')[0]}'`);
} finally {
  await browser.close();
  await server.stop();
  rmSync(work, { recursive: true, force: true });
}
