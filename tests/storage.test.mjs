// When the browser refuses storage, names that reorder text, two tabs, and
// the team cycle's traps (issue 25), over HTTP from a subfolder and from
// file://: nothing a team scores, notes, chooses or plans is lost, and
// nothing reaches the console.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import { openDevice, distUrl, useBrowserAndServer, axeViolations, startTrajectIn, fillLocalStorage } from './helpers.mjs';

const env = useBrowserAndServer({ before, after });
let scratch;
let elsewhere;

before(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'wegwijzer-opslag-'));
  // Another site on this machine (another origin): its page notes what
  // window.name held as it arrived.
  elsewhere = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<!DOCTYPE html><title>Elders</title><script>window.arrived = window.name;</script><p>Elders</p>');
  });
  await new Promise((ok) => elsewhere.listen(0, '127.0.0.1', ok));
  elsewhere.base = `http://127.0.0.1:${elsewhere.address().port}/`;
});
after(async () => {
  elsewhere?.closeAllConnections?.();
  await new Promise((ok) => elsewhere.close(ok));
});

const RTL = 'Team \u202egnp.exe';
/** A name as every message must quote it: isolated, FSI … PDI. */
const ISOLATED = '\u2068' + RTL + '\u2069';
const SCORES = [7, 6, 3, 7, 8, 5, 6, 4];

const fresh = (base, options) => openDevice(env.browser, base, options);

async function noAxe(page, state, problems) {
  // axe reads stylesheets with XHR, which file:// forbids: it runs over http.
  if (page.url().startsWith('file:')) return;
  for (const v of await axeViolations(page)) problems.push(`axe (${state}): ${v}`);
}

async function download(page, selector) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const path = join(scratch, `${Date.now()}-${file.suggestedFilename()}`);
  await file.saveAs(path);
  return { name: file.suggestedFilename(), text: await readFile(path, 'utf8'), path };
}

async function ready(page) {
  await page.waitForSelector('body[data-scorer]');
}

async function scoreAllOn(page) {
  for (let d = 1; d <= 8; d++) {
    await page.evaluate((d) => { location.hash = 'domein-' + d; }, d);
    await page.waitForSelector(`#domein-${d}:not([hidden])`);
    await page.check(`input[name="score-${d}"][value="${SCORES[d - 1]}"]`);
  }
  await page.fill('#goed-8', 'Korte lijnen met de jeugdarts');
}

/**
 * The whole cycle on a browser that keeps nothing lastingly: start, score
 * 8 domains, rapport, choice with a reason, a plan field, a reservekopie.
 * `warning` is the notice every traject page must show.
 */
