// The traject flow in Chromium, over HTTP from a subfolder and from file://:
// start, score, reload, rapport, choice with reasons, backup and restore with
// the in-page dialogs, malformed files, storage that is off, full, shared by
// two tabs or damaged, hostile names, and a clean console throughout.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { watch, openDevice, distUrl, dist, useBrowserAndServer, axeViolations, startTrajectIn, fillLocalStorage } from './helpers.mjs';

const env = useBrowserAndServer({ before, after });
let scratch;

before(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'wegwijzer-'));
});

const SCORES = { 1: '7', 2: '3', 3: '5', 4: '9', 5: '2', 6: '8', 7: 'weet-niet', 8: '4' };
const XSS = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';

const fresh = (base, options) => openDevice(env.browser, base, options);

async function noAxe(page, state, problems) {
  // axe reads stylesheets with XHR, which file:// forbids: it runs over http.
  if (page.url().startsWith('file:')) return;
  for (const v of await axeViolations(page)) problems.push(`axe (${state}): ${v}`);
}

async function scoreAll(page, scores = SCORES) {
  for (let d = 1; d <= 8; d++) {
    await page.waitForSelector(`#domein-${d}:not([hidden])`);
    await page.check(`input[name="score-${d}"][value="${scores[d]}"]`);
    await page.fill(`#goed-${d}`, `Goed bij ${d}`);
    await page.fill(`#aandacht-${d}`, `Aandacht bij ${d}`);
    if (d < 8) await page.click(`#domein-${d} [data-action="next"]`);
  }
}

