// Crawls the built site in Chromium, over HTTP from a subfolder and from
// file://, following every internal link and checking every anchor.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { watch, distUrl, htmlFiles, useBrowserAndServer, crawl } from './helpers.mjs';

const env = useBrowserAndServer({ before, after });

for (const mode of ['http', 'file']) {
  test(`every page and anchor works over ${mode}`, async () => {
    const base = mode === 'http' ? env.server.base : distUrl;
    const context = await env.browser.newContext();
    const { pages, problems } = await crawl(context, base, base + 'index.html');
    await context.close();
    assert.deepEqual(problems, []);
    // Every page in dist/ is reachable by links, except the 404 page.
    const expected = (await htmlFiles()).filter((p) => p !== '404.html');
    assert.deepEqual(pages, expected);
    assert.ok(pages.length >= 26, `only ${pages.length} pages`);
  });
}

test('the 404 page works over http, from the subfolder root', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const problems = watch(page, (url) => url.startsWith(env.server.base));
  const response = await page.goto(env.server.base + 'bestaat-niet.html');
  assert.equal(response.status(), 404);
  assert.equal(await page.textContent('h1'), 'Pagina niet gevonden');
  await page.click('text=Naar de startpagina');
  assert.equal(page.url(), env.server.base + 'index.html');
  // Chromium logs the 404 of the document itself; anything else is a problem.
  const others = problems.filter((p) => !p.includes('status of 404') || !p.includes('bestaat-niet.html'));
  assert.deepEqual(others, []);
  assert.equal(problems.length, 1);
  await context.close();
});

test('pages read well without JavaScript', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(env.server.base + 'domeinen/thuissituatie.html');
  assert.equal(await page.textContent('h1'), '3. Thuissituatie');
  for (const id of ['aanbeveling-3-1', 'aanbeveling-3-2', 'aanbeveling-3-3', 'aanbeveling-3-4']) {
    assert.ok(await page.isVisible(`#${id}`), id);
  }
  assert.match(await page.textContent('#aanbeveling-3-3'), /geen voorbeelden of interventies/);
  assert.equal(await page.locator('.domain-nav li').count(), 8);
  assert.equal(await page.getAttribute('.domain-nav [aria-current="page"]', 'href'), '../domeinen/thuissituatie.html');
  await context.close();
});

test('the skip link moves keyboard focus to the content', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.server.base + 'handleiding.html');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Direct naar de inhoud');
  assert.ok(await page.isVisible('.skip-link'), 'skip link visible when focused');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'inhoud');
  await context.close();
});

test('the layout holds at 320 px without horizontal scrolling', async () => {
  const context = await env.browser.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  for (const path of ['index.html', 'domeinen/samenwerking.html', 'interventies/index.html', 'colofon.html']) {
    await page.goto(env.server.base + path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px`);
  }
  await context.close();
});
