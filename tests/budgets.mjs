// Size and hygiene budgets, measured in the browser: prints the figures and
// exits 1 when one is exceeded. Run: node tests/budgets.mjs
//
// A page's first load is every response of a fresh load (cold cache, the
// service worker held back), gzip-compressed as a static host would send
// it. The traject pages come from site-data's one list (`generator pages`);
// all others count as content pages.
import { gzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { serveDist, launch, htmlFiles, dist, generatorBin } from './helpers.mjs';

const KB = 1000;
const budgets = {
  // Issue #26: what a user pays over a whole visit, the scorer in two
  // builds shared by their pages (site-data's `assets::BUILDS`).
  // An invited leerling or ouder opens meedoen.html once, cold, on a phone.
  meedoen: 90 * KB,
  // A coordinator's first pass: traject → scoren → rapport → plan, each
  // file counted once, as a browser cache that revalidates pays for it.
  coordinatorPass: 170 * KB,
  // Issue #27: a region's adviser opens regiobeeld.html cold.
  regiobeeld: 120 * KB,
  // What every visitor over http downloads after the first page.
  precache: 380 * KB,
  // 40 % under the 32.6 KB it weighed when it carried rendered HTML.
  siteData: 0.6 * 32.6 * KB,
  searchIndex: 15 * KB,
  content: 40 * KB,
  otherOrigin: 0,
  brokenLinks: 0,
};

const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const kb = (n) => `${(n / KB).toFixed(1)} KB`;

// The traject pages and the build each loads: site-data's one list, as
// the generator prints it (null in a build without the scorer).
const trajectPages = JSON.parse(execFileSync(generatorBin, ['pages'], { encoding: 'utf8' }));
const hasScorer = existsSync(join(dist, trajectPages[0].path));

/** A build's files in assets/, from the page that loads it. */
async function buildOf(page) {
  const html = await readFile(join(dist, page), 'utf8');
  const attr = (name) => html.match(new RegExp(`${name}="(?:\\.\\./)*([^"]+)"`))?.[1];
  const wasm = await readFile(join(dist, attr('data-wasm')));
  if (wasm.subarray(0, 4).toString('latin1') !== '\0asm') throw new Error(`${page}: its module is not wasm`);
  const script = await readFile(join(dist, html.match(/data-script="(?:\.\.\/)*([^"]*scorer-[a-z]+-[0-9a-f]+\.js)"/)[1]), 'utf8');
  const line = script.split('\n').find((l) => l.startsWith('window.WEGWIJZER_DATA = "'));
  return { wasm, script, data: JSON.parse(line.slice('window.WEGWIJZER_DATA = '.length, -1)) };
}

const server = await serveDist('/a/b/');
const browser = await launch();
const pages = await htmlFiles();
const loads = [];
let otherOrigin = 0;
const ids = new Map();
const links = [];
/** Every response of a cold load of `path` in `context`, as [url, gzip bytes]. */
async function load(context, path) {
  const page = await context.newPage();
  const responses = [];
  page.on('request', (req) => {
    if (!req.url().startsWith(server.base) && !req.url().startsWith('data:')) otherOrigin++;
  });
  page.on('response', (res) => responses.push(res));
  await page.goto(server.base + path, { waitUntil: 'load' });
  await page.waitForLoadState('networkidle');
  const files = [];
  for (const res of responses) {
    if (res.url().startsWith(server.base)) files.push([res.url(), gz(await res.body())]);
  }
  return { page, files };
}
const sum = (files) => files.reduce((n, [, b]) => n + b, 0);
let pass = null;
try {
  for (const path of pages) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const { page, files } = await load(context, path);
    const kind = trajectPages.some((p) => p.path === path) ? 'traject' : 'content';
    loads.push({ path, kind, bytes: sum(files), requests: files.length });
    ids.set(path, new Set(await page.$$eval('[id]', (els) => els.map((e) => e.id))));
    for (const href of await page.$$eval('a[href]', (els) => els.map((a) => a.href))) {
      if (href.startsWith(server.base)) links.push({ from: path, href: href.slice(server.base.length) });
    }
    await context.close();
  }
  if (hasScorer) {
    // The coordinator's pass in one browser, the worker held back.
    const context = await browser.newContext({ serviceWorkers: 'block' });
    const seen = new Map();
    const kinds = ['traject', 'scoring', 'rapport', 'plan'];
    for (const p of trajectPages.filter((t) => kinds.includes(t.kind))) {
      const { files } = await load(context, p.path);
      for (const [url, bytes] of files) if (!seen.has(url)) seen.set(url, bytes);
    }
    pass = { bytes: [...seen.values()].reduce((a, b) => a + b, 0), files: seen.size };
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}

const broken = links.filter(({ href }) => {
  const [file, hash] = href.split('#');
  // A download (the zip) is a file, not a page.
  if (!file.endsWith('.html')) return !existsSync(join(dist, file.split('?')[0]));
  if (!ids.has(file)) return true;
  return hash ? !ids.get(file).has(decodeURIComponent(hash)) : false;
});

const rows = [];
const fail = [];
const check = (name, value, budget, shown) => {
  const ok = value <= budget;
  rows.push(`${ok ? 'ok  ' : 'OVER'} ${name}: ${shown(value)} (budget ${shown(budget)})`);
  if (!ok) fail.push(name);
};

if (!hasScorer) {
  rows.push('n/a  scorer: not in this build (generator build without --scorer)');
} else {
  const built = {};
  for (const p of trajectPages) built[p.build] ??= await buildOf(p.path);
  for (const [name, b] of Object.entries(built)) {
    rows.push(`info ${name} build: module ${kb(gz(b.wasm))} gzip (${kb(b.wasm.length)} raw), its script ${kb(gz(Buffer.from(b.script)))} gzip`);
  }
  const data = Object.values(built)[0].data;
  check(`site data raw (gzip ${kb(gz(Buffer.from(data)))})`, Buffer.byteLength(data), budgets.siteData, kb);
  const meedoen = loads.find((l) => l.path === 'meedoen.html');
  check(`meedoen.html first load gzip, cold (${meedoen.requests} requests)`, meedoen.bytes, budgets.meedoen, kb);
  const region = loads.find((l) => l.path === 'regiobeeld.html');
  check(`regiobeeld.html first load gzip, cold (${region.requests} requests)`, region.bytes, budgets.regiobeeld, kb);
  check(`coordinator's cold pass traject → scoren → rapport → plan gzip, each file once (${pass.files} files)`, pass.bytes, budgets.coordinatorPass, kb);
  for (const l of loads.filter((x) => x.kind === 'traject')) rows.push(`info ${l.path} first load, cold: ${kb(l.bytes)} gzip (${l.requests} requests)`);
}
try {
  const index = await readFile(join(dist, 'assets', 'search-index.js'));
  check(`search index gzip (raw ${kb(index.length)})`, gz(index), budgets.searchIndex, kb);
} catch {
  rows.push('n/a  search index: not in this build');
}
const content = loads.filter((l) => l.kind === 'content').sort((a, b) => b.bytes - a.bytes);
const heaviest = content[0];
check(`content page first load gzip, heaviest of ${content.length} (${heaviest.path}, ${heaviest.requests} requests)`, heaviest.bytes, budgets.content, kb);
check('requests to another origin, all pages', otherOrigin, budgets.otherOrigin, String);
check(`broken internal links or anchors, of ${links.length}`, broken.length, budgets.brokenLinks, String);

// What the service worker fetches after a first visit over http(s), in the
// background: reported, not a first-load budget.
const sw = await readFile(join(dist, 'sw.js'), 'utf8');
const precached = JSON.parse(sw.match(/const FILES = (\[.*\]);/)[1]);
let rawTotal = 0;
let gzTotal = 0;
for (const f of precached) {
  const buf = await readFile(join(dist, f));
  rawTotal += buf.length;
  gzTotal += gz(buf);
}

check(`offline precache after the first visit (${precached.length} files; ${kb(rawTotal)} raw) gzip`, gzTotal, budgets.precache, kb);
console.log(`budgets, ${new Date().toISOString().slice(0, 10)}, node tests/budgets.mjs`);
for (const r of rows) console.log(r);
for (const b of broken) console.log(`  broken: ${b.href} on ${b.from}`);
if (fail.length) {
  console.error(`budget exceeded: ${fail.join('; ')}`);
  process.exit(1);
}
