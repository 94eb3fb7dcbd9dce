// Lighthouse 12 (mobile preset, its default) on a domain page and the
// scorer's pages, served from a subfolder (a script, not a test), the
// median of 3 runs of each. Two hosts: one that compresses and revalidates
// (gzip, ETag) and a plain one; two states: an empty profile, and one that
// holds a filled-in traject (cache and worker emptied before each run, so
// every run is a cold load either way).
//   node tests/bench-lighthouse.mjs LIGHTHOUSE_DIR [DIST, default dist/] [runs]
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { serveDist, storeFilledTraject } from './helpers.mjs';

const lhDir = process.argv[2];
const root = process.argv[3] ? [resolve(process.argv[3])] : [];
const runs = Number(process.argv[4] ?? 3);
const { default: lighthouse } = await import(pathToFileURL(join(lhDir, 'node_modules/lighthouse/core/index.js')).href);
const version = (await import(pathToFileURL(join(lhDir, 'node_modules/lighthouse/package.json')).href, { with: { type: 'json' } })).default.version;
const ALL_PAGES = ['meedoen.html', 'scoren.html', 'rapport.html', 'plan.html'];
// LH_PAGES=scoren.html,plan.html: only those, beside the domain page.
const PAGES = ['domeinen/thuissituatie.html', ...(process.env.LH_PAGES?.split(',') ?? ALL_PAGES)];
// LH_DETAIL=1 also prints, per run, the element Lighthouse took as largest,
// the blocking time and the long tasks (start+ms and the script Lighthouse
// lays each to), and what shifted: what to look at when a figure is off.
const detail = process.env.LH_DETAIL === '1';
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Empties the HTTP cache, the worker and its cache, keeping localStorage. */
async function coldButFilled(context, origin) {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'service_workers,cache_storage' });
  await page.close();
}

console.log(`lighthouse ${version}, mobile preset, ${new Date().toISOString()}, median of ${runs} runs per page`);
// LH_HOSTS=plain or compress: only that host.
const hosts = [true, false].filter((c) => !process.env.LH_HOSTS || process.env.LH_HOSTS === (c ? 'compress' : 'plain'));
for (const compress of hosts) {
  const server = await serveDist('/a/b/', ...(root.length ? root : [undefined]), { compress });
  for (const filled of [false, true]) {
    const port = 9300 + Math.floor(Math.random() * 500);
    const profile = await mkdtemp(join(tmpdir(), 'wegwijzer-lh-'));
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
        '--disable-sync', '--no-first-run', `--remote-debugging-port=${port}`],
    });
    try {
      if (filled) await storeFilledTraject(context, server.base);
      console.log(`\n${compress ? 'host that compresses (gzip, ETag)' : 'plain server, no compression'}; ${filled ? 'a filled-in traject in storage' : 'an empty profile'}`);
      console.log('page                          perf  LCP      ×domain  CLS    a11y  best  seo');
      let domainLcp = null;
      for (const path of PAGES) {
        const results = [];
        for (let i = 0; i < runs; i++) {
          if (filled) await coldButFilled(context, server.origin);
          const { lhr } = await lighthouse(server.base + path, {
            port, output: 'json', logLevel: 'error', disableStorageReset: filled,
            onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
          });
          results.push(lhr);
          if (detail) {
            const items = (id) => lhr.audits[id]?.details?.items ?? [];
            const lcpEl = items('largest-contentful-paint-element')[0]?.items?.[0]?.node;
            const shifts = items('layout-shifts').map((s) => `${s.node?.selector ?? '?'} ${s.score?.toFixed(3)}`);
            console.log(`    run ${i + 1}: LCP ${Math.round(lhr.audits['largest-contentful-paint'].numericValue)} ms on ${lcpEl?.selector ?? '?'} "${(lcpEl?.nodeLabel ?? '').slice(0, 50)}"; TBT ${Math.round(lhr.audits['total-blocking-time'].numericValue)} ms; SI ${Math.round(lhr.audits['speed-index'].numericValue)} ms; long tasks (start+ms): ${items('long-tasks').map((t) => `${Math.round(t.startTime)}+${Math.round(t.duration)} ${String(t.url).split('/').pop().slice(0, 16)}`).join(' ') || 'none'}; shifts: ${shifts.join(', ') || 'none'}; failing a11y: ${lhr.categories.accessibility.auditRefs.filter((r) => r.weight > 0 && lhr.audits[r.id].score === 0).map((r) => r.id).join(', ') || 'none'}`);
          }
        }
        const of = (f) => median(results.map(f));
        const lcp = of((l) => l.audits['largest-contentful-paint'].numericValue) / 1000;
        if (domainLcp === null) domainLcp = lcp;
        const score = (c) => String(Math.round(of((l) => l.categories[c].score) * 100)).padStart(4);
        const cls = of((l) => l.audits['cumulative-layout-shift'].numericValue);
        console.log(`${path.padEnd(29)} ${score('performance')}  ${lcp.toFixed(2).padStart(5)} s  ${(lcp / domainLcp).toFixed(2).padStart(5)}×  ${cls.toFixed(3)}  ${score('accessibility')}  ${score('best-practices')}  ${score('seo')}`);
      }
    } finally {
      await context.close();
    }
  }
  await server.close();
}
