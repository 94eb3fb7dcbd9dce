// Search in the header, over HTTP from a subfolder and from file://: Dutch
// folding, words inside compounds, recommendation numbers, results with
// their context, keyboard use, axe on the open results, and an index that
// the traject pages load only when the box is first used.
import { test } from 'node:test';
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { watch, distUrl, useBrowserAndServer, axeViolations } from './helpers.mjs';

const env = useBrowserAndServer({ before, after });

async function results(page, query) {
  await page.fill('#zoek', query);
  await page.waitForFunction((q) => document.getElementById('zoek-status').textContent.includes(q), query);
  return page.$$eval('#zoek-resultaten a', (as) => as.map((a) => ({
    title: a.querySelector('strong').textContent,
    kind: a.querySelector('.search-results__kind').textContent,
    text: a.querySelector('.search-results__text').textContent,
    href: a.getAttribute('href'),
  })));
}

for (const mode of ['http', 'file']) {
  test(`search finds domains, recommendations and interventions over ${mode}`, async () => {
    const base = mode === 'http' ? env.server.base : distUrl;
    const context = await env.browser.newContext();
    const page = await context.newPage();
    const problems = watch(page, (url) => url.startsWith(base));
    await page.goto(base + 'domeinen/thuissituatie.html');

    const verzuim = await results(page, 'verzuim');
    const all = verzuim.map((r) => r.text).join(' ');
    assert.match(all, /ziekteverzuim/i, 'a word inside a compound');
    assert.match(all, /schoolverzuim/i);
    assert.ok(verzuim.some((r) => r.title === 'MAZL' && r.kind === 'Interventie'));

    const number = await results(page, '3.2');
    assert.equal(number[0].title, '3.2 Thuissituatie');
    assert.equal(number[0].kind, 'Aanbeveling');
    assert.equal(number[0].href, '../domeinen/thuissituatie.html#aanbeveling-3-2');

    const reele = await results(page, 'reele');
    assert.equal(reele[0].title, '3. Thuissituatie', 'accents fold');
    assert.match(reele[0].text, /reële/);

    const kanjer = await results(page, 'Kanjer');
    assert.equal(kanjer[0].title, 'Kanjertraining');
    assert.equal(await page.textContent('#zoek-status'), '1 resultaat voor “Kanjer”.');
    if (mode === 'http') {
      for (const v of await axeViolations(page)) problems.push(`axe: ${v}`);
    }

    // Keyboard only: arrow down to the first result, Enter opens it.
    await page.focus('#zoek');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.activeElement.textContent.includes('Kanjertraining')), true);
    await page.keyboard.press('Enter');
    await page.waitForURL(/interventies\/kanjertraining\.html$/);
    // Enter in the box itself opens the first result too.
    await results(page, '3.2');
    await page.press('#zoek', 'Enter');
    await page.waitForURL(/domeinen\/thuissituatie\.html#aanbeveling-3-2$/);
    await context.close();
    assert.deepEqual(problems, []);
  });
}

test('the traject pages load the index only when the box is first used', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const requested = [];
  page.on('request', (r) => requested.push(r.url()));
  await page.goto(env.server.base + 'scoren.html', { waitUntil: 'load' });
  await page.waitForTimeout(200);
  assert.ok(!requested.some((u) => u.includes('search-index.js')), 'not on first load');
  await page.focus('#zoek');
  await page.waitForFunction(() => typeof window.WEGWIJZER_ZOEK === 'object');
  assert.ok(requested.some((u) => u.includes('search-index.js')));
  await context.close();
});

test('without JavaScript the search box points to the overviews', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(env.server.base + 'index.html');
  assert.match(await page.textContent('.search-nojs'), /Zoeken werkt met JavaScript/);
  assert.equal(await page.getAttribute('.search-nojs a >> nth=0', 'href'), 'domeinen/index.html');
  assert.equal(await page.getAttribute('.search-nojs a >> nth=1', 'href'), 'interventies/index.html');
  await context.close();
});