async function cycleWithoutStorage(page, base, warning) {
  await page.goto(base + 'traject.html');
  await ready(page);
  assert.ok(await page.isVisible(warning), `${warning} on traject.html`);
  await startTrajectIn(page, base, 'Zonder opslag');
  assert.ok(await page.isVisible(warning), `${warning} on scoren.html`);
  assert.ok(await page.isHidden('#geen-traject'), 'the new traject came along');
  await scoreAllOn(page);
  assert.equal(await page.textContent('#opslag-status'), 'niet opgeslagen: bewaar een reservekopie');
  await page.click('#domein-8 a[href="rapport.html"]');
  await page.waitForURL(/rapport\.html$/);
  await ready(page);
  assert.ok(await page.isVisible(warning), `${warning} on rapport.html`);
  for (let d = 1; d <= 8; d++) assert.equal(await page.textContent(`#tabel-score-${d}`), String(SCORES[d - 1]));
  assert.match(await page.textContent('#notities-8'), /Korte lijnen met de jeugdarts/);
  await page.check('#focus-keuze-3');
  await page.fill('#reden-3', 'Ouders zien we te weinig');
  await page.click('#naar-plan a');
  await page.waitForURL(/plan\.html$/);
  await ready(page);
  assert.ok(await page.isVisible(warning), `${warning} on plan.html`);
  await page.check('#status-3-1-oppakken');
  await page.fill('#notitie-3-1', 'Eerst de ouderavond');
  // Through a content page and back: the work stays with the tab.
  await page.click('.main-nav a[href="domeinen/index.html"]');
  await page.waitForURL(/domeinen\/index\.html$/);
  await page.click('.main-nav a[href="../traject.html"]');
  await ready(page);
  assert.match(await page.textContent('#traject-lijst'), /Zonder opslag/);
  await page.click('.traject-item [data-action="open-rapport"]');
  await page.waitForURL(/rapport\.html$/);
  await ready(page);
  assert.ok(await page.isChecked('#focus-keuze-3'), 'the choice survived a content page');
  assert.equal(await page.inputValue('#reden-3'), 'Ouders zien we te weinig');
  const backup = await download(page, '[data-action="export-json"]');
  const saved = JSON.parse(backup.text);
  assert.equal(saved.naam, 'Zonder opslag');
  assert.deepEqual(saved.focus, [3]);
  assert.deepEqual(saved.deelnemers[0].antwoorden.map((a) => a.score), SCORES);
  assert.equal(saved.plan.aanbevelingen.find((a) => a.nummer === '3.1').status, 'oppakken');
  assert.equal(saved.plan.aanbevelingen.find((a) => a.nummer === '3.1').notitie, 'Eerst de ouderavond');
  return backup;
}

