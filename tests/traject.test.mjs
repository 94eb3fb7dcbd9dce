// The traject flow in Chromium, over HTTP from a subfolder and from file://:
// start, score, reload, rapport, focus, export/import, malformed import,
// corrupt storage, hostile input, and a clean console throughout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { watch, distUrl, useBrowserAndServer } from './helpers.mjs';

const env = useBrowserAndServer({ before, after });
let scratch;

before(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'wegwijzer-'));
});

const SCORES = { 1: '7', 2: '3', 3: '5', 4: '9', 5: '2', 6: '8', 7: 'weet-niet', 8: '4' };
const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';

async function fresh(base) {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const problems = watch(page, (url) => url.startsWith(base));
  page.on('dialog', (d) => d.accept());
  return { context, page, problems };
}

async function startTraject(page, base, name) {
  await page.goto(base + 'traject.html');
  await page.waitForSelector('#app:not([hidden])');
  await page.fill('#nieuw-naam', name);
  await page.click('#nieuw-traject button[type="submit"]');
  await page.waitForURL(/scoren\.html#domein-1$/);
  // #app is shown once the scorer has filled in the page.
  await page.waitForSelector('#app:not([hidden])');
}

async function scoreAll(page) {
  for (let d = 1; d <= 8; d++) {
    await page.waitForSelector(`#domein-${d}:not([hidden])`);
    await page.check(`input[name="score-${d}"][value="${SCORES[d]}"]`);
    await page.fill(`#goed-${d}`, `Goed bij ${d}`);
    await page.fill(`#aandacht-${d}`, `Aandacht bij ${d}`);
    if (d < 8) await page.click(`#domein-${d} [data-action="next"]`);
  }
}

async function download(page, action) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(`[data-action="${action}"]`)]);
  const path = join(scratch, `${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(path);
  return { name: file.suggestedFilename(), text: await readFile(path, 'utf8'), path };
}

async function importFile(page, text, name = 'import.json') {
  const path = join(scratch, `${Date.now()}-${name}`);
  await writeFile(path, text);
  await page.setInputFiles('#import-bestand', path);
  await page.waitForFunction(() => document.getElementById('import-melding').textContent.length > 0);
  return page.textContent('#import-melding');
}

for (const mode of ['http', 'file']) {
  const baseOf = () => (mode === 'http' ? env.server.base : distUrl);

  test(`the whole traject flow works over ${mode}`, async () => {
    const base = baseOf();
    const { context, page, problems } = await fresh(base);

    // 1–2. New traject, all 8 scored with notes; progress and autosave show.
    await startTraject(page, base, 'Team onderbouw');
    await scoreAll(page);
    assert.equal(await page.textContent('#voortgang'), '8 van 8 gescoord');
    assert.equal(await page.textContent('#opslag-status'), 'Opgeslagen');

    // 3. Reload: everything is still there.
    await page.reload();
    await page.waitForSelector('#app:not([hidden])');
    for (let d = 1; d <= 8; d++) {
      assert.ok(await page.isChecked(`input[name="score-${d}"][value="${SCORES[d]}"]`), `score ${d}`);
      assert.equal(await page.inputValue(`#aandacht-${d}`), `Aandacht bij ${d}`);
    }

    // 4. The rapport: numbers, order and chart.
    await page.goto(base + 'rapport.html');
    await page.waitForSelector('#rapport-tabel table');
    const rows = await page.$$eval('#rapport-tabel tbody tr', (trs) =>
      trs.map((tr) => [...tr.children].map((c) => c.textContent)),
    );
    assert.deepEqual(rows[4], ['5. Relatie met klasgenoten', '2', '1']);
    assert.deepEqual(rows[6], ['7. Leervaardigheden, motivatie & toekomstperspectief', 'weet niet', '–']);
    assert.deepEqual(rows[3], ['4. Sensitief doceren', '9', '7']);
    assert.equal(await page.locator('#rapport-grafiek svg rect').count(), 7);
    assert.equal(await page.getAttribute('#rapport-grafiek svg', 'role'), 'img');
    assert.match(await page.textContent('#rapport-grafiek desc'), /Schoolklimaat: 3; Thuissituatie: 5/);
    assert.match(
      await page.textContent('#rapport-voorstel'),
      /Voorstel: begin met Relatie met klasgenoten, Schoolklimaat en Samenwerking/,
    );
    assert.match(await page.textContent('#rapport-notities'), /Aandacht bij 3/);

    // 5. Pick 3: their recommendations appear, in the order chosen.
    await page.click('[data-action="use-suggestion"]');
    await page.waitForSelector('#focus-5');
    assert.ok(await page.isChecked('#focus-keuze-2'));
    const shown = await page.$$eval('#rapport-aanbevelingen .focus-domain h3', (hs) => hs.map((h) => h.textContent));
    assert.deepEqual(shown, ['5. Relatie met klasgenoten', '2. Schoolklimaat', '8. Samenwerking']);
    const numbers = await page.$$eval('#rapport-aanbevelingen .recommendation__num', (s) => s.map((e) => e.textContent));
    assert.deepEqual(numbers, ['5.1', '5.2', '5.3', '2.1', '2.2', '2.3', '2.4', '8.1', '8.2', '8.3', '8.4']);
    assert.match(await page.textContent('#rapport-aanbevelingen'), /MAZL/);
    await page.uncheck('#focus-keuze-2');
    await page.check('#focus-keuze-3');
    const after = await page.$$eval('#rapport-aanbevelingen .focus-domain h3', (hs) => hs.map((h) => h.textContent));
    assert.deepEqual(after, ['5. Relatie met klasgenoten', '8. Samenwerking', '3. Thuissituatie']);
    assert.equal(await page.locator('.focus-choice li').count(), 8);

    // 6. Export, delete, import the export: identical.
    const exported = await download(page, 'export-json');
    assert.equal(exported.name, 'wegwijzer-team-onderbouw.json');
    const csv = await download(page, 'export-csv');
    assert.match(csv.text, /^\uFEFFdomein;titel;respondent;rol;score;wat gaat goed;aandachtspunten\r\n/);
    assert.match(csv.text, /\r\n5;Relatie met klasgenoten;1;Team;2;Goed bij 5;Aandacht bij 5\r\n/);
    await page.goto(base + 'traject.html');
    await page.waitForSelector('.traject-item');
    await page.click('.traject-item [data-action="delete"]');
    await page.waitForSelector('#traject-lijst .empty');
    assert.match(await importFile(page, exported.text), /Traject “Team onderbouw” is geïmporteerd\./);
    await page.click('.traject-item [data-action="open-rapport"]');
    await page.waitForSelector('#rapport-tabel table');
    const again = await download(page, 'export-json');
    assert.equal(again.text, exported.text);

    // An import of an existing traject asks first; declining keeps both.
    await page.goto(base + 'traject.html');
    await page.waitForSelector('.traject-item');
    page.removeAllListeners('dialog');
    page.once('dialog', (d) => d.dismiss());
    assert.match(await importFile(page, exported.text), /als kopie geïmporteerd; het bestaande traject is ongewijzigd/);
    page.on('dialog', (d) => d.accept());
    assert.equal(await page.locator('.traject-item').count(), 2);
    assert.match(await page.textContent('#traject-lijst'), /Team onderbouw \(kopie\)/);

    // 7. A malformed file: a clear error, and nothing lost.
    const before = await page.textContent('#traject-lijst');
    assert.equal(
      await importFile(page, exported.text.replace('"score": 2', '"score": 12')),
      'Importeren is niet gelukt. De score bij domein 5 (respondent 1) moet 1 tot en met 10 of “weet-niet” zijn, niet 12. Er is niets veranderd.',
    );
    assert.equal(
      await importFile(page, '{"formaat": "wegwijzer-traject", "schema_version": 2, "id": '),
      'Importeren is niet gelukt. Het bestand is geen geldig traject: de opmaak klopt niet (regel 1, kolom 61). Er is niets veranderd.',
    );
    assert.equal(await page.textContent('#traject-lijst'), before);

    await context.close();
    assert.deepEqual(problems, []);
  });

  test(`corrupt storage is kept as a backup over ${mode}`, async () => {
    const base = baseOf();
    const { context, page, problems } = await fresh(base);
    await startTraject(page, base, 'Wordt kapot');
    await page.check('input[name="score-1"][value="6"]');
    // 8. Break the stored entry by hand.
    const key = await page.evaluate(() => Object.keys(localStorage).find((k) => k.includes(':traject:')));
    assert.ok(key.startsWith('wegwijzer:'), key);
    await page.evaluate((k) => localStorage.setItem(k, '{"formaat": "wegwijzer-traject", kapot'), key);
    await page.goto(base + 'traject.html');
    await page.waitForSelector('#waarschuwing:not([hidden])');
    assert.match(await page.textContent('#waarschuwing'), /kon niet worden gelezen: Het bestand is geen geldig traject/);
    const backupKey = await page.evaluate(() => Object.keys(localStorage).find((k) => k.includes(':backup:')));
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), backupKey), '{"formaat": "wegwijzer-traject", kapot');
    const backup = await download(page, 'download-backup');
    assert.equal(backup.text, '{"formaat": "wegwijzer-traject", kapot');
    // Still there after another visit, until removed on purpose.
    await page.reload();
    await page.waitForSelector('[data-action="download-backup"]');
    await page.click('[data-action="remove-backup"]');
    await page.waitForSelector('#waarschuwing[hidden]', { state: 'attached' });
    await context.close();
    assert.deepEqual(problems, []);
  });

  test(`hostile input stays text over ${mode}`, async () => {
    const base = baseOf();
    const { context, page, problems } = await fresh(base);
    // 9. Payloads in the name, the notes and an import.
    await startTraject(page, base, XSS);
    await page.fill('#goed-1', XSS);
    await page.fill('#aandacht-1', '</textarea><script>window.__xss=3</script>');
    await page.goto(base + 'rapport.html');
    await page.waitForSelector('#rapport-notities dl');
    assert.match(await page.textContent('#rapport-notities'), /<img src=x onerror="window.__xss=1">/);
    assert.match(await page.textContent('#traject-naam'), /<script>window.__xss=2<\/script>/);
    await page.goto(base + 'traject.html');
    await page.waitForSelector('.traject-item');
    const hostile = JSON.stringify({
      formaat: 'wegwijzer-traject', schema_version: 2, id: 'kwaad-1', naam: '<svg onload="window.__xss=4">',
      aangemaakt: '2026-01-01T00:00:00Z', gewijzigd: '<b>2026</b>', focus: [],
      respondenten: [{ rol: '<iframe src="javascript:window.__xss=5">', antwoorden: [{ domein: 1, score: 3, wat_gaat_goed: '<script>window.__xss=6</script>', aandachtspunten: '' }] }],
    });
    assert.match(await importFile(page, hostile), /is geïmporteerd/);
    assert.match(await page.textContent('#traject-lijst'), /<svg onload="window.__xss=4">/);
    await page.click('.traject-item:has-text("svg onload") [data-action="open-rapport"]');
    await page.waitForSelector('#rapport-notities dl');
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    assert.equal(await page.locator('#rapport-notities script, #traject-lijst img, svg[onload]').count(), 0);
    await context.close();
    assert.deepEqual(problems, []);
  });
}

