// Three people on three devices (three browser contexts, so three separate
// storages): a coordinator invites a leerling and a parent; they score on
// their own and send their answers back by link and by file; the
// coordinator adds both, and the rapport shows everyone. Then a second round
// (Sam on a new link; a late answer from the first round refused) compared
// with the first, the plan filled in and printed, and export, delete and
// import giving back everything. Over HTTP from a subfolder, and from
// file://, where links only work on one computer and files carry the
// invitation and the answers instead.
import { test, before, after } from 'node:test';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import assert from 'node:assert/strict';
import { readFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDevice, distUrl, useBrowserAndServer, startTrajectIn, deleteAndRestore } from './helpers.mjs';

const env = useBrowserAndServer({ before, after });
let scratch;

before(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'wegwijzer-cycle-'));
});

const run = promisify(execFile);
const device = (base) => openDevice(env.browser, base);

async function scoreOn(page, scores) {
  for (const [d, v] of Object.entries(scores)) {
    await page.evaluate((d) => { location.hash = 'domein-' + d; }, d);
    await page.waitForSelector(`#domein-${d}:not([hidden])`);
    await page.check(`input[name="score-${d}"][value="${v}"]`);
  }
}

async function downloadOf(page, selector, name) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  const path = join(scratch, `${Date.now()}-${name}`);
  await file.saveAs(path);
  return path;
}