for (const mode of ['http', 'file']) {
  const baseOf = () => (mode === 'http' ? env.server.base : distUrl);

  test(`storage filled to its quota: a traject started then is scored, chosen, planned and saved, over ${mode}`, async () => {
    const base = baseOf();
    const { context, page, problems } = await fresh(base);
    await page.goto(base + 'traject.html');
    await ready(page);
    const fillers = await fillLocalStorage(page);
    assert.ok(fillers > 0);
    const before = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
    await page.reload();
    await ready(page);
    await noAxe(page, 'storage full, empty list', problems);
    await cycleWithoutStorage(page, base, '#opslag-vol');
    const after = await page.evaluate(() => JSON.stringify(Object.entries(localStorage).sort()));
    assert.equal(after, before, 'nothing already stored was touched');
    await noAxe(page, 'storage full, rapport', problems);

    // Space freed: the next change saves everything, and the warning goes.
    await page.evaluate((n) => { for (let i = 0; i < n; i++) localStorage.removeItem(`vuller-${i}`); }, fillers);
    await page.check('#focus-keuze-5');
    await page.waitForSelector('#opslag-vol', { state: 'hidden' });
    const stored = await page.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.includes(':traject:'));
      return JSON.parse(localStorage.getItem(key));
    });
    assert.deepEqual(stored.focus, [3, 5]);
    assert.deepEqual(stored.deelnemers[0].antwoorden.map((a) => a.score), SCORES);
    assert.equal(stored.plan.aanbevelingen.find((a) => a.nummer === '3.1').notitie, 'Eerst de ouderavond');
    await page.goto(base + 'scoren.html#domein-1');
    await ready(page);
    assert.ok(await page.isHidden('#opslag-vol'));
    await page.check('input[name="score-1"][value="2"]');
    assert.match(await page.textContent('#opslag-status'), /^opgeslagen om \d{2}:\d{2}$/);
    await context.close();
    assert.deepEqual(problems, []);
  });

  test(`storage blocked (both storages throw): the cycle works in one tab, and leaving the site takes nothing along, over ${mode}`, async () => {
    const base = baseOf();
    const { context, page, problems } = await fresh(base);
    await context.addInitScript(() => {
      for (const name of ['localStorage', 'sessionStorage']) {
        Object.defineProperty(window, name, {
          get() { throw new DOMException('The user denied access to storage.', 'SecurityError'); },
        });
      }
    });
    await cycleWithoutStorage(page, base, '#opslag-geen');
    assert.match(await page.textContent('#opslag-geen'), /zolang je met de knoppen en links van de Wegwijzer/);
    await noAxe(page, 'storage blocked, rapport', problems);
    // The work travels in window.name only while a page of the site loads;
    // another site, reached any way, never sees it.
    assert.ok(await page.evaluate(() => window.wegwijzerCarried.startsWith('wegwijzer-niet-opgeslagen:')));
    assert.equal(await page.evaluate(() => window.name), '');
    // A link to another site, as the databank links are (here on this machine).
    await page.evaluate((href) => {
      const a = Object.assign(document.createElement('a'), { href, textContent: 'Elders' });
      document.getElementById('inhoud').append(a);
    }, elsewhere.base + 'index.html');
    await page.click('text=Elders');
    await page.waitForURL(elsewhere.base + 'index.html');
    assert.equal(await page.evaluate(() => window.arrived), '', 'a link to another site takes nothing along');
    await page.goBack();
    await ready(page);
    await page.goto(elsewhere.base + 'index.html');
    assert.equal(await page.evaluate(() => window.arrived), '', 'nor does an address typed in');
    // Back on the site, that tab's unsaved work is gone, as the notice said.
    await page.goto(base + 'scoren.html');
    await ready(page);
    assert.ok(await page.isVisible('#geen-traject'));
    await context.close();
    assert.deepEqual(problems.filter((p) => !p.includes(elsewhere.base)), []);
  });

  test(`another tab changed a traject while this one kept its own version: both are kept, over ${mode}`, async () => {
    const base = baseOf();
    const { context, page: a, problems } = await fresh(base);
    await startTrajectIn(a, base, 'Twee versies');
    await a.check('input[name="score-1"][value="4"]');
    const fillers = await fillLocalStorage(a);
    await a.evaluate(() => { location.hash = 'domein-2'; });
    await a.check('input[name="score-2"][value="5"]');
    assert.equal(await a.textContent('#opslag-status'), 'niet opgeslagen: bewaar een reservekopie');
    // Space comes free; another tab saves its own change to the same traject.
    await a.evaluate((n) => { for (let i = 0; i < n; i++) localStorage.removeItem(`vuller-${i}`); }, fillers);
    const b = await context.newPage();
    await b.goto(base + 'scoren.html#domein-3');
    await ready(b);
    await b.check('input[name="score-3"][value="9"]');
    // This tab's next change: its version is kept as a copy, and it says so.
    await a.evaluate(() => { location.hash = 'domein-4'; });
    await a.check('input[name="score-4"][value="6"]');
    await a.waitForFunction(() => document.getElementById('melding').textContent.includes('kopie'));
    assert.equal(await a.textContent('#melding'),
      'De opslag werkt weer. Intussen was dit traject in een ander tabblad gewijzigd; die versie is bewaard, en wat je hier deed staat in “\u2068Twee versies (kopie)\u2069”.');
    assert.ok(await a.isHidden('#opslag-vol'));
    const stored = await a.evaluate(() => Object.keys(localStorage).filter((k) => k.includes(':traject:'))
      .map((k) => JSON.parse(localStorage.getItem(k))).map((t) => [t.naam, t.deelnemers[0].antwoorden.map((x) => [x.domein, x.score])]).sort());
    assert.deepEqual(stored, [
      ['Twee versies (kopie)', [[1, 4], [2, 5], [4, 6]]],
      ['Twee versies', [[1, 4], [3, 9]]],
    ]);
    await context.close();
    assert.deepEqual(problems, []);
  });

  test(`a name with a right-to-left override stays isolated in every message and dialog, over ${mode}`, async () => {
    const base = baseOf();
    const { context, page, problems } = await fresh(base);
    await startTrajectIn(page, base, RTL);
    assert.equal(await page.$eval('#traject-naam', (e) => e.tagName), 'BDI');
    // Participants: the dialog, the list, the messages.
    await page.click('[data-action="add-participant"]');
    await page.fill('#deelnemer-naam', RTL);
    await page.check('input[name="perspectief"][value="anders"]');
    await page.fill('#deelnemer-anders', 'zorg\u202eteam');
    await page.click('#deelnemer-scoren');
    await page.waitForFunction(() => document.getElementById('melding').textContent.startsWith('Je scoort nu als'));
    assert.equal(await page.textContent('#melding'), `Je scoort nu als ${ISOLATED} · \u2068zorg\u202eteam\u2069.`);
    assert.deepEqual(await page.$$eval('#deelnemer-lijst li > span bdi', (l) => l.map((b) => b.textContent)),
      ['Kernteam', 'team', RTL, 'zorg\u202eteam']);
    await page.click('[data-action="remove-participant"]');
    await page.waitForSelector('#dialoog-deelnemer-weg[open]');
    assert.equal(await page.$eval('#dialoog-weg-naam', (e) => e.tagName), 'BDI');
    await noAxe(page, 'remove participant dialog', problems);
    await page.click('#dialoog-deelnemer-weg [value="cancel"]');
    await page.click(`#deelnemer-lijst li:nth-child(2) [data-action="invite-participant"]`);
    await page.waitForSelector('#uitnodiging:not([hidden])');
    assert.equal(await page.$eval('#uitnodiging-wie', (e) => e.tagName), 'BDI');
    // The rapport: the participants' line and the list.
    await page.goto(base + 'rapport.html');
    await ready(page);
    assert.equal(await page.textContent('#deelnemers-regel'), '2 deelnemers: \u2068team\u2069 1, \u2068zorg\u202eteam\u2069 1.');
    // The traject page: rename, restore, copy and delete messages and dialogs.
    await page.goto(base + 'traject.html');
    await ready(page);
    assert.equal(await page.$eval('.traject-item__name bdi', (e) => e.textContent), RTL);
    await page.click('.traject-item [data-action="rename"]');
    await page.fill('.traject-item input[name="naam"]', RTL + ' 2');
    await page.click('.traject-item button[type="submit"]');
    await page.waitForFunction(() => document.getElementById('melding').textContent.startsWith('De naam is'));
    assert.equal(await page.textContent('#melding'), `De naam is gewijzigd in “\u2068${RTL} 2\u2069”.`);
    const backup = await download(page, '.traject-item [data-action="export-json"]');
    await page.setInputFiles('#import-bestand', backup.path);
    await page.waitForSelector('#dialoog-import[open]');
    for (const id of ['#dialoog-import-nieuw', '#dialoog-import-bestaand']) {
      assert.equal(await page.$eval(id, (e) => e.tagName), 'BDI');
      assert.equal(await page.textContent(id), RTL + ' 2');
    }
    await noAxe(page, 'import dialog with a right-to-left name', problems);
    await page.click('[data-action="import-copy"]');
    await page.waitForFunction(() => document.getElementById('import-melding').textContent.length > 0);
    assert.equal(await page.textContent('#import-melding'),
      `Traject “\u2068${RTL} 2 (kopie)\u2069” is als kopie bewaard; het bestaande traject is ongewijzigd.`);
    await page.click('.traject-item:nth-child(1) [data-action="delete"]');
    await page.waitForSelector('#dialoog-verwijderen[open]');
    assert.equal(await page.$eval('#dialoog-verwijderen-naam', (e) => e.tagName), 'BDI');
    await noAxe(page, 'delete dialog with a right-to-left name', problems);
    const gone = await page.textContent('#dialoog-verwijderen-naam');
    await page.click('[data-action="delete-confirmed"]');
    await page.waitForFunction(() => document.getElementById('melding').textContent.includes('verwijderd'));
    assert.equal(await page.textContent('#melding'), `Traject “\u2068${gone}\u2069” is verwijderd.`);
    // After the name's isolate ends, the sentence reads left to right again.
    const tail = await page.evaluate(() => {
      const el = document.getElementById('melding');
      const text = el.firstChild;
      const range = document.createRange();
      const end = text.data.indexOf('\u2069') + 1;
      range.setStart(text, end);
      range.setEnd(text, text.data.length);
      const rects = [...range.getClientRects()];
      return rects.length > 0 && rects.every((r, i) => i === 0 || r.left >= rects[i - 1].left - 1);
    });
    assert.ok(tail, 'the words after the name stay in reading order');
    await context.close();
    assert.deepEqual(problems, []);
  });

  test(`a rename being typed survives another tab opening a page and changing the list, over ${mode}`, async () => {
    const base = baseOf();
    const { context, page: a, problems } = await fresh(base);
    await startTrajectIn(a, base, 'Eerste');
    await a.goto(base + 'traject.html');
    await ready(a);
    await a.click('.traject-item [data-action="rename"]');
    const field = '.traject-item input[name="naam"]';
    await a.fill(field, 'Half getyp');
    const b = await context.newPage();
    b.on('pageerror', (e) => problems.push(`tab b: ${e.message}`));
    await b.goto(base + 'traject.html');
    await ready(b);
    await b.fill('#nieuw-naam', 'Uit tab b');
    await b.click('#nieuw-traject button[type="submit"]');
    await b.waitForURL(/scoren\.html/);
    await ready(b);
    await b.check('input[name="score-1"][value="3"]');
    await a.waitForTimeout(200);
    assert.equal(await a.inputValue(field), 'Half getyp', 'what was typed is still there');
    assert.ok(await a.evaluate(() => document.activeElement?.name === 'naam'), 'the field kept the focus');
    await a.type(field, 't');
    await a.click('.traject-item button[type="submit"]');
    await a.waitForFunction(() => document.querySelectorAll('.traject-item').length === 2);
    const names = await a.$$eval('.traject-item__name', (l) => l.map((e) => e.textContent).sort());
    assert.deepEqual(names, ['Half getypt', 'Uit tab b']);
    await context.close();
    assert.deepEqual(problems, []);
  });

  test(`inviting is per person, and after a new round this device says who scores before anything is kept, over ${mode}`, async () => {
    const base = baseOf();
    const { context, page, problems } = await fresh(base);
    await startTrajectIn(page, base, 'Twee deelnemers');
    await page.check('input[name="score-1"][value="4"]');
    // An ouder is added to score here first, then invited after all.
    await page.click('[data-action="add-participant"]');
    await page.fill('#deelnemer-naam', 'Ouder A');
    await page.check('input[name="perspectief"][value="ouders"]');
    await page.click('#deelnemer-scoren');
    await page.waitForFunction(() => document.querySelector('#deelnemer-keuze option:checked')?.textContent.includes('Ouder A'));
    await page.click('#deelnemer-lijst li:nth-child(2) [data-action="invite-participant"]');
    await page.waitForSelector('#uitnodiging:not([hidden])');
    assert.match(await page.textContent('#uitnodiging-wie'), /Ouder A/);
    // The invited ouder scores elsewhere: this device no longer scores as them, and says so.
    assert.equal(await page.textContent('#melding'),
      '\u2068Ouder A\u2069 · \u2068ouders\u2069 scoort voortaan op een eigen apparaat. Kies bij ‘Wie scoort er op dit apparaat?’ wie hier verder scoort.');
    assert.ok(await page.isVisible('#wie-scoort'));
    assert.ok(await page.isHidden('#scoren-domeinen'));
    await noAxe(page, 'who scores here', problems);
    const options = await page.$$eval('#wie-scoort-keuze option', (l) => l.map((o) => o.textContent));
    assert.deepEqual(options, ['\u2068Kernteam\u2069 · \u2068team\u2069', '\u2068Ouder A\u2069 · \u2068ouders\u2069']);
    await page.selectOption('#wie-scoort-keuze', { index: 0 });
    await page.click('[data-action="who-scores"]');
    await page.waitForSelector('#scoren-domeinen:not([hidden])');
    assert.match(await page.textContent('#melding'), /Je scoort nu als \u2068Kernteam\u2069/);
    // Invitations from the rapport, and the median's heading.
    await page.goto(base + 'rapport.html');
    await ready(page);
    assert.equal(await page.textContent('#kolom-score'), 'Mediaan');
    await page.click('#deelnemer-lijst li:nth-child(2) [data-action="invite-participant"]');
    await page.waitForSelector('#uitnodiging:not([hidden])');
    assert.match(await page.textContent('#uitnodiging-wie'), /Ouder A/);
    if (mode === 'http') assert.match(await page.inputValue('#uitnodiging-link'), /meedoen\.html#u1\./);
    else assert.ok(await page.isVisible('#uitnodiging-link-lokaal'));
    await noAxe(page, 'invitation on the rapport', problems);
    // A new round: the scoring page asks again.
    await page.click('[data-action="new-round"]');
    await page.click('[data-action="new-round-confirmed"]');
    await page.waitForFunction(() => /Meting 2 is gestart/.test(document.getElementById('melding').textContent));
    await page.goto(base + 'scoren.html#domein-1');
    await ready(page);
    assert.ok(await page.isVisible('#wie-scoort'));
    assert.ok(await page.isHidden('#scoren-domeinen'));
    await page.selectOption('#wie-scoort-keuze', { index: 0 });
    await page.click('[data-action="who-scores"]');
    await page.check('input[name="score-1"][value="8"]');
    const stored = await page.evaluate(() => {
      const key = Object.keys(localStorage).find((k) => k.includes(':traject:'));
      return JSON.parse(localStorage.getItem(key)).deelnemers.map((p) => [p.naam, p.antwoorden.map((a) => [a.domein, a.score])]);
    });
    assert.deepEqual(stored, [['Kernteam', [[1, 8]]], ['Ouder A', []]], 'the second round’s score is the Kernteam’s');
    await context.close();
    assert.deepEqual(problems, []);
  });
}

