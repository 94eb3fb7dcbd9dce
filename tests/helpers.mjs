// Shared helpers for the end-to-end tests: a real HTTP server for dist/
// under a subfolder, and Debian's Chromium driven by playwright-core.
import { createServer } from 'node:http';
import { spawnSync } from 'node:child_process';
import { inflateRawSync, gzipSync } from 'node:zlib';
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { join, normalize, extname, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import axe from 'axe-core';

export const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
export const dist = process.env.WEGWIJZER_DIST ? resolve(process.env.WEGWIJZER_DIST) : join(repo, 'dist');
export const distUrl = pathToFileURL(dist + sep).href;
/** Cargo's target folder (CI's fresh-clone run points it at the first run's). */
export const targetDir = process.env.CARGO_TARGET_DIR ? resolve(process.env.CARGO_TARGET_DIR) : join(repo, 'target');

const types = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
};

/**
 * Serves `root` (dist/) under `prefix` (e.g. "/a/b/") on 127.0.0.1; a
 * missing file gets the site's 404.html with status 404, as a host set up
 * as the README says does. `down = true` drops every connection, as a
 * network that is gone.
 */
export async function serveDist(prefix = '/a/b/', root = dist, { compress = false } = {}) {
  const state = { down: false };
  const server = createServer(async (req, res) => {
    if (state.down) {
      req.socket.destroy();
      return;
    }
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end('outside the subfolder');
      return;
    }
    const rel = normalize(path.slice(prefix.length));
    const file = join(root, rel);
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const headers = { 'content-type': types[extname(file)] ?? 'application/octet-stream' };
      let bytes = await readFile(file);
      // `compress`: as a host that compresses and revalidates (gzip, ETag).
      if (compress) {
        const etag = `"${createHash('sha1').update(bytes).digest('hex').slice(0, 16)}"`;
        headers.etag = etag;
        if (req.headers['if-none-match'] === etag) {
          res.writeHead(304, headers).end();
          return;
        }
        if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
          bytes = gzipSync(bytes, { level: 6 });
          headers['content-encoding'] = 'gzip';
        }
      }
      res.writeHead(200, headers);
      res.end(bytes);
    } catch {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(await readFile(join(root, '404.html')));
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    base: `http://127.0.0.1:${port}${prefix}`,
    origin: `http://127.0.0.1:${port}`,
    set down(v) {
      state.down = v;
    },
    close: () => {
      server.closeAllConnections?.();
      return new Promise((ok) => server.close(ok));
    },
  };
}

/** The generator binary that `cargo run -p generator` built. */
export const generatorBin = join(targetDir, 'debug', 'generator');

