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
//
// Given several builds (dist folders), it measures them side by side in
// the same rounds, each from its own address (so each has its own service
// worker), taking turns: this machine's speed drifts within minutes, so
// builds measured one after the other are not comparable. Besides the
// ratio of the medians it prints the median of each round's own ratio
// (the page against the content page of the same round and build), which
// that drift moves less.
//   node tests/bench-scorer.mjs [runs] [DIST ...]   (default: BENCH_DIST or dist/)
import { resolve } from 'node:path';
import { serveDist, launch, startTraject } from './helpers.mjs';

const runs = Number(process.argv[2] ?? 31);
const roots = process.argv.slice(3).map((d) => resolve(d));
if (roots.length === 0) roots.push(process.env.BENCH_DIST ? resolve(process.env.BENCH_DIST) : undefined);
const browser = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : '–');
const pages = [['content', 'domeinen/thuissituatie.html'], ['scoren', 'scoren.html'], ['rapport', 'rapport.html']];
const modeNames = {
  cold: 'cold: a new tab in an empty profile per page',
  warm: 'warm: one tab, the build already cached',
};

/** What one load of `path` shows: DOMContentLoaded, or the scorer's marks. */
async function measure(page, path, name, base) {
  await page.goto(base + path, { waitUntil: 'load' });
  if (name === 'content') {
    return page.evaluate(() => ({ dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd }));
  }
  await page.waitForFunction(() => performance.getEntriesByName('wegwijzer:ready').length > 0);
  return page.evaluate(() => {
    // NaN for a mark an older build does not set.
    const at = (n) => performance.getEntriesByName(`wegwijzer:${n}`)[0]?.startTime ?? NaN;
    return {
      ready: at('ready'), compiled: at('compiled'),
      ran: at('loader'), parsed: performance.getEntriesByType('navigation')[0].domInteractive,
      painted: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
    };
  });
}

const sides = [];
try {
  for (const root of roots) {
    const server = await serveDist('/a/b/', root);
    const context = await browser.newContext(process.env.BENCH_NO_SW ? { serviceWorkers: 'block' } : {});
    await startTraject(context, server.base);
    const tab = await context.newPage();
    // A traject in every cold profile too, so the pages show what they fill in.
    const cold = async () => {
      const c = await browser.newContext({ serviceWorkers: 'block' });
      await startTraject(c, server.base);
      return c.newPage();
    };
    const modes = ['cold', 'warm'].map((name) => ({
      name, page: name === 'cold' ? cold : async () => tab, rounds: [],
    }));
    sides.push({ root: root ?? 'dist', base: server.base, server, modes });
  }
  for (let i = 0; i < runs; i++) {
    const order = [...pages.slice(i % 3), ...pages.slice(0, i % 3)];
    for (const side of i % 2 ? [...sides].reverse() : sides) {
      for (const mode of i % 2 ? [...side.modes].reverse() : side.modes) {
        const round = {};
        for (const [name, path] of order) {
          const page = await mode.page();
          round[name] = await measure(page, path, name, side.base);
          if (mode.name === 'cold') await page.context().close();
        }
        mode.rounds.push(round);
      }
    }
  }
  for (const side of sides) {
    if (sides.length > 1) console.log(`== ${side.root}`);
    for (const mode of side.modes) {
      const of = (name, f) => median(mode.rounds.map((r) => f(r[name])));
      const content = of('content', (m) => m.dcl);
      console.log(`${modeNames[mode.name]}, ${runs} rounds:`);
      console.log(`  content page DOMContentLoaded: median ${ms(content)}`);
      for (const name of ['scoren', 'rapport']) {
        const t = of(name, (m) => m.ready);
        const own = median(mode.rounds.map((r) => r[name].ready / r.content.dcl));
        console.log(`  ${name}.html interactive: median ${ms(t)}, ${(t / content).toFixed(2)}x the content page's DOMContentLoaded (each round's own ratio: median ${own.toFixed(2)}x)`);
      }
      console.log(`  scoren.html timeline: first paint ${ms(of('scoren', (m) => m.painted))}, loader run ${ms(of('scoren', (m) => m.ran))}, module compiled ${ms(of('scoren', (m) => m.compiled))}, parsed ${ms(of('scoren', (m) => m.parsed))}, DOMContentLoaded ${ms(of('scoren', (m) => m.dcl))}, ready ${ms(of('scoren', (m) => m.ready))}`);
    }
  }
} finally {
  await browser.close();
  for (const side of sides) await side.server.close();
}