test('unreadable stored trajecten: each button says what it concerns and is tied to its reason', async () => {
  const base = env.server.base;
  const { context, page, problems } = await fresh(base);
  await page.goto(base + 'traject.html');
  await ready(page);
  await page.evaluate(() => {
    const prefix = 'wegwijzer:' + location.pathname.replace(/[^/]*$/, '') + ':';
    localStorage.setItem(prefix + 'traject:t-a', '{"formaat": "wegwijzer-traject", "naam": "Team A", kapot');
    localStorage.setItem(prefix + 'traject:t-b', '{"formaat": "iets anders", "naam": "Team B"}');
  });
  await page.reload();
  await ready(page);
  await page.waitForSelector('#onleesbaar:not([hidden])');
  const buttons = await page.$$eval('#onleesbaar-lijst button', (l) => l.map((b) => ({
    name: b.textContent,
    reason: document.getElementById(b.getAttribute('aria-describedby'))?.textContent,
  })));
  const names = buttons.map((b) => b.name);
  assert.equal(new Set(names).size, names.length, 'no two buttons share a label');
  assert.deepEqual(names.sort(), [
    'Download de onleesbare tekst van traject t-a',
    'Download de onleesbare tekst van traject “Team B”',
    'Verwijder de onleesbare tekst van traject t-a',
    'Verwijder de onleesbare tekst van traject “Team B”',
  ]);
  for (const b of buttons) {
    const about = b.name.replace(/^(Download|Verwijder) de onleesbare tekst van /, '');
    assert.ok(b.reason?.startsWith(`${about}: `), `${b.name} is described by its reason (${b.reason})`);
  }
  await noAxe(page, 'unreadable trajecten', problems);
  const file = await download(page, '#onleesbaar-lijst li:nth-child(1) [data-action="download-backup"]');
  assert.match(file.text, /Team [AB]|kapot/);
  await context.close();
  assert.deepEqual(problems, []);
});
