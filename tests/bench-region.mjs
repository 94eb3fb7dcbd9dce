// The Regiobeeld at scale in headless Chromium (a script, not a test): 1,000
// school summaries of two rounds each, with every perspective, chosen at
// once on regiobeeld.html; from the input's change to the drawn picture
// (read, validated, merged, drawn, one frame painted). A domain page's load
// in the same run gives the scale. Median of N runs, each in a fresh
// browser context; the files are written to target/ on this disk.
//   node tests/bench-region.mjs [runs] [schools]
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveDist, launch, targetDir } from './helpers.mjs';

const runs = Number(process.argv[2] ?? 5);
const schools = Number(process.argv[3] ?? 1000);
const KINDS = ['vmbo', 'havo-vwo', 'brede-scholengemeenschap', 'praktijkonderwijs', 'vso', 'anders'];
const GROUPS = [['team', 6], ['leerlingen', 20], ['ouders', 8], ['anders', 5]];

/** A deterministic pseudo-random generator, so every run reads the same files. */
function random(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** The median in tenths of whole scores, as the school's rapport computes it. */
function medianTenths(scores) {
  const v = [...scores].sort((a, b) => a - b);
  const n = v.length;
  return n % 2 ? v[(n - 1) / 2] * 10 : (v[n / 2 - 1] + v[n / 2]) * 5;
}

/** One school's summary, every perspective above 5 participants, so every count is in. */
function summary(nr) {
  const rnd = random(nr + 1);
  const round = (month) => {
    const all = Array.from({ length: 8 }, () => []);
    const groups = GROUPS.map(([key, n]) => ({
      perspectief: key,
      deelnemers: n,
      scores: Array.from({ length: 8 }, (_, d) => {
        const aantallen = Array(10).fill(0);
        let weetNiet = 0;
        for (let p = 0; p < n; p++) {
          if (rnd() < 0.05) weetNiet++;
          else {
            const v = Math.min(10, Math.max(1, Math.round(3 + d * 0.5 + rnd() * 5)));
            aantallen[v - 1]++;
            all[d].push(v);
          }
        }
        return { domein: d + 1, aantallen, weet_niet: weetNiet };
      }),
    }));
    const total = GROUPS.reduce((a, [, n]) => a + n, 0);
    return {
      maand: month,
      domeinen: all.map((scores, d) => {
        const t = medianTenths(scores);
        return { domein: d + 1, score: t / 10, deelnemers: total };
      }),
      perspectieven: groups,
    };
  };
  return {
    formaat: 'wegwijzer-regio',
    schema_version: 1,
    school: `s-bench-${nr}`,
    naam: nr % 3 ? '' : `School ${nr}`,
    soort: KINDS[nr % KINDS.length],
    metingen: [round('2026-03'), round('2026-10')],
    keuze: {
      domeinen: [1 + (nr % 8), 1 + ((nr + 3) % 8)],
      aanbevelingen: [{ nummer: `${1 + (nr % 8)}.1`, status: 'oppakken' }],
      interventies: nr % 2 ? ['kanjertraining'] : [],
      acties: [{ domein: 1 + (nr % 8), aantal: 2 }],
    },
  };
}

const dir = join(targetDir, 'bench-region');
await rm(dir, { recursive: true, force: true });
await mkdir(dir, { recursive: true });
const files = [];
for (let i = 0; i < schools; i++) {
  const path = join(dir, `school-${i}.json`);
  await writeFile(path, JSON.stringify(summary(i), null, 2));
  files.push(path);
}

const server = await serveDist('/a/b/', process.env.BENCH_DIST || undefined);
const browser = await launch();
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const results = { region: [], domain: [], heap: [], progress: [] };
try {
  for (let r = 0; r < runs; r++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const started = performance.now();
    await page.goto(server.base + 'domeinen/thuissituatie.html', { waitUntil: 'load' });
    results.domain.push(performance.now() - started);
    await page.goto(server.base + 'regiobeeld.html');
    await page.waitForSelector('body[data-scorer]');
    // Timed in the page: from the input's change to the frame after the picture.
    await page.evaluate(() => {
      window.benchProgress = 0;
      window.benchDone = new Promise((ok) => {
        let from = 0;
        document.getElementById('regio-bestanden').addEventListener('change', () => { from = performance.now(); }, { capture: true });
        new MutationObserver(() => {
          const said = document.getElementById('regio-voortgang').textContent;
          if (said.startsWith('Bezig')) window.benchProgress++;
          if (!said.startsWith('Klaar')) return;
          requestAnimationFrame(() => setTimeout(() => ok(performance.now() - from), 0));
        }).observe(document.getElementById('regio-voortgang'), { childList: true, characterData: true, subtree: true });
      });
    });
    await page.setInputFiles('#regio-bestanden', files);
    results.region.push(await page.evaluate(() => window.benchDone));
    results.progress.push(await page.evaluate(() => window.benchProgress));
    const seen = await page.textContent('#regio-voortgang');
    if (!seen.includes(`${schools} scholen`)) throw new Error(`not every school was read: ${seen}`);
    const cdp = await context.newCDPSession(page);
    const heap = await cdp.send('Runtime.getHeapUsage');
    // The JS heap and the ArrayBuffers behind it, the module's memory included.
    results.heap.push((heap.usedSize + (heap.backingStorageSize ?? 0)) / 1e6);
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
const ms = (x) => `${x.toFixed(0)} ms`;
console.log(`Regiobeeld, ${schools} summaries of 2 rounds with every perspective, median of ${runs}, ${new Date().toISOString().slice(0, 10)}`);
console.log(`  read, validated, merged and drawn: ${ms(median(results.region))} (runs: ${results.region.map(ms).join(', ')})`);
console.log(`  a domain page's load, same run:    ${ms(median(results.domain))}`);
console.log(`  progress lines shown meanwhile:  ${results.progress.join(', ')} (the page answers between batches)`);
console.log(`  memory after (JS heap and buffers): ${median(results.heap).toFixed(1)} MB`);