async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const path = join(scratch, `${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(path);
  return { name: file.suggestedFilename(), text: await readFile(path, 'utf8'), path };
}

async function importFile(page, text, name = 'import.json') {
  const path = join(scratch, `${Date.now()}-${Math.random()}-${name}`);
  await writeFile(path, text);
  await page.evaluate(() => { document.getElementById('import-melding').textContent = ''; });
  await page.setInputFiles('#import-bestand', path);
  return path;
}

async function importMessage(page, text) {
  await importFile(page, text);
  await page.waitForFunction(() => document.getElementById('import-melding').textContent.length > 0);
  return page.textContent('#import-melding');
}

async function rapportReady(page) {
  await page.waitForSelector('body[data-scorer]');
}

/** Puts a traject straight into this site's storage and makes it active. */
async function seed(page, base, traject) {
  await page.goto(base + 'traject.html');
  // Write only once the page's own scorer has booted, or it may boot on
  // what the test writes (and set a damaged traject aside).
  await page.waitForSelector('body[data-scorer]');
  await page.evaluate((t) => {
    const prefix = 'wegwijzer:' + location.pathname.replace(/[^/]*$/, '') + ':';
    localStorage.setItem(prefix + 'traject:' + t.id, JSON.stringify(t));
    localStorage.setItem(prefix + 'actief', t.id);
  }, traject);
}

function traject(id, scores, focus = []) {
  return {
    formaat: 'wegwijzer-traject', schema_version: 3, id, naam: `Team ${id}`,
    aangemaakt: '2026-11-23T10:00:00.000Z', gewijzigd: '2026-11-23T10:00:00.000Z',
    respondenten: [{
      rol: 'Team',
      antwoorden: Object.entries(scores).map(([d, s]) => ({ domein: Number(d), score: s, wat_gaat_goed: '', aandachtspunten: '' })),
    }],
    focus, redenen: [],
  };
}

for (const mode of ['http', 'file']) {
  const baseOf = () => (mode === 'http' ? env.server.base : distUrl);

  test(`the whole traject flow works over ${mode}`, async () => {
    const base = baseOf();
    const { context, page, problems } = await fresh(base);

    // 0. A name of only invisible characters is empty: an inline error, tied to the field.
    await page.goto(base + 'traject.html');
    await page.waitForSelector('body[data-scorer]');
    assert.ok(await page.isHidden('#verder'), 'no "go on" without a traject');
    assert.ok(await page.isVisible('#geen-trajecten'));
    assert.match(await page.textContent('#geen-trajecten'), /op een ander adres van deze site of in een andere browser/);
    await page.fill('#nieuw-naam', '\u200b\u200b \u2060');
    await page.click('#nieuw-traject button[type="submit"]');
    await page.waitForSelector('#naam-fout:not([hidden])');
    assert.equal(await page.getAttribute('#nieuw-naam', 'aria-invalid'), 'true');
    assert.match(await page.getAttribute('#nieuw-naam', 'aria-describedby'), /naam-fout/);
    assert.match(page.url(), /traject\.html$/);
    await noAxe(page, 'name error', problems);

    // 1–2. New traject, all 8 scored with notes; the status bar says where and when.
    await startTrajectIn(page, base, 'Team onderbouw');
    await scoreAll(page);
    assert.equal(await page.textContent('#voortgang'), '8 van 8 gescoord');
    assert.equal(await page.textContent('#domein-positie'), 'Domein 8 van 8');
    assert.match(await page.textContent('#opslag-status'), /^opgeslagen om \d{2}:\d{2}$/);
    assert.equal(await page.textContent('#stap-3-status'), ', gescoord');
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('.status-bar')).position), 'sticky');
    await noAxe(page, 'scoring', problems);

    // 3. Reload: everything is still there.
    await page.reload();
    await page.waitForSelector('body[data-scorer]');
    for (let d = 1; d <= 8; d++) {
      assert.ok(await page.isChecked(`input[name="score-${d}"][value="${SCORES[d]}"]`), `score ${d}`);
      assert.equal(await page.inputValue(`#aandacht-${d}`), `Aandacht bij ${d}`);
    }

    // 4. The rapport: numbers, places and the chart.
    await page.goto(base + 'rapport.html');
    await rapportReady(page);
    // With one participant the spread columns are not shown.
    const rows = await page.$$eval('.score-table tbody tr', (trs) =>
      trs.map((tr) => [...tr.children].filter((c) => getComputedStyle(c).display !== 'none').map((c) => c.textContent)),
    );
    assert.deepEqual(rows[4], ['5. Relatie met klasgenoten', '2', '1', '']);
    assert.deepEqual(rows[6], ['7. Leervaardigheden, motivatie & toekomstperspectief', 'weet niet', '–', '']);
    assert.deepEqual(rows[3], ['4. Sensitief doceren', '9', '7', '']);
    assert.equal(await page.getAttribute('#grafiek-balk-5', 'width'), '100', 'a 2 is one point from 1');
    assert.equal(await page.getAttribute('#grafiek-balk-4', 'width'), '800');
    assert.equal(await page.textContent('#grafiek-waarde-7'), 'weet niet');
    assert.equal(await page.getAttribute('#grafiek-balk-7', 'width'), '0');
    assert.match(
      await page.textContent('#rapport-voorstel'),
      /^Suggestie: begin met Relatie met klasgenoten, Schoolklimaat en Samenwerking/,
    );
    assert.match(await page.textContent('#notities-3'), /Aandacht bij 3/);
    assert.ok(await page.isVisible('#keuze-leeg'));
    await noAxe(page, 'rapport, nothing chosen', problems);

    // 5. Take the suggestion: the choice, its reasons and recommendations, in order.
    await page.click('[data-action="use-suggestion"]');
    await page.waitForSelector('#focus-5:not([hidden])');
    assert.ok(await page.isChecked('#focus-keuze-2'));
    const visible = (sel) => page.$$eval(sel, (els) => els.filter((e) => !e.hidden).map((e) => e.querySelector('h3').textContent));
    assert.deepEqual(await visible('#keuze-lijst > li'), ['5. Relatie met klasgenoten', '2. Schoolklimaat', '8. Samenwerking']);
    assert.deepEqual(await visible('#rapport-aanbevelingen > section'), ['5. Relatie met klasgenoten', '2. Schoolklimaat', '8. Samenwerking']);
    const numbers = await page.$$eval('#rapport-aanbevelingen > section:not([hidden]) .recommendation__num', (s) => s.map((e) => e.textContent));
    assert.deepEqual(numbers, ['5.1', '5.2', '5.3', '2.1', '2.2', '2.3', '2.4', '8.1', '8.2', '8.3', '8.4']);
    assert.equal(await page.textContent('#rapport-voorstel'), '', 'no suggestion beside a choice');
    assert.ok(await page.isHidden('#neem-suggestie'));
    assert.equal(await page.textContent('#tabel-keuze-5'), 'gekozen');
    assert.equal(await page.getAttribute('#grafiek-5', 'data-chosen'), '');
    await page.fill('#reden-5', 'Veel gedoe in de klas');
    await page.uncheck('#focus-keuze-2');
    await page.check('#focus-keuze-3');
    assert.deepEqual(await visible('#keuze-lijst > li'), ['5. Relatie met klasgenoten', '8. Samenwerking', '3. Thuissituatie']);
    await page.reload();
    await rapportReady(page);
    assert.equal(await page.inputValue('#reden-5'), 'Veel gedoe in de klas');
    assert.deepEqual(await visible('#rapport-aanbevelingen > section'), ['5. Relatie met klasgenoten', '8. Samenwerking', '3. Thuissituatie']);
    assert.equal(await page.locator('.focus-choice li').count(), 8);
    await noAxe(page, 'rapport, three chosen', problems);

    // 6. A backup, delete in the dialog, restore: identical.
    const exported = await download(page, '[data-action="export-json"]');
    assert.match(exported.name, /^wegwijzer-team-onderbouw-\d{4}-\d{2}-\d{2}\.json$/);
    assert.match(exported.text, /"schema_version": 6/);
    assert.match(exported.text, /"reden": "Veel gedoe in de klas"/);
    const csv = await download(page, '[data-action="export-csv"]');
    assert.match(csv.name, /^wegwijzer-team-onderbouw-\d{4}-\d{2}-\d{2}\.csv$/);
    assert.match(csv.text, /^\uFEFFdomein;titel;deelnemer;naam;perspectief;score;wat gaat goed;aandachtspunten\r\n/);
    assert.match(csv.text, /\r\n5;Relatie met klasgenoten;1;Kernteam;team;2;Goed bij 5;Aandacht bij 5\r\n/);
    await page.goto(base + 'traject.html');
    await page.waitForSelector('.traject-item');
    assert.ok(await page.isVisible('#verder'));
    assert.equal(await page.textContent('#verder-naam'), 'Team onderbouw');
    await page.click('.traject-item [data-action="delete"]');
    await page.waitForSelector('#dialoog-verwijderen[open]');
    assert.match(await page.textContent('#dialoog-verwijderen'), /Team onderbouw/);
    await noAxe(page, 'delete dialog', problems);
    await page.click('#dialoog-verwijderen button:has-text("Annuleren")');
    assert.equal(await page.locator('.traject-item').count(), 1, 'Annuleren keeps it');
    await page.click('.traject-item [data-action="delete"]');
    await page.click('#dialoog-verwijderen [data-action="delete-confirmed"]');
    await page.waitForSelector('#geen-trajecten:not([hidden])');
    assert.equal(await page.textContent('#melding'), 'Traject “\u2068Team onderbouw\u2069” is verwijderd.');
    assert.match(await importMessage(page, exported.text), /^Traject “\u2068Team onderbouw\u2069” is teruggezet\.$/);
    await page.click('.traject-item [data-action="open-rapport"]');
    await rapportReady(page);
    const again = await download(page, '[data-action="export-json"]');
    assert.equal(again.text, exported.text);

    // 7. The same traject once more: the dialog's three choices each do what they say.
    await page.goto(base + 'traject.html');
    await page.waitForSelector('.traject-item');
    const same = await importFile(page, exported.text);
    await page.waitForSelector('#dialoog-import[open]');
    assert.match(await page.textContent('#dialoog-import'), /Team onderbouw/);
    await noAxe(page, 'import dialog', problems);
    await page.click('#dialoog-import [data-action="import-cancel"]');
    assert.equal(await page.textContent('#import-melding'), 'Terugzetten geannuleerd. Er is niets veranderd.');
    // The same message twice is said twice: the live region is written anew.
    await page.setInputFiles('#import-bestand', same);
    await page.waitForSelector('#dialoog-import[open]');
    await page.evaluate(() => {
      window.__said = 0;
      new MutationObserver((r) => { window.__said += r.length; }).observe(document.getElementById('import-melding'), { childList: true });
    });
    await page.click('#dialoog-import [data-action="import-cancel"]');
    assert.ok(await page.evaluate(() => window.__said) > 0, 'the message written again');
    assert.equal(await page.textContent('#import-melding'), 'Terugzetten geannuleerd. Er is niets veranderd.');
    assert.equal(await page.locator('.traject-item').count(), 1);
    await importFile(page, exported.text);
    await page.click('#dialoog-import [data-action="import-copy"]');
    await page.waitForSelector('.traject-item >> nth=1');
    assert.match(await page.textContent('#import-melding'), /als kopie bewaard; het bestaande traject is ongewijzigd/);
    assert.match(await page.textContent('#traject-lijst'), /Team onderbouw \(kopie\)/);
    await importFile(page, exported.text.replace('"naam": "Team onderbouw"', '"naam": "Team vervangen"'));
    await page.click('#dialoog-import [data-action="import-replace"]');
    await page.waitForFunction(() => document.getElementById('import-melding').textContent.includes('vervangen'));
    const names = await page.$$eval('.traject-item__name', (hs) => hs.map((h) => h.textContent).sort());
    assert.deepEqual(names, ['Team onderbouw (kopie)', 'Team vervangen']);

    // 8. Malformed files: a plain Dutch message, and nothing lost.
    const before = await page.textContent('#traject-lijst');
    assert.equal(
      await importMessage(page, exported.text.replace('"score": 2', '"score": 12')),
      'Terugzetten is niet gelukt. De score bij domein 5 (deelnemer 1) moet 1 tot en met 10 of “weet-niet” zijn, niet 12. Er is niets veranderd.',
    );
    assert.equal(
      await importMessage(page, exported.text.slice(0, 80)),
      'Terugzetten is niet gelukt. Dit is geen Wegwijzer-bestand, of het is beschadigd of niet helemaal gekopieerd: de inhoud is niet te lezen. Er is niets veranderd.',
    );
    assert.equal(
      await importMessage(page, exported.text.replace(
        '"acties": []', '"acties": [{"domein": 12, "wat": "<img src=x onerror=alert(1)>", "wie": "", "wanneer": "", "evaluatie": ""}]')),
      'Terugzetten is niet gelukt. Domein 12 bestaat niet in deze Wegwijzer. Er is niets veranderd.',
    );
    assert.equal(
      await importMessage(page, exported.text.replace('"aanbevelingen": []', '"aanbevelingen": [{"nummer": "3.1", "status": "misschien", "notitie": ""}]')),
      'Terugzetten is niet gelukt. Aanbeveling 3.1 heeft een onbekende status; die moet “oppakken”, “later” of “niet” zijn, of leeg. Er is niets veranderd.',
    );
    assert.equal(
      await importMessage(page, '{"naam": "boodschappenlijst"}'),
      'Terugzetten is niet gelukt. Dit is geen Wegwijzer-bestand. Er is niets veranderd.',
    );
    assert.equal(await page.textContent('#traject-lijst'), before);

    // 9. Rename in place; an empty name is refused at the field.
    await page.click('.traject-item:has-text("Team vervangen") [data-action="rename"]');
    const field = page.locator('.rename-form input');
    assert.equal(await field.evaluate((el) => el === document.activeElement), true);
    await noAxe(page, 'rename in place', problems);
    await field.fill('\u200b');
    await page.click('.rename-form button[type="submit"]');
    await page.waitForSelector('.rename-form .field-error:not([hidden])');
    assert.equal(await field.getAttribute('aria-invalid'), 'true');
    await field.fill('Team bovenbouw');
    await field.press('Enter');
    await page.waitForSelector('.traject-item__name >> text=Team bovenbouw');
    assert.equal(await page.textContent('#melding'), 'De naam is gewijzigd in “\u2068Team bovenbouw\u2069”.');

    // 10. Wipe this device, after the dialog.
    await page.click('[data-action="clear-all"]');
    await page.waitForSelector('#dialoog-wissen[open]');
    await page.click('#dialoog-wissen [data-action="clear-confirmed"]');
    await page.waitForSelector('#geen-trajecten:not([hidden])');
    assert.equal(await page.textContent('#melding'), 'Alle gegevens van de Wegwijzer op dit apparaat zijn gewist.');
    assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('wegwijzer:'))), []);

    await context.close();
    assert.deepEqual(problems, []);
  });

  test(`with 1 of 8 scored there is no suggestion, only how far the team is, over ${mode}`, async () => {
    const base = baseOf();
    const { context, page, problems } = await fresh(base);
    await seed(page, base, traject(`een-${mode}`, { 1: 4 }));
    await page.goto(base + 'rapport.html');
    await rapportReady(page);
    const advice = await page.textContent('#rapport-voorstel');
    assert.match(advice, /^1 van de 8 domeinen heeft een score\. Nog 7 domeinen zijn niet gescoord\./);
    assert.doesNotMatch(advice, /Suggestie/);
    assert.ok(await page.isHidden('#neem-suggestie'));
    await noAxe(page, 'rapport, 1 scored', problems);
    await page.click('#rapport-voorstel a');
    await page.waitForSelector('#domein-2:not([hidden])');
    assert.match(page.url(), /scoren\.html#domein-2$/);
    await context.close();
    assert.deepEqual(problems, []);
  });

  test(`a damaged active traject is named, kept and offered for download over ${mode}`, async () => {
    const base = baseOf();
    const { context, page, problems } = await fresh(base);
    const broken = '{"formaat": "wegwijzer-traject", "schema_version": 3, "naam": "Half';
    await page.goto(base + 'traject.html');
    await page.waitForSelector('body[data-scorer]');
    const key = await page.evaluate((raw) => {
      const prefix = 'wegwijzer:' + location.pathname.replace(/[^/]*$/, '') + ':';
      localStorage.setItem(prefix + 'traject:t-kapot', raw);
      localStorage.setItem(prefix + 'actief', 't-kapot');
      return prefix + 'traject:t-kapot';
    }, broken);
    for (const path of ['scoren.html', 'rapport.html', 'plan.html']) {
      await page.goto(base + path);
      await page.waitForSelector('#traject-kapot:not([hidden])');
      assert.match(await page.textContent('#traject-kapot'), /kon niet worden gelezen\. Dit is geen Wegwijzer-bestand, of het is beschadigd/);
      assert.ok(await page.isHidden('#geen-traject'), `${path} does not claim there is no traject`);
      assert.ok(await page.isHidden('#app'));
      await noAxe(page, `damaged on ${path}`, problems);
      assert.equal(await page.evaluate((k) => localStorage.getItem(k), key), broken, 'untouched');
    }
    const file = await download(page, '[data-action="download-active"]');
    assert.equal(file.text, broken);
    assert.equal(await page.getAttribute('#traject-kapot a', 'href'), 'traject.html');
    await page.evaluate((k) => localStorage.removeItem(k), key);
    await context.close();
    assert.deepEqual(problems, []);
  });

  test(`names with direction overrides stay isolated over ${mode}`, async () => {
    const base = baseOf();
    const { context, page, problems } = await fresh(base);
    await startTrajectIn(page, base, '\u202Eredro');
    // The name sits in a <bdi>, so the date after it is not reordered.
    assert.equal(await page.evaluate(() => document.getElementById('traject-naam').tagName), 'BDI');
    assert.equal(await page.textContent('#traject-naam'), 'redro', 'a leading override is trimmed');
    await page.goto(base + 'traject.html');
    await page.waitForSelector('.traject-item');
    await page.fill('#nieuw-naam', 'a\u202Eb');
    await page.click('#nieuw-traject button[type="submit"]');
    await page.waitForURL(/scoren\.html/);
    await page.goto(base + 'traject.html');
    await page.waitForSelector('.traject-item >> nth=1');
    const isolated = await page.$$eval('.traject-item__name', (hs) => hs.map((h) => h.firstElementChild?.tagName));
    assert.deepEqual(isolated, ['BDI', 'BDI']);
    // Every visually hidden name on the buttons is isolated too.
    assert.equal(await page.locator('.traject-item button .visually-hidden bdi').count(), 10);
    const metaText = await page.$$eval('.traject-item .meta', (ps) => ps.map((p) => p.textContent));
    for (const m of metaText) assert.match(m, /^Laatst gewijzigd: \d+-\d+-\d{4} · \d van 8 gescoord$/);
    await context.close();
    assert.deepEqual(problems, []);
  });
}

