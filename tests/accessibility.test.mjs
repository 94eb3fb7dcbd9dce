// axe-core on every page in dist/ (pages added later join automatically):
// zero violations at any impact level.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { htmlFiles, useBrowserAndServer, axeViolations } from './helpers.mjs';

const env = useBrowserAndServer({ before, after });

/** A filled-in traject in this site's storage, so app pages show real content. */
async function seedTraject(context) {
  const page = await context.newPage();
  await page.goto(env.server.base + 'traject.html');
  await page.waitForSelector('body[data-scorer]');
  await page.evaluate(() => {
    const prefix = 'wegwijzer:' + location.pathname.replace(/[^/]*$/, '') + ':';
    const answers = [1, 2, 3, 4, 5, 6, 7, 8].map((d) => ({
      domein: d, score: d === 7 ? 'weet-niet' : ((d * 3) % 10) + 1,
      wat_gaat_goed: `Goed ${d}`, aandachtspunten: `Aandacht ${d}`,
    }));
    const t = {
      formaat: 'wegwijzer-traject', schema_version: 2, id: 't-axe', naam: 'Axe-team',
      aangemaakt: '2026-11-23T10:00:00Z', gewijzigd: '2026-11-23T10:00:00Z',
      respondenten: [{ rol: 'Team', antwoorden: answers }], focus: [3, 8, 5],
    };
    localStorage.setItem(prefix + 'traject:t-axe', JSON.stringify(t));
    localStorage.setItem(prefix + 'actief', 't-axe');
  });
  await page.close();
}

test('axe finds no violations on any page, at desktop and phone width', async () => {
  const pages = await htmlFiles();
  assert.ok(pages.length >= 27);
  const problems = [];
  for (const viewport of [{ width: 1280, height: 900 }, { width: 320, height: 640 }]) {
    const context = await env.browser.newContext({ viewport });
    // With a traject in storage, the scoring page and the rapport are checked filled in.
    await seedTraject(context);
    const page = await context.newPage();
    for (const path of pages) {
      await page.goto(env.server.base + path);
      if (path === 'rapport.html') await page.waitForSelector('#focus-3');
      if (path === 'scoren.html') await page.waitForSelector('body[data-scorer]');
      if (path === 'plan.html') {
        // The plan with an action and an intervention's questions open.
        await page.waitForSelector('#plan-3:not([hidden])');
        if (!(await page.$('#actie-3-1'))) await page.click('#actie-erbij-3');
        await page.check('#plan-3 .plan-intervention input[type="checkbox"]');
        await page.check('#status-3-1-oppakken');
      }
      for (const v of await axeViolations(page)) problems.push(`${path} @${viewport.width}px: ${v}`);
    }
    await context.close();
  }
  assert.deepEqual(problems, []);
});
