// The API against its own OpenAPI document, with a real validator (ajv, JSON Schema 2020-12). Run by ctest:
//   node api_contract.mjs HCI_BINARY SNAPSHOT_DIR WEB_DIR COMMITTED_DOCUMENT
// The real snapshot is ingested; one store is then analysed, trained and published by `hci pipeline run`
// (so runs, models and analytics exist), a copy taken before is served as it is before `hci analyze`.
// Every request of the catalogue below is sent over loopback; its status must be one the document gives
// for the operation, its content type one the document lists, and a JSON body must validate against the
// schema of that status, with no undocumented field. Every operation must be requested with a success,
// and every 400, 404 and 503 it documents must be seen (or be listed as unreachable, with the reason).
// The exports of all hospitals are then read by real clients: GDAL's ogrinfo (GeoJSON), pandas (CSV) and
// openpyxl (XLSX), with the right row counts and the CCNs and ZIPs as text.
// The served document must equal COMMITTED_DOCUMENT (docs/openapi.json, from which the dashboard's types
// are generated): `hci openapi > docs/openapi.json` updates it.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../../web/test/browser/harness.mjs';

const [hci, snapshotDir, webDir, committedDocument] = process.argv.slice(2);
const require = createRequire(join(webDir, 'package.json'));
const Ajv2020 = require('ajv/dist/2020').default;
const addFormats = require('ajv-formats').default;

const work = mkdtempSync(join(tmpdir(), 'hci-contract-'));
const analysed = join(work, 'analysed.db');
const ingestedOnly = join(work, 'ingested.db');
let failures = 0;

function check(condition, message) {
  if (!condition) {
    console.error(`FAIL: ${message}`);
    failures += 1;
  }
  return condition;
}

function run(...args) {
  return execFileSync(hci, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
}

run('--db', `sqlite:${analysed}`, 'ingest', '--source-dir', snapshotDir, '--report-dir', join(work, 'quality'));
const keyOf = (name, scopes) =>
  run('--db', `sqlite:${analysed}`, 'apikey', 'create', '--name', name, '--scopes', scopes).trim().split('\n').pop();
const readKey = keyOf('reader', 'read');
const fullKey = keyOf('operator', 'read,export,predict,admin');
copyFileSync(analysed, ingestedOnly);
run('--db', `sqlite:${analysed}`, 'pipeline', 'run', '--from', 'analytics', '--models-dir', join(work, 'models'),
  '--work-dir', join(work, 'pipeline'));

const serveArgs = (db) => ['--db', `sqlite:${db}`, 'serve', '--port', '0', '--quiet', '--public-read',
  '--web-dir', join(webDir, 'dist'), '--docs-dir', join(webDir, 'node_modules', 'swagger-ui-dist')];
const servers = { full: await startServer(hci, serveArgs(analysed)), bare: await startServer(hci, serveArgs(ingestedOnly)) };

const document = await (await fetch(`${servers.full.origin}/openapi.json`)).json();
check(JSON.stringify(document) === JSON.stringify(JSON.parse(readFileSync(committedDocument, 'utf8'))),
  `the served document equals ${committedDocument}: regenerate it with 'hci openapi > docs/openapi.json'`);

/** The document for validation: every documented object refuses fields it does not document. */
function closeObjects(schema) {
  if (Array.isArray(schema)) return schema.map(closeObjects);
  if (schema === null || typeof schema !== 'object') return schema;
  const closed = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, closeObjects(value)]));
  if (closed.properties && closed.additionalProperties === undefined) closed.additionalProperties = false;
  return closed;
}
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema({ ...closeObjects(document), $id: 'hci-openapi' });