/** Runs the generator; throws with its stderr when it fails. */
export function generate(args) {
  const run = spawnSync(generatorBin, args, { cwd: repo, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`generator ${args.join(' ')} failed:\n${run.stderr}`);
  return run.stderr;
}

/** The entries of a zip file (deflated or stored), as { name, data } in order. */
export function unzip(buffer) {
  // The end-of-central-directory record: the last 22 bytes, without a comment.
  let eocd = buffer.length - 22;
  while (eocd >= 0 && buffer.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip file');
  const count = buffer.readUInt16LE(eocd + 10);
  let at = buffer.readUInt32LE(eocd + 16);
  const entries = [];
  for (let i = 0; i < count; i++) {
    if (buffer.readUInt32LE(at) !== 0x02014b50) throw new Error('bad central directory');
    const method = buffer.readUInt16LE(at + 10);
    const compressed = buffer.readUInt32LE(at + 20);
    const size = buffer.readUInt32LE(at + 24);
    const nameLength = buffer.readUInt16LE(at + 28);
    const extra = buffer.readUInt16LE(at + 30);
    const comment = buffer.readUInt16LE(at + 32);
    const local = buffer.readUInt32LE(at + 42);
    const name = buffer.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const raw = buffer.subarray(start, start + compressed);
    const data = method === 8 ? inflateRawSync(raw) : Buffer.from(raw);
    if (data.length !== size) throw new Error(`${name}: ${data.length} bytes, want ${size}`);
    entries.push({ name, data });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

/** Starts a traject named `name` from the start page, as a team does; `page` ends on domain 1 with the scorer ready. */
export async function startTrajectIn(page, base, name) {
  await page.goto(base + 'traject.html');
  await page.waitForSelector('body[data-scorer]');
  await page.fill('#nieuw-naam', name);
  await page.click('#nieuw-traject button[type="submit"]');
  await page.waitForURL(/scoren\.html#domein-1$/);
  // The body is marked once the scorer has filled in the page.
  await page.waitForSelector('body[data-scorer]');
}

/**
 * Stores a traject scored on every domain (one "weet niet"), with notes and
 * three chosen domains, as the active one at `base`: the filled-in state
 * the benchmarks load pages in.
 */
export async function storeFilledTraject(context, base) {
  const page = await context.newPage();
  // A page without the scorer, so its module is in no cache yet.
  await page.goto(base + 'index.html');
  await page.evaluate(() => {
    const prefix = 'wegwijzer:' + location.pathname.replace(/[^/]*$/, '') + ':';
    const answers = [1, 2, 3, 4, 5, 6, 7, 8].map((d) => ({
      domein: d, score: [6, 4, 3, 8, 5, 7, 'weet-niet', 2][d - 1], wat_gaat_goed: `Sterk punt ${d}`, aandachtspunten: `Werkpunt ${d}`,
    }));
    localStorage.setItem(prefix + 'traject:t-lh', JSON.stringify({
      formaat: 'wegwijzer-traject', schema_version: 3, id: 't-lh', naam: 'Lighthouse-team',
      aangemaakt: '2026-12-01T10:00:00Z', gewijzigd: '2026-12-01T10:00:00Z',
      respondenten: [{ rol: 'Team', antwoorden: answers }], focus: [8, 2, 3], redenen: [],
    }));
    localStorage.setItem(prefix + 'actief', 't-lh');
  });
  await page.close();
}

/**
 * Fills this origin's localStorage to its quota with someone else's data,
 * as a full profile is; returns how many `vuller-N` keys it took.
 */
export async function fillLocalStorage(page) {
  return page.evaluate(() => {
    let n = 0;
    for (let size = 1 << 20; size >= 1; size >>= 1) {
      const chunk = 'x'.repeat(size);
      for (;;) {
        try {
          localStorage.setItem(`vuller-${n}`, chunk);
          n++;
        } catch {
          break;
        }
      }
    }
    return n;
  });
}

/** Saves the download that clicking `selector` starts to `path`. */
export async function saveDownload(page, selector, path) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  await file.saveAs(path);
  return { path, suggested: file.suggestedFilename() };
}

/** Deletes the one traject on this device and restores it from the backup at `path`; ends on its rapport. */
export async function deleteAndRestore(page, base, path) {
  await page.goto(base + 'traject.html');
  await page.waitForSelector('.traject-item');
  await page.click('.traject-item [data-action="delete"]');
  await page.click('#dialoog-verwijderen [data-action="delete-confirmed"]');
  await page.waitForSelector('#geen-trajecten:not([hidden])');
  await page.setInputFiles('#import-bestand', path);
  await page.waitForSelector('.traject-item');
  await page.click('.traject-item [data-action="open-rapport"]');
  await page.waitForURL(/rapport\.html$/);
  await page.waitForSelector('body[data-scorer]');
}

/** The same in a page of its own in `context`, closed after; for the benchmarks. */
export async function startTraject(context, base, name = 'Bench') {
  const page = await context.newPage();
  await startTrajectIn(page, base, name);
  await page.close();
}

/**
 * Visits every page reachable from `start` under `base`. Returns the pages
 * seen (relative to base) and every problem found.
 */
export async function crawl(context, base, start) {
  const page = await context.newPage();
  const problems = watch(page, (url) => url.startsWith(base));
  const queue = [start];
  const seen = new Set();
  const anchors = [];
  while (queue.length) {
    const url = queue.shift();
    if (seen.has(url)) continue;
    seen.add(url);
    const response = await page.goto(url);
    if (response && response.status() !== 200) problems.push(`HTTP ${response.status()} for ${url}`);
    const title = await page.title();
    if (!title) problems.push(`no title on ${url}`);
    const links = await page.$$eval('a[href], link[href], script[src], img[src]', (els) =>
      els.map((e) => ({ raw: e.getAttribute('href') ?? e.getAttribute('src'), abs: e.href ?? e.src })),
    );
    for (const { raw, abs } of links) {
      if (raw.startsWith('/') || raw.startsWith('//')) problems.push(`absolute link ${raw} on ${url}`);
      if (!abs.startsWith(base)) continue;
      const [target, hash] = abs.split('#');
      if (target.endsWith('/')) problems.push(`directory link ${raw} on ${url}`);
      if (target.endsWith('.html')) queue.push(target);
      if (hash) anchors.push({ from: url, target, hash: decodeURIComponent(hash) });
    }
  }
  for (const { from, target, hash } of anchors) {
    await page.goto(target);
    const found = await page.evaluate((id) => document.getElementById(id) !== null, hash);
    if (!found) problems.push(`broken anchor #${hash} on ${target} (linked from ${from})`);
  }
  await page.close();
  const pages = [...seen].map((u) => u.slice(base.length)).sort();
  return { pages, problems };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * Records what a page does that a test must see: console errors, page
 * errors, failed requests and requests that leave the allowed origin.
 */
export function watch(page, allowed) {
  const problems = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.push(`console: ${msg.text()} (${page.url()})`);
  });
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message} (${page.url()})`));
  page.on('requestfailed', (req) => {
    // Aborted: the test moved on to the next page before this one finished
    // loading the scorer, which it fetches after the first paint.
    if (req.failure()?.errorText === 'net::ERR_ABORTED') return;
    problems.push(`failed: ${req.url()} ${req.failure()?.errorText}`);
  });
  page.on('request', (req) => {
    const url = req.url();
    if (!allowed(url) && !url.startsWith('data:')) problems.push(`other origin: ${url}`);
  });
  return problems;
}

/** Every .html file in dist/, as sorted paths relative to dist/ with `/`. */
export async function htmlFiles(dir = dist, top = dir) {
  const { readdir } = await import('node:fs/promises');
  const { relative } = await import('node:path');
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await htmlFiles(path, top)));
    else if (entry.name.endsWith('.html')) out.push(relative(top, path).split(sep).join('/'));
  }
  return out.sort();
}

/**
 * Registers before/after hooks that start Chromium and a server for dist/
 * under /a/b/; the returned object holds them once the tests run.
 */
export function useBrowserAndServer(hooks) {
  const env = { browser: null, server: null };
  hooks.before(async () => {
    env.browser = await launch();
    env.server = await serveDist('/a/b/');
  });
  hooks.after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}

/**
 * A fresh browser context (its own storage: one device) with one page whose
 * problems are watched. A native dialog is not our UI: any one is a problem.
 */
export async function openDevice(browser, base, options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, ...options });
  const page = await context.newPage();
  const problems = watch(page, (url) => url.startsWith(base));
  page.on('dialog', (d) => {
    problems.push(`native dialog: ${d.type()} ${d.message()}`);
    d.dismiss();
  });
  return { context, page, problems };
}

/** Runs axe on the page as it is now; returns readable violations. */
export async function axeViolations(page) {
  // evaluate() is not subject to the page's CSP, unlike an injected <script>.
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axe.source);
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.map(
    (v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}
