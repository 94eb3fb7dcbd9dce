// Lighthouse 12 (mobile preset, its default) on a content page, scoren.html
// and rapport.html, in one run, served from a subfolder by a plain static
// server (a script, not a test). The traject pages are measured as a team
// uses them: Chromium's profile holds a filled-in traject first.
//   node tests/bench-lighthouse.mjs LIGHTHOUSE_DIR [DIST, default dist/]
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { serveDist } from './helpers.mjs';

const lhDir = process.argv[2];
const { default: lighthouse } = await import(pathToFileURL(join(lhDir, 'node_modules/lighthouse/core/index.js')).href);
const server = await serveDist('/a/b/', ...(process.argv[3] ? [resolve(process.argv[3])] : []));
const port = 9300 + Math.floor(Math.random() * 500);
const profile = await mkdtemp(join(tmpdir(), 'wegwijzer-lh-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', `--remote-debugging-port=${port}`],
});
try {
  const page = await context.newPage();
  await page.goto(server.base + 'traject.html');
  await page.waitForSelector('body[data-scorer]');
  await page.evaluate(() => {
    const prefix = 'wegwijzer:' + location.pathname.replace(/[^/]*$/, '') + ':';
    const answers = [1, 2, 3, 4, 5, 6, 7, 8].map((d) => ({
      domein: d, score: [6, 4, 3, 8, 5, 7, 'weet-niet', 2][d - 1], wat_gaat_goed: `Sterk punt ${d}`, aandachtspunten: `Werkpunt ${d}`,
    }));
    localStorage.setItem(prefix + 'traject:t-lh', JSON.stringify({
      formaat: 'wegwijzer-traject', schema_version: 3, id: 't-lh', naam: 'Lighthouse-team',
      aangemaakt: '2026-12-01T10:00:00Z', gewijzigd: '2026-12-01T10:00:00Z',
      respondenten: [{ rol: 'Team', antwoorden: answers }], focus: [8, 2, 3], redenen: [],
    }));
    localStorage.setItem(prefix + 'actief', 't-lh');
  });
  await page.close();
  console.log(`lighthouse ${(await import(pathToFileURL(join(lhDir, 'node_modules/lighthouse/package.json')).href, { with: { type: 'json' } })).default.version}, mobile preset, ${new Date().toISOString().slice(0, 10)}`);
  console.log('page                          perf  a11y  best  seo   LCP      CLS    FCP      TBT');
  for (const path of ['domeinen/thuissituatie.html', 'index.html', 'scoren.html', 'rapport.html']) {
    const result = await lighthouse(server.base + path, {
      port, output: 'json', logLevel: 'error', disableStorageReset: true,
      onlyCategories: ['performance', 'accessibility', 'best-practices', 'seo'],
    });
    const lhr = result.lhr;
    const score = (c) => String(Math.round(lhr.categories[c].score * 100)).padStart(4);
    const lcp = lhr.audits['largest-contentful-paint'].numericValue / 1000;
    const cls = lhr.audits['cumulative-layout-shift'].numericValue;
    if (process.env.LH_DEBUG) {
      const lcpAudit = lhr.audits['largest-contentful-paint-element'];
      const el = lcpAudit?.details?.items?.[0]?.items?.[0]?.node?.snippet ?? `(${lcpAudit?.scoreDisplayMode}: ${lcpAudit?.errorMessage})`;
      const reqs = lhr.audits['network-requests'].details.items.map((r) => `${r.url.split('/').pop()} ${r.networkRequestTime?.toFixed(0)}-${r.networkEndTime?.toFixed(0)}`);
      console.log('  long tasks:', JSON.stringify(lhr.audits['long-tasks']?.details?.items?.map((t) => `${t.url.split('/').pop()} @${t.startTime?.toFixed(0)} ${t.duration.toFixed(0)} ms`)));
      console.log('  LCP element:', el, '\n  requests:', reqs.join(', '), '\n  FCP', lhr.audits['first-contentful-paint'].numericValue.toFixed(0));
    }
    console.log(`${path.padEnd(29)} ${score('performance')}  ${score('accessibility')}  ${score('best-practices')}  ${score('seo')}  ${lcp.toFixed(2).padStart(5)} s  ${cls.toFixed(3)}  ${(lhr.audits['first-contentful-paint'].numericValue / 1000).toFixed(2).padStart(5)} s  ${lhr.audits['total-blocking-time'].numericValue.toFixed(0).padStart(4)} ms`);
  }
} finally {
  await context.close();
  await server.close();
}
