// axe-core on every page in dist/ (pages added later join automatically):
// zero violations at any impact level.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import axe from 'axe-core';
import { serveDist, launch, htmlFiles } from './helpers.mjs';

let browser;
let server;

before(async () => {
  browser = await launch();
  server = await serveDist('/a/b/');
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Runs axe on the page as it is now; returns readable violations. */
export async function axeViolations(page) {
  // evaluate() is not subject to the page's CSP, unlike an injected <script>.
  await page.evaluate(axe.source);
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.map(
    (v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

test('axe finds no violations on any page, at desktop and phone width', async () => {
  const pages = await htmlFiles();
  assert.ok(pages.length >= 27);
  const problems = [];
  for (const viewport of [{ width: 1280, height: 900 }, { width: 320, height: 640 }]) {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    for (const path of pages) {
      await page.goto(server.base + path);
      for (const v of await axeViolations(page)) problems.push(`${path} @${viewport.width}px: ${v}`);
    }
    await context.close();
  }
  assert.deepEqual(problems, []);
});
