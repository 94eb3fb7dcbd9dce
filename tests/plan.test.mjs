// The plan van aanpak (step 5 of the manual's cycle), in a real browser
// from a subfolder and from file://: a decision and a note per
// aanbeveling, the handleiding's five questions per intervention
// considered, actions; kept across reloads, in the backup file and the
// actions CSV; removing an action asks first; printed on 2 A4 pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { distUrl, startTrajectIn, useBrowserAndServer, watch } from './helpers.mjs';

const run = promisify(execFile);
const env = useBrowserAndServer({ before, after });
let scratch;
before(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'wegwijzer-plan-'));
});

const SWPBS = 'school-wide-positive-behavior-support';

async function downloadOf(page, selector, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const path = join(scratch, `${Date.now()}-${name}`);
  await file.saveAs(path);
  return { path, suggested: file.suggestedFilename(), text: await readFile(path, 'utf8') };
}

/** A traject scored on all 8 domains, with domains 3, 8 and 6 chosen. */
async function chosenTraject(page, base, name) {
  await startTrajectIn(page, base, name);
  for (const [d, v] of [[1, 7], [2, 6], [3, 3], [4, 7], [5, 8], [6, 5], [7, 6], [8, 4]]) {
    await page.evaluate((d) => { location.hash = 'domein-' + d; }, d);
    await page.waitForSelector(`#domein-${d}:not([hidden])`);
    await page.check(`input[name="score-${d}"][value="${v}"]`);
  }
  await page.goto(base + 'rapport.html');
  await page.waitForSelector('body[data-scorer]');
  assert.ok(!(await page.isVisible('#naar-plan')), 'no plan link before a choice');
  for (const d of [3, 8, 6]) await page.check(`#focus-keuze-${d}`);
  await page.fill('#reden-3', 'Ouders <b>zien</b> we te weinig.');
  await page.click('#naar-plan a');
  await page.waitForURL(/plan\.html$/);
  await page.waitForSelector('body[data-scorer]');
}

async function addAction(page, d, [what, who, when, evaluation]) {
  await page.click(`#actie-erbij-${d}`);
  const k = await page.$$eval(`#acties-${d} > li`, (l) => l.length);
  const id = `actie-${d}-${k}`;
  // The new action's first field has the focus, ready to type.
  assert.equal(await page.evaluate(() => document.activeElement.id), `${id}-wat`);
  await page.keyboard.type(what);
  await page.fill(`#${id}-wie`, who);
  await page.fill(`#${id}-wanneer`, when);
  await page.fill(`#${id}-evaluatie`, evaluation);
}

async function fillPlan(page) {
  // The chosen domains, in the order chosen; the others hidden.
  const shown = await page.$$eval('#plan-domeinen > section:not([hidden])', (s) => s.map((e) => e.id));
  assert.deepEqual(shown, ['plan-3', 'plan-8', 'plan-6']);
  assert.equal(await page.textContent('#plan-score-3'), '3');
  assert.equal(await page.textContent('#plan-reden-3'), 'Ouders <b>zien</b> we te weinig.');
  await page.check('#status-3-1-oppakken');
  await page.fill('#notitie-3-1', 'Eerst de ouderavond; "samen" met de mentoren.');
  await page.check('#status-3-3-niet');
  await page.check('#status-8-1-later');
  await page.check('#status-6-1-oppakken');
  // Ticking an intervention opens the five questions.
  assert.ok(!(await page.isVisible(`#vraag-3-${SWPBS}-1`)));
  await page.check(`#overweeg-3-${SWPBS}`);
  assert.ok(await page.isVisible(`#vraag-3-${SWPBS}-1`));
  assert.equal(await page.$$eval(`.plan-intervention:has(#overweeg-3-${SWPBS}) textarea`, (t) => t.length), 5);
  await page.fill(`#vraag-3-${SWPBS}-1`, 'Ja, het past bij onze visie op gedrag.');
  await page.fill(`#vraag-3-${SWPBS}-5`, 'Deels: eerst een studiedag.');
  await addAction(page, 3, ['Ouderavond over stress', 'Mentoren leerjaar 2', 'november', 'februari, kernteam']);
  await addAction(page, 3, ['Huisbezoeken bij "stille" ouders', 'zorgcoördinator', 'vanaf december', 'maart']);
  await addAction(page, 8, ['Afspraken met de GGD', 'directie', 'januari', 'april']);
  await addAction(page, 8, ['Jeugdhulp een vaste dag op school', 'zorgteam', 'februari', 'juni']);
  await addAction(page, 6, ['Mentorlessen over stress', 'mentoren', 'periode 2', 'periode 4']);
  await addAction(page, 6, ['Stressweek met leerlingen', '<img src=x onerror=alert(1)>', 'maart', 'mei']);
  // Typed markup stays text: no element is made from it.
  assert.equal(await page.inputValue('#actie-6-2-wie'), '<img src=x onerror=alert(1)>');
  assert.equal(await page.$$eval('#plan-domeinen img', (l) => l.length), 0);
}

