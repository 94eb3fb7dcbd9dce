// Shared helpers for the end-to-end tests: a real HTTP server for dist/
// under a subfolder, and Debian's Chromium driven by playwright-core.
import { createServer } from 'node:http';
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

/** Serves dist/ under `prefix` (e.g. "/a/b/") on 127.0.0.1; anything else is 404. */
export async function serveDist(prefix = '/a/b/') {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!path.startsWith(prefix)) {
      res.writeHead(404).end('outside the subfolder');
      return;
    }
    const rel = normalize(path.slice(prefix.length));
    const file = join(dist, rel);
    if (!file.startsWith(dist)) {
      res.writeHead(403).end();
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(await readFile(file));
    } catch {
      res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
      res.end(await readFile(join(dist, '404.html')));
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return {
    base: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise((ok) => server.close(ok)),
  };
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
export async function htmlFiles(dir = dist) {
  const { readdir } = await import('node:fs/promises');
  const { relative } = await import('node:path');
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await htmlFiles(path)));
    else if (entry.name.endsWith('.html')) out.push(relative(dist, path).split(sep).join('/'));
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

/** Runs axe on the page as it is now; returns readable violations. */
export async function axeViolations(page) {
  // evaluate() is not subject to the page's CSP, unlike an injected <script>.
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.evaluate(axe.source);
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.map(
    (v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}