for (const mode of ['http', 'file']) {
  test(`chart labels wrap and are never clipped, at desktop and phone width, over ${mode}`, async () => {
    const base = mode === 'http' ? env.server.base : distUrl;
    for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
      const { context, page, problems } = await fresh(base, { viewport });
      await seed(page, base, traject('grafiek', { 1: 10, 2: 1, 3: 5, 4: 'weet-niet', 5: 6, 6: 7, 7: 3, 8: 8 }, [7]));
      await page.goto(base + 'rapport.html');
      await rapportReady(page);
      const report = await page.evaluate(() => {
        const chart = document.querySelector('.chart').getBoundingClientRect();
        const out = [];
        for (const el of document.querySelectorAll('.chart__label, .chart__value, .tick')) {
          const r = el.getBoundingClientRect();
          const size = parseFloat(getComputedStyle(el).fontSize);
          out.push({
            text: el.textContent, size,
            inside: r.left >= chart.left - 0.5 && r.right <= chart.right + 0.5 && r.width > 0,
            clipped: el.scrollWidth > el.clientWidth + 1,
          });
        }
        return out;
      });
      assert.equal(report.filter((r) => r.text.includes('. ')).length, 8);
      for (const r of report) {
        assert.ok(r.inside, `${viewport.width}px: “${r.text}” lies outside the chart`);
        assert.ok(!r.clipped, `${viewport.width}px: “${r.text}” is clipped`);
        assert.ok(r.size >= 12, `${viewport.width}px: “${r.text}” is ${r.size}px`);
      }
      // The long domain 7 title is shown whole, with the chosen mark in words.
      assert.match(await page.textContent('#grafiek-7 .chart__label'), /7\. Leervaardigheden, motivatie & toekomstperspectief · ★ gekozen/);
      assert.equal(await page.textContent('#grafiek-4 .chart__value'), 'weet niet');
      assert.equal(await page.getAttribute('#grafiek-balk-2', 'width'), '8', 'a 1 still shows a sliver');
      await context.close();
      assert.deepEqual(problems, []);
    }
  });
}