const operations = Object.entries(document.paths).flatMap(([pattern, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({
    key: `${method.toUpperCase()} ${pattern}`,
    method: method.toUpperCase(),
    pattern,
    operation,
    matcher: new RegExp(`^${pattern.replace(/\{[^}]+\}/g, '[^/]+')}$`),
    seen: new Set(),
  })));

/** The operation a request reaches: literal segments win over placeholders, as the router does. */
function operationOf(method, path) {
  const candidates = operations.filter((o) => o.method === method && o.matcher.test(path));
  candidates.sort((a, b) => (a.pattern.match(/\{/g) ?? []).length - (b.pattern.match(/\{/g) ?? []).length);
  return candidates[0];
}

const pointer = (...parts) => parts.map((part) => part.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

async function send({ server = 'full', method = 'GET', target, key, body, type = 'application/json' }) {
  const headers = {};
  if (key) headers.authorization = `Bearer ${key}`;
  if (body !== undefined) headers['content-type'] = type;
  const response = await fetch(`${servers[server].origin}${target}`, { method, headers, body, redirect: 'manual' });
  const operation = operationOf(method, target.split('?')[0]);
  if (!check(operation, `${method} ${target} reaches a documented operation`)) return;
  const where = `${method} ${target} (${server}) -> ${response.status}`;
  const documented = operation.operation.responses[String(response.status)];
  if (!check(documented, `${where}: the status is documented for ${operation.key}`)) return;
  operation.seen.add(response.status);
  if (!documented.content) return;
  const contentType = (response.headers.get('content-type') ?? '').split(';')[0].trim();
  const media = Object.keys(documented.content).find((listed) => listed === contentType || listed === '*/*');
  if (!check(media, `${where}: content type ${contentType} is one of ${Object.keys(documented.content)}`)) return;
  if (!media.endsWith('json')) return;
  const validate = ajv.getSchema(`hci-openapi#/paths/${pointer(operation.pattern, operation.method.toLowerCase(),
    'responses', String(response.status), 'content', media, 'schema')}`);
  const valid = validate(await response.json());
  check(valid, `${where}: the body fits the documented schema${valid ? '' : `: ${ajv.errorsText(validate.errors.slice(0, 5))}`}`);
}

const asset = /assets\/[^"]+\.js/.exec(readFileSync(join(webDir, 'dist', 'index.html'), 'utf8'))[0];
const prediction = JSON.stringify({ facility_id: '050137' });
const catalogue = [
  // hospitals
  { target: '/api/v1/hospitals?near_zip=77030&radius_km=10' },
  { target: '/api/v1/hospitals?near_zip=00000' },
  { target: '/api/v1/hospitals?state=TX&emergency=true&sort=-rating&limit=20' },
  { target: '/api/v1/hospitals?fields=id,name,rating&limit=3' },
  { target: '/api/v1/hospitals?limit=0' },
  { target: '/api/v1/hospitals/nearest?lat=29.76&lon=-95.37&k=5' },
  { target: '/api/v1/hospitals/nearest?lat=200&lon=0' },
  { target: '/api/v1/hospitals/compare?ids=450068,450184,050137' },
  { target: '/api/v1/hospitals/compare?ids=450068,450184,050137,010001' },
  { target: '/api/v1/hospitals/050137' },
  { target: '/api/v1/hospitals/50137' },
  { target: '/api/v1/hospitals/999999' },
  { target: '/api/v1/hospitals/Houston' },
  { target: '/api/v1/hospitals/050137/measures' },
  { target: '/api/v1/hospitals/050137/measures?group=bogus' },
  { target: '/api/v1/hospitals/999999/measures' },
  { target: '/api/v1/hospitals/50137/measures' },
  { target: '/api/v1/hospitals/050137/rating-explanation' },
  { target: '/api/v1/hospitals/999999/rating-explanation' },
  { target: '/api/v1/hospitals/50137/rating-explanation' },
  { server: 'bare', target: '/api/v1/hospitals/050137/rating-explanation' },
  // measures
  { target: '/api/v1/measures?group=safety' },
  { target: '/api/v1/measures?group=bogus' },
  { target: '/api/v1/measures/COMP-HIP-KNEE' },
  { target: '/api/v1/measures/NOPE' },
  { target: '/api/v1/measures/COMP-HIP-KNEE/hospitals?state=TX&limit=10' },
  { target: '/api/v1/measures/COMP-HIP-KNEE/hospitals?sort=bogus' },
  { target: '/api/v1/measures/NOPE/hospitals' },
  // states, indicators, counties
  { target: '/api/v1/states' },
  { target: '/api/v1/states?limit=0' },
  { target: '/api/v1/states/TX' },
  { target: '/api/v1/states/ZZ' },
  { target: '/api/v1/indicators' },
  { server: 'bare', target: '/api/v1/indicators' },
  { target: '/api/v1/indicators?x=1' },
  { target: '/api/v1/indicators/uninsured_share' },
  { target: '/api/v1/indicators/nope' },
  { target: '/api/v1/indicators/infant_mortality_rate' },
  { target: '/api/v1/indicators/medicaid_chip_enrollment/monthly' },
  { target: '/api/v1/indicators/uninsured_share/monthly' },
  { target: '/api/v1/indicators/medicaid_chip_enrollment/monthly?state=TX' },
  { target: '/api/v1/counties?state=TX' },
  { target: '/api/v1/counties?limit=0' },
  { server: 'bare', target: '/api/v1/counties' },
  { target: '/api/v1/counties/48201' },
  { target: '/api/v1/counties/99999' },
  { server: 'bare', target: '/api/v1/counties/ABCDE' },
  { server: 'bare', target: '/api/v1/counties/48201' },
  // analytics
  { target: '/api/v1/analytics/correlations' },
  { target: '/api/v1/analytics/correlations?level=county&method=spearman' },
  { target: '/api/v1/analytics/correlations?method=bogus' },
  { server: 'bare', target: '/api/v1/analytics/correlations' },
  { target: '/api/v1/analytics/correlations/pair?x=uninsured_share&y=mean_rating' },
  { target: '/api/v1/analytics/correlations/pair?x=nope&y=mean_rating' },
  { server: 'bare', target: '/api/v1/analytics/correlations/pair?x=../..&y=mean_rating' },
  { server: 'bare', target: '/api/v1/analytics/correlations/pair?x=uninsured_share&y=mean_rating' },
  { target: '/api/v1/analytics/correlates?level=county&x=life_expectancy' },
  { target: '/api/v1/analytics/correlates?x=uninsured_share&method=spearman' },
  { target: '/api/v1/analytics/correlates?x=nope' },
  { server: 'bare', target: '/api/v1/analytics/correlates?x=uninsured_share' },
  { target: '/api/v1/analytics/insights?limit=100' },
  { target: '/api/v1/analytics/insights?category=bogus' },
  { server: 'bare', target: '/api/v1/analytics/insights' },
  { target: '/api/v1/analytics/access' },
  { target: '/api/v1/analytics/access?state=TX' },
  { target: '/api/v1/analytics/access?level=county' },
  { target: '/api/v1/analytics/access?level=zip' },
  { target: '/api/v1/analytics/access?state=ZZ' },
  { target: '/api/v1/analytics/access?state=TEXAS' },
  { server: 'bare', target: '/api/v1/analytics/access' },
  { target: '/api/v1/analytics/medicaid-expansion' },
  { target: '/api/v1/analytics/medicaid-expansion?outcome=uninsured_share' },
  { server: 'bare', target: '/api/v1/analytics/medicaid-expansion' },
  { target: '/api/v1/analytics/metrics?level=county' },
  { target: '/api/v1/analytics/metrics?level=bogus' },
  { server: 'bare', target: '/api/v1/analytics/metrics' },
  { target: '/api/v1/rankings?metric=uninsured_share&order=best&limit=5' },
  { target: '/api/v1/rankings?metric=../../' },
  { server: 'bare', target: '/api/v1/rankings?metric=../../' },
  { server: 'bare', target: '/api/v1/rankings?metric=uninsured_share' },
  // models and predictions
  { target: '/api/v1/models' },
  { server: 'bare', target: '/api/v1/models' },
  ...['rating', 'cost', 'clusters', 'outcome'].map((name) => ({ target: `/api/v1/models/${name}` })),
  { target: '/api/v1/models/nope' },
  { server: 'bare', target: '/api/v1/models/rating' },
  { target: '/api/v1/states/TX/forecast' },
  { target: '/api/v1/states/PR/forecast' },
  { server: 'bare', target: '/api/v1/states/TX/forecast' },
  { target: '/api/v1/clusters' },
  { server: 'bare', target: '/api/v1/clusters' },
  { method: 'POST', target: '/api/v1/predict/hospital-rating', key: fullKey, body: prediction },
  { method: 'POST', target: '/api/v1/predict/hospital-rating', key: fullKey, body: '{"facility_id":' },
  { method: 'POST', target: '/api/v1/predict/hospital-rating', key: fullKey, body: prediction, type: 'text/plain' },
  { method: 'POST', target: '/api/v1/predict/hospital-rating', key: fullKey, body: '{"beds":"many"}' },
  { method: 'POST', target: '/api/v1/predict/hospital-rating', body: prediction },
  { method: 'POST', target: '/api/v1/predict/hospital-rating', key: readKey, body: prediction },
  { server: 'bare', method: 'POST', target: '/api/v1/predict/hospital-rating', key: fullKey, body: prediction },
  // datasets, exports, pipeline, admin
  { target: '/api/v1/dashboard/summary' },
  { target: '/api/v1/dashboard/summary?x=1' },
  { target: '/api/v1/datasets' },
  { target: '/api/v1/datasets/current/quality' },
  { target: '/api/v1/datasets/ab/quality' },
  { target: '/api/v1/datasets/ffffffff/quality' },
  { target: '/api/v1/export/hospitals?state=DE', key: fullKey },
  { target: '/api/v1/export/hospitals?state=DE&format=json&measures=COMP-HIP-KNEE', key: fullKey },
  { target: '/api/v1/export/hospitals?state=DE&format=geojson', key: fullKey },
  { target: '/api/v1/export/hospitals?state=DE&format=xlsx', key: fullKey },
  { target: '/api/v1/export/hospitals?format=bogus', key: fullKey },
  { target: '/api/v1/export/hospitals?state=DE', key: readKey },
  { target: '/api/v1/export/hospitals?state=DE' },
  { target: '/api/v1/pipeline/runs' },
  { target: '/api/v1/pipeline/runs?limit=0' },
  { method: 'POST', target: '/api/v1/admin/reload', key: fullKey },
  { method: 'POST', target: '/api/v1/admin/reload', key: readKey },
  // operations and static files
  { target: '/health' },
  { target: '/ready' },
  { target: '/metrics' },
  { target: '/openapi.json' },
  { target: '/docs' },
  { target: '/docs/swagger-ui.css' },
  { target: '/docs/nope.css' },
  { target: '/' },
  { target: `/${asset}` },
  { target: '/assets/nope.js' },
  // before analysis and training, the routes that still answer have the documented shape
  ...['/api/v1/hospitals/050137', '/api/v1/hospitals/050137/measures', '/api/v1/states/TX', '/api/v1/states',
    '/api/v1/dashboard/summary', '/api/v1/datasets', '/api/v1/measures/COMP-HIP-KNEE', '/api/v1/pipeline/runs',
    '/api/v1/hospitals/compare?ids=450068,450184', '/api/v1/indicators/uninsured_share',
  ].map((target) => ({ server: 'bare', target })),
  // a parameter a route does not know is a 400 on every route with a scope
  ...['/api/v1/hospitals/050137', '/api/v1/measures/COMP-HIP-KNEE', '/api/v1/indicators/uninsured_share',
    '/api/v1/states/TX', '/api/v1/datasets', '/api/v1/hospitals/050137/rating-explanation', '/api/v1/counties/48201',
    '/api/v1/models', '/api/v1/models/rating', '/api/v1/states/TX/forecast', '/api/v1/clusters',
  ].map((path) => ({ target: `${path}?bogus=1` })),
  { method: 'POST', target: '/api/v1/admin/reload?bogus=1', key: fullKey },
];

// Documented statuses no request here can produce, each with the reason.
const unreachable = {
  'GET /ready 503': 'a server answers only once its snapshot is loaded',
  'POST /api/v1/admin/reload 503': 'needs the store to fail while the server runs (tests/server covers it)',
  'GET /docs 404': 'needs a server without Swagger UI installed (tests/server covers it)',
  'GET / 404': 'needs a server without the built dashboard (tests/server covers it)',
};

/** Downloads the export of every hospital in `format` into the work directory; resolves to its path and row count. */
async function downloadExport(format) {
  const response = await fetch(`${servers.full.origin}/api/v1/export/hospitals?format=${format}`,
    { headers: { authorization: `Bearer ${fullKey}` } });
  const file = join(work, `hospitals.${format}`);
  writeFileSync(file, Buffer.from(await response.arrayBuffer()));
  return { file, rows: Number(response.headers.get('x-row-count')) };
}

/** The exports of all hospitals read by real clients: GDAL's ogrinfo, pandas and openpyxl (read_exports.py). */
async function readExportsWithRealClients() {
  const [csv, xlsx, geojson] = [await downloadExport('csv'), await downloadExport('xlsx'), await downloadExport('geojson')];
  const total = (await (await fetch(`${servers.full.origin}/api/v1/hospitals?limit=1`)).json()).meta.total;
  check(csv.rows === total && xlsx.rows === total && geojson.rows === total, `every export has the ${total} hospitals`);
  const summary = execFileSync('ogrinfo', ['-ro', '-so', '-al', geojson.file], { encoding: 'utf8' });
  const features = Number(/Feature Count: (\d+)/.exec(summary)?.[1]);
  check(features === total, `ogrinfo reads ${features} GeoJSON features = ${total}`);
  check(/Geometry: Point/.test(summary), 'ogrinfo reads the GeoJSON geometries as points');
  check(/^id: String/m.test(summary) && /^zip: String/m.test(summary), 'ogrinfo types id and zip as strings');
  try {
    process.stdout.write(execFileSync('/usr/bin/python3', [join(import.meta.dirname, 'read_exports.py'), csv.file, xlsx.file,
      String(total)], { encoding: 'utf8' }));
  } catch (error) {
    check(false, `pandas and openpyxl read the exports: ${error.stdout}${error.stderr}`);
  }
}

try {
  for (const request of catalogue) await send(request);
  await readExportsWithRealClients();
  for (const { key, operation, seen } of operations) {
    check([...seen].some((status) => status < 400), `${key} was requested with a success`);
    for (const status of Object.keys(operation.responses).filter((s) => ['400', '404', '503'].includes(s))) {
      check(seen.has(Number(status)) || unreachable[`${key} ${status}`], `${key} was seen answering its documented ${status}`);
    }
  }
} finally {
  await Promise.all(Object.values(servers).map((server) => server.stop()));
  rmSync(work, { recursive: true, force: true });
}
console.log(`${catalogue.length} requests over ${operations.length} operations: ${failures} failures`);
process.exit(failures === 0 ? 0 : 1);
