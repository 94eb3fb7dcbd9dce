// What the scorer writes into a page (a script, not a test): the DOM
// changes (MutationObserver records) of the first fill of scoren.html,
// rapport.html and plan.html with a filled-in traject, of choosing a domain
// on the rapport and of typing three letters in its reason, and how long a
// click on a domain's box takes to handle and lay out (median of 21, in
// the page). Each record is a DOM change, which may invalidate style;
// under Lighthouse, which traces each invalidation with a stack, each costs
// far more than in a reader's browser.
//   node tests/bench-writes.mjs DIST…   (several builds: measured in turn)
import { resolve } from 'node:path';
import { serveDist, launch, storeFilledTraject } from './helpers.mjs';

const dists = process.argv.slice(2).map((d) => resolve(d));
if (!dists.length) throw new Error('usage: node tests/bench-writes.mjs DIST…');

// Counts the page's DOM changes from now on (run in the page).
const watch = () => {
  window.__records = 0;
  window.__watch = new MutationObserver((r) => { window.__records += r.length; });
  window.__watch.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
};
// The same from the end of parsing on, when the scorer starts.
const watchFromParsed = `document.addEventListener('readystatechange', () => { if (!window.__watch) (${watch})(); });`;

const browser = await launch();
try {
  for (const dist of dists) {
    const server = await serveDist('/a/b/', dist);
    const context = await browser.newContext({ serviceWorkers: 'block' });
    await storeFilledTraject(context, server.base);
    const fills = [];
    for (const path of ['scoren.html', 'rapport.html', 'plan.html']) {
      const page = await context.newPage();
      await page.addInitScript(watchFromParsed);
      await page.goto(server.base + path);
      await page.waitForSelector('body[data-scorer="klaar"]');
      fills.push(`${path} ${await page.evaluate(() => window.__records)}`);
      await page.close();
    }
    const page = await context.newPage();
    await page.goto(server.base + 'rapport.html');
    await page.waitForSelector('body[data-scorer="klaar"]');
    const records = async (act) => {
      await page.evaluate(watch);
      await act();
      return page.evaluate(() => { window.__records += window.__watch.takeRecords().length; window.__watch.disconnect(); return window.__records; });
    };
    const choose = await records(() => page.check('#focus-keuze-5'));
    const type = await records(() => page.type('#reden-5', 'abc'));
    const click = await page.evaluate(async () => {
      const took = [];
      for (let i = 0; i < 21; i++) {
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        const start = performance.now();
        document.getElementById('focus-keuze-6').click();
        void document.body.offsetHeight;
        took.push(performance.now() - start);
      }
      return took.sort((a, b) => a - b)[10];
    });
    console.log(`== ${dist}`);
    console.log(`  first fill, DOM changes: ${fills.join(', ')}`);
    console.log(`  rapport.html: choosing a domain ${choose} changes, three letters in its reason ${type}; a click on a domain's box ${click.toFixed(1)} ms (median of 21)`);
    await context.close();
    await server.close();
  }
} finally {
  await browser.close();
}