for (const mode of ['http', 'file']) {
  test(`at 390 px no traject page scrolls sideways, and the scale is within a screen, over ${mode}`, async () => {
    const base = mode === 'http' ? env.server.base : distUrl;
    const { context, page, problems } = await fresh(base, { viewport: { width: 390, height: 844 } });
    await seed(page, base, traject('smal', { 1: 3, 2: 4, 3: 5, 4: 6, 5: 7, 6: 8 }, [1, 3]));
    for (const path of ['traject.html', 'scoren.html', 'rapport.html', 'plan.html']) {
      await page.goto(base + path);
      await page.waitForSelector('body[data-scorer]');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 390, `${path} is ${width}px wide`);
    }
    await page.goto(base + 'scoren.html#domein-7');
    await page.waitForSelector('#domein-7:not([hidden])');
    // The extremes fold on a phone; the scale follows them directly.
    assert.equal(await page.evaluate(() => document.querySelector('#domein-7 details.extreme').open), false);
    const gap = await page.evaluate(() => {
      const h = document.getElementById('domein-7-kop').getBoundingClientRect().top;
      const s = document.querySelector('#domein-7 .scale-options').getBoundingClientRect().bottom;
      return s - h;
    });
    assert.ok(gap <= 844, `the scale ends ${gap}px below the heading`);
    // Open, both extremes come first and the scale spans the width under them.
    await page.click('#domein-7 details.extreme--low summary');
    const layout = await page.evaluate(() => {
      const ex = document.querySelector('#domein-7 .extremes').getBoundingClientRect();
      const sc = document.querySelector('#domein-7 .scale-options').getBoundingClientRect();
      return { below: sc.top >= ex.bottom, full: sc.width >= ex.width - 40 };
    });
    assert.deepEqual(layout, { below: true, full: true });
    await context.close();
    assert.deepEqual(problems, []);
  });
}

