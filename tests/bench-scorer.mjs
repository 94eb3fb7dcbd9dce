// Scorer start-up in headless Chromium (a script, not a test), from one run
// that alternates between pages: the scorer's own start on the main thread
// (instantiate + boot, from performance marks in scorer.js; the module is
// compiled off the main thread while the page is drawn), and when
// scoren.html and rapport.html are interactive (the 'ready' mark) against a
// content page's DOMContentLoaded, all from navigation start. Medians of N.
//   node tests/bench-scorer.mjs [runs]
import { serveDist, launch, startTraject } from './helpers.mjs';

const runs = Number(process.argv[2] ?? 15);
const server = await serveDist('/a/b/', process.env.BENCH_DIST || undefined);
const browser = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : "–");
try {
  const context = await browser.newContext(process.env.BENCH_NO_SW ? { serviceWorkers: 'block' } : {});
  await startTraject(context, server.base);
  const figures = { content: [], scoren: [], rapport: [], own: [], compiled: [], instantiate: [], boot: [], dcl: [], loader: [], ran: [], wasmStart: [], wasmEnd: [] };
  for (let i = 0; i < runs; i++) {
    for (const [name, path] of [['content', 'domeinen/thuissituatie.html'], ['scoren', 'scoren.html'], ['rapport', 'rapport.html']]) {
      const page = await context.newPage();
      await page.goto(server.base + path, { waitUntil: 'load' });
      if (name === 'content') {
        figures.content.push(await page.evaluate(() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd));
      } else {
        await page.waitForFunction(() => performance.getEntriesByName('wegwijzer:ready').length > 0);
        const m = await page.evaluate(() => Object.fromEntries(
          ['compiled', 'start', 'instantiated', 'ready'].map((n) => [n, performance.getEntriesByName(`wegwijzer:${n}`)[0].startTime]),
        ));
        figures[name].push(m.ready);
        if (name === 'scoren') {
          figures.own.push(m.ready - m.start);
          figures.compiled.push(m.compiled);
          figures.instantiate.push(m.instantiated - m.start);
          figures.boot.push(m.ready - m.instantiated);
          const t = await page.evaluate(() => {
            const r = (re) => performance.getEntriesByType('resource').find((e) => re.test(e.name)) ?? {};
            return {
              dcl: performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd,
              loader: r(/scorer\.js$/).responseEnd, wasm: r(/\.wasm$/),
              ran: performance.getEntriesByName('wegwijzer:loader')[0].startTime,
            };
          });
          figures.dcl.push(t.dcl);
          figures.loader.push(t.loader);
          figures.ran.push(t.ran);
          figures.wasmStart.push(t.wasm.startTime);
          figures.wasmEnd.push(t.wasm.responseEnd);
        }
      }
      await page.close();
    }
  }
  const content = median(figures.content);
  console.log(`content page DOMContentLoaded: median ${ms(content)} (${runs} runs)`);
  for (const name of ['scoren', 'rapport']) {
    const t = median(figures[name]);
    console.log(`${name}.html interactive: median ${ms(t)}, ${(t / content).toFixed(2)}x the content page's DOMContentLoaded`);
  }
  console.log(`scorer's own start (scoren.html): median ${ms(median(figures.own))} = instantiate ${ms(median(figures.instantiate))} + boot ${ms(median(figures.boot))}; module compiled at ${ms(median(figures.compiled))} (off the main thread)`);
  console.log(`scoren.html timeline: loader downloaded ${ms(median(figures.loader))} and run ${ms(median(figures.ran))}, .wasm requested ${ms(median(figures.wasmStart))} and in ${ms(median(figures.wasmEnd))}, DOMContentLoaded ${ms(median(figures.dcl))} (${(median(figures.dcl) / content).toFixed(2)}x the content page's)`);
} finally {
  await browser.close();
  await server.close();
}