/** The coordinator invites someone; returns the link (http) or the file (file://). */
async function invite(page, { name, perspective }, local) {
  await page.click('[data-action="invite-open"]');
  await page.waitForSelector('#dialoog-deelnemer[open]');
  assert.ok(await page.isVisible('#deelnemer-uitnodigen'));
  assert.ok(!(await page.isVisible('#deelnemer-scoren')));
  await page.fill('#deelnemer-naam', name);
  await page.check(`input[name="perspectief"][value="${perspective}"]`);
  await page.click('#deelnemer-uitnodigen');
  await page.waitForSelector('#uitnodiging:not([hidden])');
  assert.match(await page.textContent('#uitnodiging-wie'), new RegExp(name || 'anoniem'));
  if (local) {
    assert.ok(await page.isVisible('#uitnodiging-link-lokaal'), 'file:// says a link only works here');
    assert.ok(!(await page.isVisible('#uitnodiging-link-blok')));
    return downloadOf(page, '[data-action="invite-file"]', `uitnodiging-${perspective}.json`);
  }
  const link = await page.inputValue('#uitnodiging-link');
  assert.match(link, /\/meedoen\.html#u1\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/);
  return link;
}

/** A participant opens the invitation on their own device and scores. */
async function participate(dev, base, invitation, scores, local) {
  const { page } = dev;
  if (local) {
    await page.goto(base + 'meedoen.html');
    await page.waitForSelector('body[data-scorer]');
    assert.ok(await page.isVisible('#geen-uitnodiging'));
    await page.setInputFiles('#uitnodiging-bestand', invitation);
  } else {
    await page.goto(invitation);
    await page.waitForSelector('body[data-scorer]');
  }
  await page.waitForSelector('#meedoen-regel:not([hidden])');
  assert.equal(await page.textContent('#traject-naam'), 'Onze school');
  // No traject list, no one else's data.
  assert.equal(await page.$('#traject-lijst'), null);
  assert.equal(await page.$('#deelnemer-keuze'), null);
  await scoreOn(page, scores);
}

for (const mode of ['http', 'file']) {
  const local = mode === 'file';
  const baseOf = () => (local ? distUrl : env.server.base);

  test(`a coordinator, a leerling and a parent on three devices, over ${mode}`, async () => {
    const base = baseOf();
    const coordinator = await device(base);
    const leerling = await device(base);
    const ouder = await device(base);
    const c = coordinator.page;

    await startTrajectIn(c, base, 'Onze school');
    await scoreOn(c, { 1: '3', 2: '6', 3: '5' });

    const forLeerling = await invite(c, { name: 'Sam', perspective: 'leerlingen' }, local);
    const forOuder = await invite(c, { name: '', perspective: 'ouders' }, local);
    // Invited participants are in the traject already, without answers.
    assert.equal(await c.$$eval('#deelnemer-keuze option', (l) => l.length), 3);

    await participate(leerling, base, forLeerling, { 1: '9', 2: '7', 3: '5' }, local);
    // The leerling reads the domains in words for leerlingen.
    assert.equal(await leerling.page.$eval('#domein-3 .extremes:not([hidden])', (e) => e.dataset.voor), 'leerlingen');
    await participate(ouder, base, forOuder, { 1: '5', 2: 'weet-niet', 3: '7' }, local);

    // The leerling sends a link (over http), the parent a file.
    let leerlingReply;
    await leerling.page.click('[data-action="reply-link"]');
    if (local) {
      assert.ok(await leerling.page.isVisible('#antwoord-link-lokaal'));
      leerlingReply = await downloadOf(leerling.page, '[data-action="reply-file"]', 'sam.json');
    } else {
      await leerling.page.waitForSelector('#antwoord-link-blok:not([hidden])');
      leerlingReply = await leerling.page.inputValue('#antwoord-link');
      assert.match(leerlingReply, /\/traject\.html#a1\./);
      assert.ok(leerlingReply.split('#')[1].length <= 2000);
    }
    const ouderReply = await downloadOf(ouder.page, '[data-action="reply-file"]', 'ouder.json');
    assert.equal(JSON.parse(await readFile(ouderReply, 'utf8')).formaat, 'wegwijzer-antwoorden');

    // The coordinator sees what will be added, and to which traject, first.
    const receive = async (reply) => {
      if (local) {
        await c.goto(base + 'traject.html');
        await c.waitForSelector('body[data-scorer]');
        await c.setInputFiles('#import-bestand', reply);
      } else if (reply.startsWith('http')) {
        await c.goto(reply);
        await c.waitForSelector('body[data-scorer]');
      } else {
        await c.goto(base + 'traject.html');
        await c.waitForSelector('body[data-scorer]');
        await c.setInputFiles('#import-bestand', reply);
      }
      await c.waitForSelector('#ontvangen:not([hidden])', { timeout: 5000 }).catch(async (e) => {
        throw new Error(`${e.message}; melding: ${await c.textContent('#ontvangen-melding')}; url ${c.url().slice(0, 80)}`);
      });
      return c.textContent('#ontvangen-tekst');
    };
    let text = await receive(leerlingReply);
    assert.equal(text, 'Antwoorden van \u2068Sam\u2069 · \u2068leerlingen\u2069 voor het traject “\u2068Onze school\u2069”: 3 van de domeinen gescoord. Toevoegen aan dit traject? De andere deelnemers blijven zoals ze zijn.');
    await c.click('[data-action="reply-add"]');
    await c.waitForFunction(() => document.getElementById('ontvangen-melding').textContent.includes('zijn toegevoegd'));
    text = await receive(ouderReply);
    assert.match(text, /anoniem.*ouders/);
    await c.click('[data-action="reply-add"]');
    await c.waitForFunction(() => document.getElementById('ontvangen-melding').textContent.length > 0);

    // The same answers again: recognised, nothing changes.
    if (local) {
      await c.setInputFiles('#import-bestand', ouderReply);
    } else {
      await c.goto(base + 'traject.html');
      await c.waitForSelector('body[data-scorer]');
      await c.setInputFiles('#import-bestand', ouderReply);
    }
    await c.waitForFunction(() => document.getElementById('ontvangen-melding').textContent.includes('stonden er al'));
    assert.ok(!(await c.isVisible('#ontvangen')));

    // The leerling changes a score and sends again: replaced only after asking.
    await leerling.page.evaluate(() => { location.hash = 'domein-2'; });
    await leerling.page.check('input[name="score-2"][value="2"]');
    const second = local
      ? await downloadOf(leerling.page, '[data-action="reply-file"]', 'sam2.json')
      : (await leerling.page.click('[data-action="reply-link"]'), await leerling.page.inputValue('#antwoord-link'));
    text = await receive(second);
    assert.match(text, /^\u2068Sam\u2069 · \u2068leerlingen\u2069 staat al in het traject “\u2068Onze school\u2069”, met andere antwoorden/);
    assert.equal(await c.textContent('#ontvangen-ja'), 'Vervangen');
    await c.click('[data-action="reply-cancel"]');
    assert.equal(await c.textContent('#ontvangen-melding'), 'De antwoorden zijn niet toegevoegd. Er is niets veranderd.');
    text = await receive(second);
    await c.click('[data-action="reply-add"]');
    await c.waitForFunction(() => document.getElementById('ontvangen-melding').textContent.includes('bijgewerkt'));

    // The rapport: team 3/6/5, Sam 9/2/5, ouder 5/weet niet/8.
    await c.goto(base + 'rapport.html');
    await c.waitForSelector('body[data-scorer]');
    assert.equal(await c.textContent('#deelnemers-regel'), '3 deelnemers: \u2068team\u2069 1, \u2068leerlingen\u2069 1, \u2068ouders\u2069 1.');
    assert.equal(await c.textContent('#tabel-score-1'), '5');
    assert.equal(await c.textContent('#tabel-spreiding-1'), '3–9');
    assert.equal(await c.textContent('#tabel-score-2'), '4');
    assert.equal(await c.textContent('#tabel-spreiding-2'), '2–6');
    assert.equal(await c.textContent('#tabel-score-3'), '5');
    assert.equal(await c.textContent('#tabel-bespreek-1'), 'ja');
    assert.equal(await c.textContent('#tabel-bespreek-2'), 'ja', '2 and 6: four apart');
    assert.equal(await c.textContent('#tabel-bespreek-3'), '', '5, 5 and 7: two apart');

    // Step 7, a new measurement: everyone scores again; Sam on a new link.
    await c.click('[data-action="new-round"]');
    await c.click('[data-action="new-round-confirmed"]');
    await c.waitForFunction(() => /Meting 2 is gestart/.test(document.getElementById('melding').textContent));
    await c.goto(base + 'scoren.html#domein-1');
    await c.waitForSelector('body[data-scorer]');
    // A new round: this device says who scores here before anything is kept.
    await c.waitForSelector('#wie-scoort:not([hidden])');
    await c.selectOption('#wie-scoort-keuze', { index: 0 });
    await c.click('[data-action="who-scores"]');
    await scoreOn(c, { 1: '6', 2: '7', 3: '6' });
    // Sam's answers from the first round, arriving late, are refused.
    if (local || !second.startsWith('http')) {
      await c.goto(base + 'traject.html');
      await c.waitForSelector('body[data-scorer]');
      await c.setInputFiles('#import-bestand', second);
    } else {
      await c.goto(second);
      await c.waitForSelector('body[data-scorer]');
    }
    await c.waitForFunction(() => document.getElementById('ontvangen-melding').textContent.length > 0);
    assert.equal(await c.textContent('#ontvangen-melding'),
      'Deze antwoorden horen bij meting 1, maar het traject is nu bij meting 2. Er is niets toegevoegd. Stuur de deelnemer een nieuwe uitnodiging voor meting 2.');
    assert.ok(!(await c.isVisible('#ontvangen')));
    await c.goto(base + 'scoren.html#domein-1');
    await c.waitForSelector('body[data-scorer]');
    // Invited per person, from the list: who scores here stays the same.
    await c.click('#deelnemer-lijst li:has-text("Sam") [data-action="invite-participant"]');
    assert.match(await c.$eval('#deelnemer-keuze option:checked', (o) => o.textContent), /Kernteam/);
    await c.waitForSelector('#uitnodiging:not([hidden])');
    const again = local
      ? await downloadOf(c, '[data-action="invite-file"]', 'uitnodiging-2.json')
      : await c.inputValue('#uitnodiging-link');
    if (local) {
      await leerling.page.goto(base + 'meedoen.html');
      await leerling.page.waitForSelector('body[data-scorer]');
      await leerling.page.click('#klaar summary');
      await leerling.page.setInputFiles('#uitnodiging-bestand-nieuw', again);
    } else {
      await leerling.page.goto(again);
      await leerling.page.waitForSelector('body[data-scorer]');
    }
    await leerling.page.waitForSelector('#meedoen-meting:not([hidden])');
    assert.equal(await leerling.page.textContent('#meedoen-regel'), 'Traject: Onze school · je scoort als \u2068Sam\u2069 · \u2068leerlingen\u2069 · meting 2');
    // A fresh round on Sam's device: none of the first round's scores.
    assert.equal(await leerling.page.$$eval('#app input[type="radio"]:checked', (l) => l.length), 0);
    await scoreOn(leerling.page, { 1: '8', 2: '8', 3: '4' });
    const round2 = local
      ? await downloadOf(leerling.page, '[data-action="reply-file"]', 'sam-meting-2.json')
      : (await leerling.page.click('[data-action="reply-link"]'), await leerling.page.inputValue('#antwoord-link'));
    text = await receive(round2);
    assert.match(text, /^Antwoorden van \u2068Sam\u2069 · \u2068leerlingen\u2069 voor het traject “\u2068Onze school\u2069”: 3 van de domeinen gescoord\./);
    assert.equal(await c.textContent('#ontvangen-ja'), 'Toevoegen');
    await c.click('[data-action="reply-add"]');
    await c.waitForFunction(() => document.getElementById('ontvangen-melding').textContent.length > 0);

    // The rapport compares with the first round, per domain and per perspective.
    await c.goto(base + 'rapport.html');
    await c.waitForSelector('body[data-scorer]');
    assert.equal(await c.textContent('#tabel-score-1'), '7');
    assert.equal(await c.textContent('#tabel-eerder-1'), '5');
    assert.equal(await c.textContent('#tabel-verandering-1'),
      '+2 (\u2068team\u2069 3 → 6 · \u2068leerlingen\u2069 9 → 8 · \u2068ouders\u2069 5 → –)'.replace(/\u2068|\u2069/g, ''));
    await c.selectOption('#perspectief-filter', 'leerlingen');
    assert.equal(await c.textContent('#tabel-verandering-1'), '−1');
    await c.selectOption('#perspectief-filter', '');

    // The plan van aanpak, filled in, printed and read back.
    await c.check('#focus-keuze-1');
    await c.click('#naar-plan a');
    await c.waitForURL(/plan\.html$/);
    await c.waitForSelector('#plan-1:not([hidden])');
    await c.check('#status-1-1-oppakken');
    await c.fill('#notitie-1-1', 'Samen met <b>Sam</b> bespreken');
    await c.click('#actie-erbij-1');
    await c.fill('#actie-1-1-wat', 'Leerlingpanel over stress');
    await c.fill('#actie-1-1-wie', 'mentor 3b');
    const pdf = join(scratch, `plan-${mode}.pdf`);
    await c.pdf({ path: pdf, format: 'A4' });
    const flat = (await run('pdftotext', ['-raw', pdf, '-'])).stdout.replace(/\s+/g, ' ');
    for (const item of ['Plan van aanpak', '1. Onderwijs en maatschappij', 'Besluit: oppakken', 'Samen met <b>Sam</b> bespreken',
      'Leerlingpanel over stress', 'mentor 3b']) {
      assert.ok(flat.includes(item), `the printed plan lacks “${item}”`);
    }

    // Export, delete and import gives back everything, identical.
    const exported = await downloadOf(c, '[data-action="export-json"]', 'onze-school.json');
    const saved = JSON.parse(await readFile(exported, 'utf8'));
    assert.equal(saved.deelnemers.length, 3);
    assert.equal(saved.eerdere_metingen.length, 1);
    assert.equal(saved.plan.acties.length, 1);
    await deleteAndRestore(c, base, exported);
    assert.equal(await c.textContent('#tabel-verandering-1'), '+2 (team 3 → 6 · leerlingen 9 → 8 · ouders 5 → –)');
    const back = await downloadOf(c, '[data-action="export-json"]', 'onze-school-terug.json');
    assert.equal(await readFile(back, 'utf8'), await readFile(exported, 'utf8'));

    for (const d of [coordinator, leerling, ouder]) {
      assert.deepEqual(d.problems, []);
      await d.context.close();
    }
  });
}

test('a damaged answers link or one for an unknown traject stores nothing, and says why', async () => {
  const base = env.server.base;
  const { context, page, problems } = await device(base);
  await page.goto(base + 'traject.html');
  await page.waitForSelector('body[data-scorer]');
  // A valid reply made by another device's traject: this one does not have it.
  const reply = 'a1.WyJ0LTEiLFsicC0xIiwiIiwidGVhbSIsIiIsW11dXQ.';
  const sum = await page.evaluate((body) => {
    let h = 0x811c9dc5;
    for (const c of body) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193) >>> 0;
    return h.toString(16).padStart(8, '0');
  }, reply.split('.')[1]);
  await page.goto(base + 'traject.html#' + reply + sum);
  await page.waitForFunction(() => document.getElementById('ontvangen-melding').textContent.length > 0);
  assert.equal(
    await page.textContent('#ontvangen-melding'),
    'Deze antwoorden horen bij een traject dat niet op dit apparaat staat (t-1). Open de link of het bestand op het apparaat waarop het traject staat.',
  );
  // Cut short, as a mail program may do with a long link.
  await page.goto(base + 'traject.html#' + reply + sum.slice(0, 4));
  await page.reload();
  await page.waitForFunction(() => document.getElementById('ontvangen-melding').textContent.includes('niet compleet'));
  assert.ok(!(await page.isVisible('#ontvangen')));
  const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('traject:')).length);
  assert.equal(stored, 0);
  // A damaged invitation: the page says so and shows no scoring.
  await page.goto(base + 'meedoen.html#u1.kapot.00000000');
  await page.waitForSelector('body[data-scorer]');
  assert.equal(await page.textContent('#uitnodiging-fout'), 'Deze link is niet compleet of is veranderd. Vraag om een nieuwe link, of om het bestand.');
  assert.ok(!(await page.isVisible('#app')));
  assert.deepEqual(problems, []);
  await context.close();
});