test('no native prompt() or confirm() remains in the built assets', async () => {
  const files = (await readdir(join(dist, 'assets'))).filter((f) => f.endsWith('.js'));
  for (const f of files) {
    const text = await readFile(join(dist, 'assets', f), 'utf8');
    assert.doesNotMatch(text, /\b(prompt|confirm)\(/, f);
    assert.doesNotMatch(text, /prompt_with_message|confirm_with_message/, f);
  }
  // The scorer's glue is among them, once per build.
  assert.equal(files.filter((f) => /^scorer-(participant|coordinator)-[0-9a-f]{16}\.js$/.test(f)).length, 2);
  for (const page of ['traject.html', 'scoren.html', 'meedoen.html', 'rapport.html', 'plan.html']) {
    const text = await readFile(join(dist, page), 'utf8');
    assert.doesNotMatch(text, /\b(prompt|confirm)\(/, page);
    assert.doesNotMatch(text, /prompt_with_message|confirm_with_message/, page);
  }
});

for (const mode of ['http', 'file']) {
  test(`storage switched off: the traject lives across the three pages for this visit, over ${mode}`, async () => {
    const base = mode === 'http' ? env.server.base : distUrl;
    const { context, page, problems } = await fresh(base);
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', { get() { throw new Error('storage disabled'); } });
    });
    await startTrajectIn(page, base, 'Zonder opslag');
    assert.ok(await page.isVisible('#opslag-tabblad'));
    assert.match(await page.textContent('#opslag-tabblad'), /zolang dit tabblad open is, maar niet nadat je de browser sluit/);
    await page.check('input[name="score-1"][value="6"]');
    await page.fill('#goed-1', 'Blijft bewaard');
    await page.goto(base + 'rapport.html');
    await rapportReady(page);
    assert.equal(await page.textContent('#tabel-score-1'), '6');
    assert.match(await page.textContent('#notities-1'), /Blijft bewaard/);
    await page.check('#focus-keuze-1');
    await noAxe(page, 'storage off', problems);
    const backup = await download(page, '[data-action="export-json"]');
    assert.match(backup.text, /"naam": "Zonder opslag"/);
    await page.goto(base + 'traject.html');
    await page.waitForSelector('.traject-item');
    assert.match(await page.textContent('#traject-lijst'), /Zonder opslag/);
    // The export says the choice came along too.
    assert.match(backup.text, /"focus": \[\s*1\s*\]/);
    await context.close();
    assert.deepEqual(problems, []);
  });
}