async function checkPlan(page, what) {
  await page.waitForSelector('body[data-scorer]');
  assert.ok(await page.isChecked('#status-3-1-oppakken'), what);
  assert.ok(await page.isChecked('#status-3-2-open'), what);
  assert.ok(await page.isChecked('#status-8-1-later'), what);
  assert.equal(await page.inputValue('#notitie-3-1'), 'Eerst de ouderavond; "samen" met de mentoren.', what);
  assert.ok(await page.isChecked(`#overweeg-3-${SWPBS}`), what);
  assert.equal(await page.inputValue(`#vraag-3-${SWPBS}-5`), 'Deels: eerst een studiedag.', what);
  assert.equal(await page.inputValue('#actie-3-2-wat'), 'Huisbezoeken bij "stille" ouders', what);
  assert.equal(await page.inputValue('#actie-6-2-evaluatie'), 'mei', what);
  assert.equal(await page.$$eval('.plan-action', (l) => l.length), 6, what);
}

for (const where of ['http', 'file']) {
  test(`a team makes its plan van aanpak, keeps it and exports it (${where})`, async () => {
    const context = await env.browser.newContext({ acceptDownloads: true });
    const page = await context.newPage();
    const base = where === 'http' ? env.server.base : distUrl;
    const problems = watch(page, (url) => url.startsWith(where === 'http' ? env.server.origin : 'file://'));
    await chosenTraject(page, base, `Plan ${where}`);
    await fillPlan(page);
    await page.reload();
    await checkPlan(page, 'after a reload');

    // The rapport and scoring pages keep the plan unread (plan::RawPlan):
    // a change there writes it back untouched.
    await page.goto(base + 'rapport.html');
    await page.waitForSelector('body[data-scorer]');
    await page.fill('#reden-8', 'Jeugdhulp is ver weg.');
    await page.goto(base + 'scoren.html#domein-5');
    await page.waitForSelector('#domein-5:not([hidden])');
    await page.check('input[name="score-5"][value="9"]');
    await page.goto(base + 'plan.html');
    await checkPlan(page, 'after changes on the rapport and scoring pages');
    assert.equal(await page.textContent('#plan-reden-8'), 'Jeugdhulp is ver weg.');

    // The same intervention under another chosen domain shows the same answers.
    if (await page.$(`#overweeg-8-${SWPBS}`)) {
      assert.ok(await page.isChecked(`#overweeg-8-${SWPBS}`));
      assert.equal(await page.inputValue(`#vraag-8-${SWPBS}-1`), 'Ja, het past bij onze visie op gedrag.');
    }

    // Unticking keeps the answers; ticking again brings them back.
    await page.uncheck(`#overweeg-3-${SWPBS}`);
    assert.ok(!(await page.isVisible(`#vraag-3-${SWPBS}-1`)));
    await page.check(`#overweeg-3-${SWPBS}`);
    assert.equal(await page.inputValue(`#vraag-3-${SWPBS}-1`), 'Ja, het past bij onze visie op gedrag.');

    // The backup holds the plan; the actions go to a spreadsheet.
    const json = await downloadOf(page, '[data-action="export-json"]', 'plan.json');
    const saved = JSON.parse(json.text);
    assert.equal(saved.schema_version, 6);
    assert.deepEqual(saved.plan.aanbevelingen.map((r) => [r.nummer, r.status]),
      [['3.1', 'oppakken'], ['3.3', 'niet'], ['6.1', 'oppakken'], ['8.1', 'later']]);
    assert.equal(saved.plan.interventies[0].id, SWPBS);
    assert.equal(saved.plan.interventies[0].antwoorden.length, 5);
    assert.equal(saved.plan.acties.length, 6);
    const csv = await downloadOf(page, '[data-action="export-actions"]', 'acties.csv');
    assert.match(csv.suggested, /acties.*\.csv$/);
    const rows = csv.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    assert.equal(rows[0], 'domein;titel;wat;wie;wanneer;evaluatiemoment');
    assert.deepEqual(rows.slice(1).map((r) => r.split(';')[0]), ['3', '3', '8', '8', '6', '6']);
    assert.equal(rows[2], '3;Thuissituatie;"Huisbezoeken bij ""stille"" ouders";zorgcoördinator;vanaf december;maart');

    // An empty action goes at once; a filled-in one only after asking.
    await page.click('#actie-erbij-6');
    assert.equal(await page.$$eval('#acties-6 > li', (l) => l.length), 3);
    await page.click('[data-action="remove-action"][data-domain="6"][data-k="3"]');
    assert.equal(await page.$$eval('#acties-6 > li', (l) => l.length), 2);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'actie-erbij-6');
    await page.click('[data-action="remove-action"][data-domain="6"][data-k="1"]');
    await page.waitForSelector('#dialoog-actie-weg[open]');
    assert.match(await page.textContent('#dialoog-actie-weg'), /Actie 1 \(Mentorlessen over stress\)/);
    await page.click('#dialoog-actie-weg button[value="cancel"]');
    assert.equal(await page.$$eval('#acties-6 > li', (l) => l.length), 2, 'cancel keeps it');
    await page.click('[data-action="remove-action"][data-domain="6"][data-k="1"]');
    await page.click('[data-action="remove-action-confirmed"]');
    assert.equal(await page.$$eval('#acties-6 > li', (l) => l.length), 1);
    assert.equal(await page.inputValue('#actie-6-1-wat'), 'Stressweek met leerlingen');
    assert.match(await page.textContent('#melding'), /Actie 1 is verwijderd/);

    // Restoring the backup brings the whole plan back, identical.
    await page.goto(base + 'traject.html');
    await page.waitForSelector('body[data-scorer]');
    await page.setInputFiles('#import-bestand', json.path);
    await page.click('#dialoog-import [data-action="import-replace"]');
    await page.goto(base + 'plan.html');
    await checkPlan(page, 'after restoring the backup');
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('without chosen domains the plan page says where to choose them', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await startTrajectIn(page, env.server.base, 'Nog niets gekozen');
  await page.goto(env.server.base + 'plan.html');
  await page.waitForSelector('body[data-scorer]');
  assert.ok(await page.isVisible('#plan-leeg'));
  assert.equal(await page.$$eval('#plan-domeinen > section:not([hidden])', (s) => s.length), 0);
  await page.click('#plan-leeg a');
  await page.waitForURL(/rapport\.html#keuze-kop$/);
  await context.close();
});

test('the plan of 3 domains with 2 actions each prints on 2 A4 pages', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await chosenTraject(page, env.server.base, 'Plan op papier');
  await fillPlan(page);
  const path = join(scratch, 'plan.pdf');
  await page.pdf({ path, format: 'A4', preferCSSPageSize: true, printBackground: true });
  const { stdout: info } = await run('pdfinfo', [path]);
  const pages = Number(/Pages:\s+(\d+)/.exec(info)[1]);
  assert.ok(pages <= 2, `${pages} pages`);
  assert.match(info, /Page size:\s+59\d(\.\d+)? x 84\d(\.\d+)? pts \(A4\)/);
  const { stdout: text } = await run('pdftotext', ['-raw', path, '-']);
  const flat = text.replace(/\s+/g, ' ');
  let at = 0;
  for (const item of ['Plan van aanpak', '3. Thuissituatie', '3.1', 'Besluit: oppakken', 'Eerst de ouderavond',
    '3.3', 'Besluit: niet', 'We overwegen', 'Ja, het past bij onze visie', 'Ouderavond over stress',
    'Mentoren leerjaar 2', 'Huisbezoeken bij "stille" ouders', '8. Samenwerking', 'Besluit: later',
    'Afspraken met de GGD', '6. Mentaal kapitaal', 'Stressweek met leerlingen', '<img src=x onerror=alert(1)>']) {
    const i = flat.indexOf(item, at);
    assert.ok(i >= 0, `“${item}” missing or out of order`);
    at = i + item.length;
  }
  for (const screen of ['nog niet besproken', 'Voeg een actie toe', 'Verwijder actie', 'Printen of opslaan']) {
    assert.ok(!flat.includes(screen), `prints “${screen}”`);
  }
  await context.close();
});
