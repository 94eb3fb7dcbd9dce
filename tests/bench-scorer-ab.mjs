// Two builds side by side in one headless Chromium run (a script, not a
// test): the scorer's boot, own start and interactive time on
// scoren.html, alternating between the builds, medians of N. For comparing a change against the
// build before it:
//   node tests/bench-scorer-ab.mjs DIST_A DIST_B [runs]
import { serveDist, launch, startTraject } from './helpers.mjs';

const [a, b, runsArg] = process.argv.slice(2);
if (!a || !b) {
  console.error('usage: node tests/bench-scorer-ab.mjs DIST_A DIST_B [runs]');
  process.exit(2);
}
const runs = Number(runsArg ?? 21);
const browser = await launch();
const sides = [];
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
try {
  for (const root of [a, b]) {
    const server = await serveDist('/a/b/', root);
    // No service worker: it would add its own start-up to one side only.
    const context = await browser.newContext({ serviceWorkers: 'block' });
    await startTraject(context, server.base);
    sides.push({ root, server, context, boot: [], own: [], ready: [] });
  }
  for (let i = 0; i < runs; i++) {
    // A, B, then B, A: with A always first, whichever build went first
    // had a 5 ms shorter own start in each of two runs.
    for (const side of i % 2 ? [...sides].reverse() : sides) {
      const page = await side.context.newPage();
      await page.goto(side.server.base + 'scoren.html', { waitUntil: 'load' });
      await page.waitForFunction(() => performance.getEntriesByName('wegwijzer:ready').length > 0);
      // Marks an older build may not set are NaN: 'instantiated' (inline
      // builds) or 'compiled' (a module fetched and compiled as it streams).
      const m = await page.evaluate(() => Object.fromEntries(
        ['loader', 'instantiated', 'compiled', 'ready'].map((n) => [n, performance.getEntriesByName(`wegwijzer:${n}`)[0]?.startTime ?? NaN]),
      ));
      side.boot.push(m.ready - (Number.isNaN(m.instantiated) ? m.compiled : m.instantiated));
      side.own.push(m.ready - m.loader);
      side.ready.push(m.ready);
      await page.close();
    }
  }
  for (const s of sides) {
    console.log(`${s.root}: boot median ${median(s.boot).toFixed(1)} ms, own start median ${median(s.own).toFixed(1)} ms, interactive median ${median(s.ready).toFixed(1)} ms (${runs} loads, order alternated)`);
  }
} finally {
  await browser.close();
  for (const s of sides) await s.server.close();
}
