// The next measurement (step 7 of the manual's cycle) in a real browser,
// over http from a subfolder and over file://: "Nieuwe meting" keeps the
// scores so far as an earlier round, everyone scores again with notes and
// plan kept, and the rapport compares per domain, per perspective and in
// the chart; the backup carries every round.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { axeViolations, deleteAndRestore, distUrl, saveDownload, startTrajectIn, useBrowserAndServer, watch } from './helpers.mjs';

const env = useBrowserAndServer({ before, after });
let scratch;
before(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'wegwijzer-rounds-'));
});

async function score(page, scores) {
  for (const [d, v] of Object.entries(scores)) {
    await page.evaluate((d) => { location.hash = 'domein-' + d; }, d);
    await page.waitForSelector(`#domein-${d}:not([hidden])`);
    await page.check(`input[name="score-${d}"][value="${v}"]`);
  }
}

async function rapport(page, base) {
  await page.goto(base + 'rapport.html');
  await page.waitForSelector('body[data-scorer]');
}

for (const where of ['http', 'file']) {
  test(`a new measurement is compared with the earlier one (${where})`, async () => {
    const context = await env.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const base = where === 'http' ? env.server.base : distUrl;
    const problems = watch(page, (url) => url.startsWith(where === 'http' ? env.server.origin : 'file://'));
    await startTrajectIn(page, base, `Twee metingen ${where}`);
    await score(page, { 1: 7, 2: 6, 3: 3, 4: 7, 5: 8, 6: 5, 7: 6, 8: 4 });
    await page.fill('#aandacht-8', 'Korte lijnen met de GGD');
    await rapport(page, base);
    assert.ok(await page.isHidden('#vergelijk-blok'), 'nothing to compare with yet');
    assert.match(await page.textContent('#meting-regel'), /^Meting 1, gestart op \d+-\d+-\d{4}\.$/);
    await page.check('#focus-keuze-3');

    // Start the next round, after an in-page question; cancelling changes nothing.
    await page.click('[data-action="new-round"]');
    await page.waitForSelector('#dialoog-nieuwe-meting[open]');
    await page.click('#dialoog-nieuwe-meting button[value="cancel"]');
    assert.equal(await page.textContent('#tabel-score-3'), '3');
    await page.click('[data-action="new-round"]');
    await page.click('[data-action="new-round-confirmed"]');
    await page.waitForFunction(() => /Meting 2 is gestart/.test(document.getElementById('melding').textContent));
    assert.match(await page.textContent('#meting-regel'), /^Meting 2, gestart op /);
    assert.ok(await page.isVisible('#vergelijk-blok'));
    assert.equal(await page.textContent('#tabel-score-3'), 'nog niet gescoord');
    assert.equal(await page.textContent('#tabel-eerder-3'), '3');
    // The choice of domains and the notes stay.
    assert.ok(await page.isChecked('#focus-keuze-3'));
    assert.match(await page.textContent('#notities-8'), /Korte lijnen met de GGD/);

    // Score again: the change shows in the table and the chart.
    await page.goto(base + 'scoren.html#domein-1');
    await page.waitForSelector('body[data-scorer]');
    await score(page, { 3: 5, 8: 4 });
    assert.equal(await page.inputValue('#aandacht-8'), 'Korte lijnen met de GGD');
    await rapport(page, base);
    assert.equal(await page.getAttribute('#score-tabel', 'data-vergelijk'), 'ja');
    assert.ok(await page.isVisible('#kolom-eerder'));
    assert.equal(await page.textContent('#tabel-score-3'), '5');
    assert.equal(await page.textContent('#tabel-verandering-3'), '+2');
    assert.equal(await page.textContent('#tabel-verandering-8'), '0');
    assert.equal(await page.textContent('#tabel-verandering-1'), '–');
    // The earlier 3 sits at 200 on the 0–900 axis; the bar now ends at 400.
    assert.equal(await page.getAttribute('#grafiek-eerder-3', 'x1'), '200');
    assert.equal(await page.getAttribute('#grafiek-eerder-3', 'visibility'), 'visible');
    assert.equal(await page.getAttribute('#grafiek-balk-3', 'width'), '400');
    assert.equal(await page.getAttribute('#grafiek-eerder-1', 'visibility'), 'visible');
    // axe reads stylesheets with XHR, which file:// forbids.
    if (where === 'http') assert.deepEqual(await axeViolations(page), [], 'the comparison passes axe');
    await page.screenshot({ path: join(scratch, 'vergelijking.png'), fullPage: false });
    // No comparison: the columns and the marks go.
    await page.selectOption('#vergelijk-meting', 'geen');
    assert.equal(await page.getAttribute('#score-tabel', 'data-vergelijk'), 'nee');
    assert.ok(await page.isHidden('#kolom-eerder'));
    assert.equal(await page.getAttribute('#grafiek-eerder-3', 'visibility'), 'hidden');
    await page.selectOption('#vergelijk-meting', '0');
    assert.equal(await page.textContent('#tabel-verandering-3'), '+2');

    // The backup holds both rounds and restores them as they were.
    const { path } = await saveDownload(page, '[data-action="export-json"]', join(scratch, `${where}.json`));
    const saved = JSON.parse(await readFile(path, 'utf8'));
    assert.equal(saved.eerdere_metingen.length, 1);
    assert.equal(saved.eerdere_metingen[0].deelnemers[0].antwoorden.find((a) => a.domein === 3).score, 3);
    assert.ok(saved.eerdere_metingen[0].gestart < saved.meting_gestart);
    await deleteAndRestore(page, base, path);
    assert.equal(await page.textContent('#tabel-verandering-3'), '+2');
    const { path: path2 } = await saveDownload(page, '[data-action="export-json"]', join(scratch, `${where}-again.json`));
    assert.equal(await readFile(path2, 'utf8'), await readFile(path, 'utf8'), 'export, delete, import: identical');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('a new measurement with nothing scored yet is refused, with nothing changed', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await startTrajectIn(page, env.server.base, 'Nog leeg');
  await rapport(page, env.server.base);
  await page.click('[data-action="new-round"]');
  await page.click('[data-action="new-round-confirmed"]');
  await page.waitForFunction(() => /nog niets gescoord/.test(document.getElementById('melding').textContent));
  assert.match(await page.textContent('#meting-regel'), /^Meting 1,/);
  assert.ok(await page.isHidden('#vergelijk-blok'));
  await context.close();
});