for (const mode of ['http', 'file']) {
  test(`storage off entirely: the page says its work goes with it, over ${mode}`, async () => {
    const base = mode === 'http' ? env.server.base : distUrl;
    const { context, page, problems } = await fresh(base);
    await page.addInitScript(() => {
      for (const name of ['localStorage', 'sessionStorage']) {
        Object.defineProperty(window, name, { get() { throw new Error('storage disabled'); } });
      }
    });
    await page.goto(base + 'traject.html');
    await page.waitForSelector('#opslag-geen:not([hidden])');
    assert.match(await page.textContent('#opslag-geen'), /Sluit je het tabblad, ga je naar een andere website of typ je zelf een adres in, dan is het weg/);
    await importFile(page, JSON.stringify(traject('geheugen-1', { 1: 5 })));
    await page.waitForSelector('.traject-item');
    assert.match(await page.textContent('#traject-lijst'), /Team geheugen-1/);
    await context.close();
    assert.deepEqual(problems, []);
  });
}

for (const mode of ['http', 'file']) {
  test(`storage full: saved trajecten stay listed, and nothing is lost once space is freed, over ${mode}`, async () => {
    const base = mode === 'http' ? env.server.base : distUrl;
    const { context, page, problems } = await fresh(base);
    await startTrajectIn(page, base, 'Volle opslag');
    await page.check('input[name="score-1"][value="4"]');
    await page.click('#stap-2');
    await page.check('input[name="score-2"][value="5"]');
    // Fill this origin's storage to the brim with someone else's data.
    const fillers = await fillLocalStorage(page);
    assert.ok(fillers > 0);
    await page.goto(base + 'traject.html');
    await page.waitForSelector('.traject-item');
    assert.match(await page.textContent('#traject-lijst'), /Volle opslag/);
    assert.ok(await page.isVisible('#opslag-vol'));
    await noAxe(page, 'storage full', problems);
    const backup = await download(page, '.traject-item [data-action="export-json"]');
    assert.match(backup.text, /"score": 5/);
    // A change now cannot be saved, and the page says so.
    await page.click('.traject-item [data-action="open"]');
    await page.waitForSelector('body[data-scorer]');
    await page.click('#stap-3');
    await page.check('input[name="score-3"][value="6"]');
    assert.equal(await page.textContent('#opslag-status'), 'niet opgeslagen: bewaar een reservekopie');
    assert.ok(await page.isVisible('#opslag-vol'));
    // Space freed: the next change saves everything, the unsaved one included.
    await page.evaluate((n) => { for (let i = 0; i < n; i++) localStorage.removeItem(`vuller-${i}`); }, fillers);
    await page.click('#stap-4');
    await page.check('input[name="score-4"][value="7"]');
    assert.match(await page.textContent('#opslag-status'), /^opgeslagen om/);
    await page.reload();
    await page.waitForSelector('body[data-scorer]');
    for (const [d, v] of [[1, 4], [2, 5], [3, 6], [4, 7]]) {
      assert.ok(await page.isChecked(`input[name="score-${d}"][value="${v}"]`), `domain ${d}`);
    }
    await context.close();
    assert.deepEqual(problems, []);
  });
}

