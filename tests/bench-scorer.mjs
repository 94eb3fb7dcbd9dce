// Scorer start-up in headless Chromium (a script, not a test), from one run
// that alternates between pages: when scoren.html and rapport.html are
// interactive (the 'ready' mark of scorer.js) against a content page's
// DOMContentLoaded, all from navigation start, and the scorer's own steps
// (first paint, loader run → module compiled → ready). Medians of N. Two ways of
// arriving, in the same rounds: cold, each page in a new tab of an empty
// browser profile (nothing cached, no worker), and warm, all pages in one
// tab with the build already cached (as a reader clicks through). The
// order of the three pages turns each round: the page loaded first in a
// round was slower, and a fixed order favoured it.
//   node tests/bench-scorer.mjs [runs]
import { serveDist, launch, startTraject } from './helpers.mjs';

const runs = Number(process.argv[2] ?? 31);
const server = await serveDist('/a/b/', process.env.BENCH_DIST || undefined);
const browser = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : '–');
const pages = [['content', 'domeinen/thuissituatie.html'], ['scoren', 'scoren.html'], ['rapport', 'rapport.html']];
const modes = [
  { name: 'cold: a new tab in an empty profile per page', fresh: true },
  { name: 'warm: one tab, the build already cached', fresh: false },
];

/** What one load of `path` shows: DOMContentLoaded, or the scorer's marks. */
async function measure(page, path, name) {
  await page.goto(server.base + path, { waitUntil: 'load' });
  if (name === 'content') {
    return page.evaluate(() => ({ dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd }));
  }
  await page.waitForFunction(() => performance.getEntriesByName('wegwijzer:ready').length > 0);
  return page.evaluate(() => {
    // NaN for a mark an older build does not set (BENCH_DIST).
    const at = (n) => performance.getEntriesByName(`wegwijzer:${n}`)[0]?.startTime ?? NaN;
    return {
      ready: at('ready'), compiled: at('compiled'),
      ran: at('loader'), parsed: performance.getEntriesByType('navigation')[0].domInteractive,
      painted: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
    };
  });
}

try {
  const context = await browser.newContext(process.env.BENCH_NO_SW ? { serviceWorkers: 'block' } : {});
  await startTraject(context, server.base);
  const tab = await context.newPage();
  // A traject in every cold profile too, so the pages show what they fill in.
  const coldPage = async () => {
    const cold = await browser.newContext({ serviceWorkers: 'block' });
    await startTraject(cold, server.base);
    return cold.newPage();
  };
  for (const mode of modes) mode.loads = { content: [], scoren: [], rapport: [] };
  for (let i = 0; i < runs; i++) {
    const order = [...pages.slice(i % 3), ...pages.slice(0, i % 3)];
    for (const mode of i % 2 ? [...modes].reverse() : modes) {
      for (const [name, path] of order) {
        const page = mode.fresh ? await coldPage() : tab;
        mode.loads[name].push(await measure(page, path, name));
        if (mode.fresh) await page.context().close();
      }
    }
  }
  for (const mode of modes) {
    const of = (name, f) => median(mode.loads[name].map(f));
    const content = of('content', (m) => m.dcl);
    console.log(`${mode.name}, ${runs} rounds:`);
    console.log(`  content page DOMContentLoaded: median ${ms(content)}`);
    for (const name of ['scoren', 'rapport']) {
      const t = of(name, (m) => m.ready);
      console.log(`  ${name}.html interactive: median ${ms(t)}, ${(t / content).toFixed(2)}x the content page's DOMContentLoaded`);
    }
    const dcl = of('scoren', (m) => m.dcl);
    console.log(`  scoren.html timeline: first paint ${ms(of('scoren', (m) => m.painted))}, loader run ${ms(of('scoren', (m) => m.ran))}, module compiled ${ms(of('scoren', (m) => m.compiled))}, parsed ${ms(of('scoren', (m) => m.parsed))}, DOMContentLoaded ${ms(dcl)}, ready ${ms(of('scoren', (m) => m.ready))}`);
  }
} finally {
  await browser.close();
  await server.close();
}
