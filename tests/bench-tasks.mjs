// The scorer's main-thread tasks as Lighthouse sees them (a script, not a
// test): a cold load of a traject page on a phone-sized screen, with the
// DevTools debugger on and Lighthouse 12's trace categories (a stack for
// every DOM change), which make the scorer's tasks several times longer
// than in a reader's browser. Prints, per build, the medians of: how many
// tasks of 1 ms or more ran from the scorer's start until the layout after
// its last step (layouts between included), the longest, their total, and
// the blocking time they would add with the CPU slowed 4× as Lighthouse's
// mobile preset simulates (each task × 4, less 50 ms). Builds are measured
// side by side, taking turns in each round, since this machine's speed
// drifts.
//   node tests/bench-tasks.mjs PAGE empty|filled RUNS DIST…
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { serveDist, launch, storeFilledTraject } from './helpers.mjs';

const [path, state, runsArg, ...distArgs] = process.argv.slice(2);
const dists = distArgs.map((d) => resolve(d));
if (!path || !['empty', 'filled'].includes(state) || !dists.length) {
  throw new Error('usage: node tests/bench-tasks.mjs PAGE empty|filled RUNS DIST…');
}
const runs = Number(runsArg);
// Lighthouse 12.2.3's default trace categories (core/gather/gatherers/trace.js).
const CATEGORIES = ['-*', 'disabled-by-default-lighthouse', 'loading', 'v8', 'v8.execute', 'blink.user_timing',
  'blink.console', 'devtools.timeline', 'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.stack', 'disabled-by-default-devtools.timeline.frame', 'latencyInfo',
  'disabled-by-default-devtools.timeline.invalidationTracking'];
const SCORER = /\/scorer-(coordinator|participant)-[0-9a-f]{16}\.js$/;

const scratch = await mkdtemp(join(tmpdir(), 'wegwijzer-tasks-'));
const browser = await launch();
const servers = [];
try {
  for (const dist of dists) servers.push(await serveDist('/a/b/', dist));
  const results = dists.map(() => []);
  for (let round = 0; round < runs; round++) {
    for (let k = 0; k < dists.length; k++) {
      // A new context each load: a renderer process that compiled the
      // module before would reuse its compiled functions.
      const context = await browser.newContext({
        serviceWorkers: 'block', viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true,
      });
      if (state === 'filled') await storeFilledTraject(context, servers[k].base);
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      // Storing loaded a page: its CSS must not be cached for this load.
      await cdp.send('Network.clearBrowserCache');
      await cdp.send('Debugger.enable');
      const file = join(scratch, 'trace.json');
      await browser.startTracing(page, { path: file, categories: CATEGORIES });
      await page.goto(servers[k].base + path);
      await page.waitForSelector('body[data-scorer="klaar"]');
      // Two frames more, so the layout after the last step is in the trace.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await browser.stopTracing();
      const events = JSON.parse(await readFile(file, 'utf8')).traceEvents;
      const nav = events.filter((e) => e.name === 'navigationStart' && e.args?.data?.documentLoaderURL?.endsWith(path)).pop();
      const main = events.find((e) => e.name === 'thread_name' && e.args.name === 'CrRendererMain' && e.pid === nav.pid);
      const onMain = events.filter((e) => e.pid === nav.pid && e.tid === main.tid && e.ph === 'X' && e.ts >= nav.ts);
      // From the loader's start to the last task that runs the scorer's
      // code (the fill may run as a microtask, which the trace does not
      // name: its 'ready' mark tells): every task between, layouts
      // included, as Lighthouse counts them.
      const mark = (name) => events.find((e) => e.name === `wegwijzer:${name}` && e.pid === nav.pid).ts;
      const start = mark('loader');
      const ready = mark('ready');
      const runsScorer = (task) => (task.ts <= ready && ready <= task.ts + task.dur) || onMain.some((e) => e.ts >= task.ts
        && e.ts < task.ts + task.dur && (e.name === 'FunctionCall' || e.name === 'EvaluateScript') && SCORER.test(e.args?.data?.url ?? ''));
      const tasks = onMain.filter((e) => e.name === 'RunTask' && e.ts + e.dur >= start);
      const last = tasks.filter(runsScorer).pop();
      // ... and the layout of what its last step showed.
      const laidOut = tasks.find((t) => t.ts > last.ts && onMain.some((e) => e.name === 'Layout' && e.ts >= t.ts && e.ts < t.ts + t.dur));
      const end = laidOut ?? last;
      const took = tasks.filter((e) => e.ts <= end.ts && e.dur >= 1000).map((e) => e.dur / 1000);
      results[k].push({
        tasks: took.length,
        longest: Math.max(...took),
        total: took.reduce((a, b) => a + b, 0),
        blocking: took.reduce((a, d) => a + Math.max(0, 4 * d - 50), 0),
      });
      await context.close();
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  console.log(`${path}, ${state === 'filled' ? 'a filled-in traject' : 'an empty profile'}, median of ${runs} cold loads under Lighthouse's instrumentation`);
  for (let k = 0; k < dists.length; k++) {
    const of = (key) => median(results[k].map((r) => r[key]));
    console.log(`  ${dists[k]}: ${of('tasks')} tasks from the scorer's start on, longest ${of('longest').toFixed(1)} ms, total ${of('total').toFixed(1)} ms, blocking at 4× ${of('blocking').toFixed(0)} ms`);
  }
} finally {
  await browser.close();
  for (const s of servers) await s.close();
  await rm(scratch, { recursive: true, force: true });
}