for (const mode of ['http', 'file']) {
  test(`two tabs: changes in both are kept, and each tab says when the other changed it, over ${mode}`, async () => {
    const base = mode === 'http' ? env.server.base : distUrl;
    const { context, page: a, problems } = await fresh(base);
    await seed(a, base, traject('twee', { 1: 3, 2: 4, 3: 5, 4: 6, 5: 7, 6: 8, 7: 2, 8: 9 }));
    const b = await context.newPage();
    const problemsB = watch(b, (url) => url.startsWith(base));
    await a.goto(base + 'rapport.html');
    await b.goto(base + 'rapport.html');
    await rapportReady(a);
    await rapportReady(b);
    await a.check('#focus-keuze-1');
    // Tab b has not reloaded; its choice must not drop tab a's.
    await b.check('#focus-keuze-3');
    await a.waitForSelector('#ander-tabblad:not([hidden])');
    assert.ok(await a.isChecked('#focus-keuze-3'), 'tab a shows tab b’s choice');
    assert.ok(await b.isChecked('#focus-keuze-1'), 'tab b kept tab a’s choice');
    const stored = await a.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.endsWith(':traject:twee'));
      return JSON.parse(localStorage.getItem(key)).focus;
    });
    assert.deepEqual(stored, [1, 3]);
    await noAxe(a, 'other tab changed it', problems);
    // Scoring: a note in one tab and a score in the other, on the same domain.
    await a.goto(base + 'scoren.html#domein-2');
    await b.goto(base + 'scoren.html#domein-2');
    await a.waitForSelector('#domein-2:not([hidden])');
    await b.waitForSelector('#domein-2:not([hidden])');
    await a.fill('#goed-2', 'Notitie uit tab a');
    await b.check('input[name="score-2"][value="9"]');
    await a.waitForFunction(() => document.querySelector('input[name="score-2"][value="9"]').checked);
    assert.equal(await b.inputValue('#goed-2'), 'Notitie uit tab a');
    await a.reload();
    await a.waitForSelector('body[data-scorer]');
    assert.ok(await a.isChecked('input[name="score-2"][value="9"]'));
    assert.equal(await a.inputValue('#goed-2'), 'Notitie uit tab a');
    await context.close();
    assert.deepEqual([...problems, ...problemsB], []);
  });
}