test('storage switched off: a warning, and the page keeps working in memory', async () => {
  const base = env.server.base;
  const { context, page, problems } = await fresh(base);
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new Error('storage disabled'); } });
  });
  await page.goto(base + 'traject.html');
  await page.waitForSelector('#waarschuwing:not([hidden])');
  assert.match(await page.textContent('#waarschuwing'), /laat de Wegwijzer niets bewaren/);
  await importFile(page, JSON.stringify({
    formaat: 'wegwijzer-traject', schema_version: 2, id: 'geheugen-1', naam: 'In het geheugen',
    aangemaakt: 'a', gewijzigd: 'b', focus: [], respondenten: [{ rol: 'Team', antwoorden: [] }],
  }));
  assert.match(await page.textContent('#traject-lijst'), /In het geheugen/);
  await context.close();
  assert.deepEqual(problems, []);
});

test('without JavaScript the traject pages say so and point to the content', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  for (const path of ['traject.html', 'scoren.html', 'rapport.html']) {
    await page.goto(env.server.base + path);
    assert.ok(await page.isVisible('.needs-js'), path);
    assert.match(await page.textContent('.needs-js'), /JavaScript en WebAssembly nodig/);
    assert.ok(await page.isHidden('#app'), path);
    assert.equal(await page.getAttribute('.needs-js a >> nth=0', 'href'), 'domeinen/index.html');
  }
  await context.close();
});

test('scoring page without a traject sends the team to start one', async () => {
  const { context, page, problems } = await fresh(env.server.base);
  await page.goto(env.server.base + 'scoren.html');
  await page.waitForSelector('#geen-traject:not([hidden])');
  assert.ok(await page.isHidden('#app'));
  await context.close();
  assert.deepEqual(problems, []);
});

test('clearing all data on this device removes every traject', async () => {
  const { context, page, problems } = await fresh(env.server.base);
  await startTraject(page, env.server.base, 'Gedeelde computer');
  await page.goto(env.server.base + 'traject.html');
  await page.waitForSelector('.traject-item');
  await page.click('[data-action="clear-all"]');
  await page.waitForSelector('#traject-lijst .empty');
  assert.equal(await page.textContent('#melding'), 'Alle gegevens van de Wegwijzer op dit apparaat zijn gewist.');
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), []);
  await context.close();
  assert.deepEqual(problems, []);
});
