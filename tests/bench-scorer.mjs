// Scorer timings in headless Chromium (a script, not a test): navigation →
// interactive for the scoring page and the rapport, median of N runs.
//   node tests/bench-scorer.mjs [runs]
import { serveDist, launch } from './helpers.mjs';

const runs = Number(process.argv[2] ?? 7);
const server = await serveDist('/a/b/');
const browser = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
try {
  const context = await browser.newContext();
  const setup = await context.newPage();
  await setup.goto(server.base + 'traject.html');
  await setup.waitForSelector('#app:not([hidden])');
  await setup.fill('#nieuw-naam', 'Bench');
  await setup.click('#nieuw-traject button[type="submit"]');
  await setup.waitForURL(/scoren/);
  await setup.close();
  for (const [path, ready] of [['scoren.html', '#app:not([hidden])'], ['rapport.html', '#voortgang:not(:empty)']]) {
    const times = [];
    for (let i = 0; i < runs; i++) {
      const page = await context.newPage();
      await page.goto(server.base + path);
      await page.waitForSelector(ready);
      // From navigation start to the moment the scorer has filled the page.
      times.push(await page.evaluate(() => performance.now()));
      await page.close();
    }
    console.log(`${path}: navigation → interactive median ${median(times).toFixed(0)} ms (${runs} runs: ${times.map((t) => t.toFixed(0)).join(', ')})`);
  }
} finally {
  await browser.close();
  await server.close();
}