for (const mode of ['http', 'file']) {
  test(`hostile input stays text, over ${mode}`, async () => {
    const base = mode === 'http' ? env.server.base : distUrl;
    const { context, page, problems } = await fresh(base);
    await startTrajectIn(page, base, XSS);
    await page.fill('#goed-1', XSS);
    await page.fill('#aandacht-1', '</textarea><script>window.__xss=3</script>');
    await page.goto(base + 'rapport.html');
    await rapportReady(page);
    assert.match(await page.textContent('#notities-1'), /<img src=x onerror="window.__xss=1">/);
    assert.match(await page.textContent('#traject-naam'), /<script>window.__xss=2<\/script>/);
    await page.check('#focus-keuze-1');
    await page.fill('#reden-1', XSS);
    await page.goto(base + 'traject.html');
    await page.waitForSelector('.traject-item');
    const hostile = JSON.stringify({
      ...traject('kwaad-1', { 1: 3 }), naam: '<svg onload="window.__xss=4">', gewijzigd: '<b>2026</b>',
      redenen: [{ domein: 1, reden: '<iframe src="javascript:window.__xss=5">' }], focus: [1],
    });
    assert.match(await importMessage(page, hostile), /is teruggezet/);
    assert.match(await page.textContent('#traject-lijst'), /<svg onload="window.__xss=4">/);
    await page.click('.traject-item:has-text("svg onload") [data-action="open-rapport"]');
    await rapportReady(page);
    assert.equal(await page.textContent('#reden-tekst-1'), '<iframe src="javascript:window.__xss=5">');
    assert.equal(await page.evaluate(() => window.__xss), undefined);
    assert.equal(await page.locator('#app script, #app iframe, #traject-lijst img, svg[onload]').count(), 0);
    await context.close();
    assert.deepEqual(problems, []);
  });
}

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
  assert.ok(await page.isHidden('#traject-kapot'));
  await context.close();
  assert.deepEqual(problems, []);
});

for (const mode of ['http', 'file']) {
  test(`a corrupt stored traject is kept apart, offered for download, and removed only on request, over ${mode}`, async () => {
    const base = mode === 'http' ? env.server.base : distUrl;
    const { context, page, problems } = await fresh(base);
    await startTrajectIn(page, base, 'Wordt kapot');
    await page.check('input[name="score-1"][value="6"]');
    const key = await page.evaluate(() => Object.keys(localStorage).find((k) => k.includes(':traject:')));
    assert.ok(key.startsWith('wegwijzer:'), key);
    await page.evaluate((k) => localStorage.setItem(k, '{"formaat": "wegwijzer-traject", kapot'), key);
    await page.goto(base + 'traject.html');
    await page.waitForSelector('#onleesbaar:not([hidden])');
    assert.match(await page.textContent('#onleesbaar'), /konden niet worden gelezen.*Dit is geen Wegwijzer-bestand, of het is beschadigd/s);
    await noAxe(page, 'unreadable backup', problems);
    const backupKey = await page.evaluate(() => Object.keys(localStorage).find((k) => k.includes(':backup:')));
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), backupKey), '{"formaat": "wegwijzer-traject", kapot');
    const backup = await download(page, '[data-action="download-backup"]');
    assert.equal(backup.text, '{"formaat": "wegwijzer-traject", kapot');
    assert.equal(backup.name, 'wegwijzer-onleesbare-tekst.json');
    await page.reload();
    await page.waitForSelector('[data-action="download-backup"]');
    await page.click('[data-action="remove-backup"]');
    await page.waitForSelector('#onleesbaar[hidden]', { state: 'attached' });
    await context.close();
    assert.deepEqual(problems, []);
  });
}
