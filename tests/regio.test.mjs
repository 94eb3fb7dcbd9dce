// The Regiobeeld, end to end in Chromium over HTTP from a subfolder and from
// file://: three schools make a traject with several participants through
// the UI and save their summaries on the rapport; a separate browser context
// (the region's adviser) loads them into regiobeeld.html. Every figure is
// checked against this test's own computation, with the 3-school and the
// 5-participant rules, and no name or note is in any file; then the print,
// the CSV, the saved set, keeping it in IndexedDB and refused files.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  openDevice, distUrl, useBrowserAndServer, axeViolations, startTrajectIn, saveDownload, generate, targetDir,
} from './helpers.mjs';

const run = promisify(execFile);
const env = useBrowserAndServer({ before, after });
let scratch;
before(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'wegwijzer-regio-'));
});

const SECRETS = ['Geheime Leerling', 'Geheime Ouder', 'Notitie geheim', 'Traject Geheim'];

// Each school: its shown name, kind, chosen domains, and its participants
// with their scores for domains 1 and 2 (the core team first).
const SCHOOLS = [
  {
    name: 'Het <b>Lyceum</b>', kind: 'vmbo', chosen: [1, 2],
    team: [4, 6],
    others: [5, 6, 7, 8, 9].map((v, i) => ({ perspective: 'leerlingen', name: `Geheime Leerling ${i}`, scores: [v, 7] })),
  },
  {
    name: '', kind: 'vmbo', chosen: [1],
    team: [3, 5],
    others: [[2, 5], [3, 5], [4, 5], [5, 'weet-niet']].map((s, i) => ({ perspective: 'ouders', name: `Geheime Ouder ${i}`, scores: s })),
  },
  {
    name: 'College', kind: 'havo-vwo', chosen: [],
    team: [8, 9],
    others: [{ perspective: 'leerlingen', name: 'Geheime Leerling X', scores: [9, 10] }],
  },
];

/** Tenths of the median of whole scores, as the rapport computes it. */
function median(values) {
  const v = values.filter((x) => typeof x === 'number').map((x) => x * 10).sort((a, b) => a - b);
  const n = v.length;
  return n % 2 ? v[(n - 1) / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/** Quartiles as Excel's KWARTIEL.INC, rounded half away from zero to tenths. */
function quartile(values, p) {
  const v = [...values].sort((a, b) => a - b);
  const pos = (v.length - 1) * p;
  const k = Math.floor(pos);
  const exact = v[k] + (pos - k) * ((v[Math.min(k + 1, v.length - 1)]) - v[k]);
  return Math.round(exact + 1e-9);
}

const dutch = (tenths) => (tenths % 10 === 0 ? String(tenths / 10) : `${Math.floor(tenths / 10)},${tenths % 10}`);

async function score(page, domain, value) {
  await page.goto(page.url().replace(/#.*$/, '') + `#domein-${domain}`);
  await page.waitForSelector(`#domein-${domain}:not([hidden])`);
  await page.check(`input[name="score-${domain}"][value="${value}"]`);
}

async function addParticipant(page, { name, perspective }) {
  await page.click('[data-action="add-participant"]');
  await page.waitForSelector('#dialoog-deelnemer[open]');
  await page.fill('#deelnemer-naam', name);
  await page.check(`input[name="perspectief"][value="${perspective}"]`);
  await page.click('#nieuwe-deelnemer button[type="submit"]');
  await page.waitForFunction((n) => document.querySelector('#deelnemer-keuze option:checked')?.textContent.includes(n), name);
}

/** One school's traject through the UI; returns the path of its summary. */
async function schoolSummary(base, school, nr, mode, problems) {
  const { context, page, problems: own } = await openDevice(env.browser, base);
  await startTrajectIn(page, base, 'Traject Geheim');
  await score(page, 1, school.team[0]);
  await page.fill('#aandacht-1', 'Notitie geheim');
  await score(page, 2, school.team[1]);
  for (const p of school.others) {
    await addParticipant(page, p);
    await score(page, 1, p.scores[0]);
    await score(page, 2, p.scores[1]);
  }
  await page.goto(base + 'rapport.html');
  await page.waitForSelector('body[data-scorer]');
  for (const d of school.chosen) await page.check(`#focus-keuze-${d}`);
  await page.click('[data-action="region-open"]');
  await page.waitForSelector('#dialoog-regio[open]');
  // The whole content, in plain Dutch, before anything is saved.
  const preview = await page.textContent('#regio-inhoud');
  assert.match(preview, /Zonder naam: de regio ziet niet van welke school/);
  assert.match(preview, new RegExp(`${1 + school.others.length} deelnemers`));
  await page.fill('#regio-naam', school.name);
  await page.selectOption('#regio-soort', school.kind);
  const shown = await page.textContent('#regio-inhoud');
  if (school.name) assert.ok(shown.includes(school.name), 'the preview follows the name as typed');
  assert.match(shown, /Soort school: /);
  if (nr === 0 && mode === 'http') {
    for (const v of await axeViolations(page)) problems.push(`axe (Deel met de regio): ${v}`);
  }
  const { path, suggested } = await saveDownload(page, '[data-action="region-summary"]', join(scratch, `${mode}-school-${nr}.json`));
  assert.match(suggested, /^wegwijzer-regio-\d{4}-\d{2}-\d{2}\.json$/);
  assert.match(await page.textContent('#melding'), /De samenvatting is bewaard als/);
  // The school id is kept in the traject: a second summary matches the first.
  await page.click('[data-action="region-open"]');
  const again = await saveDownload(page, '[data-action="region-summary"]', join(scratch, `${mode}-school-${nr}-again.json`));
  assert.equal(JSON.parse(await readFile(again.path, 'utf8')).school, JSON.parse(await readFile(path, 'utf8')).school);
  problems.push(...own);
  await context.close();
  return path;
}

for (const mode of ['http', 'file']) {
  const baseOf = () => (mode === 'http' ? env.server.base : distUrl);

  test(`three schools' summaries merge into the Regiobeeld, with every rule, over ${mode}`, async () => {
    const base = baseOf();
    const problems = [];
    const files = [];
    for (const [nr, school] of SCHOOLS.entries()) files.push(await schoolSummary(base, school, nr, mode, problems));

    // What the files hold, and what they never hold.
    const month = new Date().toISOString().slice(0, 7);
    for (const [nr, path] of files.entries()) {
      const text = await readFile(path, 'utf8');
      for (const secret of SECRETS) assert.ok(!text.includes(secret), `${secret} in school ${nr}'s file`);
      assert.ok(!/\d{4}-\d{2}-\d{2}/.test(text), 'no date finer than a month');
      const json = JSON.parse(text);
      assert.equal(json.formaat, 'wegwijzer-regio');
      assert.equal(json.metingen.length, 1);
      assert.equal(json.metingen[0].maand, month);
      assert.equal(json.naam, SCHOOLS[nr].name);
    }
    const groupsOf = async (nr) => JSON.parse(await readFile(files[nr], 'utf8')).metingen[0].perspectieven;
    // Five leerlingen: their counts per score. Four ouders: their number only.
    const five = (await groupsOf(0)).find((g) => g.perspectief === 'leerlingen');
    assert.equal(five.deelnemers, 5);
    assert.deepEqual(five.scores[0].aantallen, [0, 0, 0, 0, 1, 1, 1, 1, 1, 0]);
    const four = (await groupsOf(1)).find((g) => g.perspectief === 'ouders');
    assert.equal(four.deelnemers, 4);
    assert.equal(four.scores, null);
    assert.match(four.waarom_geen_scores, /Minder dan 5 deelnemers/);

    // The region, in a browser context of its own.
    const { context, page, problems: own } = await openDevice(env.browser, base);
    await page.goto(base + 'regiobeeld.html');
    await page.waitForSelector('body[data-scorer]');
    if (mode === 'http') {
      for (const v of await axeViolations(page)) problems.push(`axe (empty Regiobeeld): ${v}`);
    }
    const backup = join(scratch, `${mode}-not-a-summary.json`);
    await writeFile(backup, JSON.stringify({ formaat: 'wegwijzer-traject', schema_version: 6 }));
    await page.setInputFiles('#regio-bestanden', [...files, backup]);
    await page.waitForFunction(() => document.getElementById('regio-voortgang').textContent.startsWith('Klaar'));
    assert.equal(await page.textContent('#regio-voortgang'), 'Klaar: 4 bestanden gelezen, 1 niet gelezen. Samen 3 scholen.');
    assert.equal(await page.textContent('#regio-aantal'), '3 scholen.');
    assert.equal(
      await page.textContent('#regio-deelnemers'),
      // Leerlingen came from two schools, ouders from one: too few to sum.
      'Deelnemers in de nieuwste meting per perspectief: team 3, leerlingen te weinig scholen, ouders te weinig scholen.',
    );

    // Per domain, against this test's own computation.
    for (const d of [1, 2]) {
      const schoolScores = SCHOOLS.map((s) => median([s.team[d - 1], ...s.others.map((p) => p.scores[d - 1])]));
      const chosenBy = SCHOOLS.filter((s) => s.chosen.includes(d)).length;
      const want = [
        String(schoolScores.length),
        dutch(Math.min(...schoolScores)),
        dutch(quartile(schoolScores, 0.25)),
        dutch(quartile(schoolScores, 0.5)),
        dutch(quartile(schoolScores, 0.75)),
        dutch(Math.max(...schoolScores)),
        String(chosenBy),
        'te weinig scholen',
      ];
      const row = await page.$$eval(`#regio-tabel tr:nth-child(${d}) td`, (l) => l.map((c) => c.textContent));
      assert.deepEqual(row, want, `domain ${d}`);
      // One path of dots per domain, a dot per school, not an element each.
      const dots = await page.$eval(`#regio-grafiek li:nth-child(${d}) .region-chart__dots`, (p) => p.getAttribute('d'));
      assert.equal(dots.match(/M/g).length, 3);
    }
    assert.equal(await page.$$eval('#regio-grafiek svg *', (l) => l.length), 2 * 4, 'four shapes per domain with a figure');
    // Domains nobody scored: no number.
    assert.equal(await page.textContent('#regio-tabel tr:nth-child(3) td'), 'te weinig scholen');
    // Per perspective, only one school sent leerlingen' scores: too few.
    assert.match(await page.textContent('#regio-perspectieven'), /Perspectief leerlingen/);
    assert.ok(!(await page.textContent('#regio-perspectieven')).includes('ouders'), 'four ouders sent no scores');
    const groupRow = await page.$$eval('#regio-perspectieven tbody tr:first-child td', (l) => l.map((c) => c.textContent));
    assert.ok(groupRow.every((c) => c === 'te weinig scholen'), groupRow.join('|'));

    // Names only in the list of files, isolated; never beside a number.
    const picture = await page.textContent('#regio-beeld');
    for (const name of ['Lyceum', 'College']) assert.ok(!picture.includes(name), `${name} in the picture`);
    assert.deepEqual(await page.$$eval('#regio-lijst bdi', (l) => l.map((b) => b.textContent)).then((n) => n.filter((x) => !x.endsWith('.json'))),
      ['Het <b>Lyceum</b>', 'College']);
    assert.equal(await page.$$eval('#regio-lijst b', (l) => l.length), 0, 'a name is text, not markup');
    assert.match(await page.textContent('#regio-lijst'), /school zonder naam/);
    assert.match(await page.textContent('#regio-lijst'), /Dit is een reservekopie van een traject, geen samenvatting voor de regio/);
    assert.match(await page.textContent('#regio-lijst-kop'), /4 gekozen, 1 niet gelezen/);
    if (mode === 'http') {
      for (const v of await axeViolations(page)) problems.push(`axe (Regiobeeld with three schools): ${v}`);
    }

    // A filter that leaves 1 school outside: no numbers at all. Chosen with
    // the keyboard: Tab from the file input reaches it, arrows change it.
    await page.focus('#regio-bestanden');
    for (let i = 0; i < 8 && (await page.evaluate(() => document.activeElement.id)) !== 'regio-filter'; i++) {
      await page.keyboard.press('Tab');
    }
    assert.equal(await page.evaluate(() => document.activeElement.id), 'regio-filter', 'the filter is in the tab order');
    await page.keyboard.press('ArrowDown');
    await page.waitForFunction(() => document.getElementById('regio-aantal').textContent.startsWith('Te weinig'));
    const filtered = await page.$$eval('#regio-tabel td', (l) => l.map((c) => c.textContent));
    assert.ok(filtered.every((c) => c === 'te weinig scholen'), filtered.join('|'));
    assert.match(await page.textContent('#regio-aanbevelingen'), /Te weinig scholen/);
    if (mode === 'http') {
      for (const v of await axeViolations(page)) problems.push(`axe (filtered): ${v}`);
    }
    await page.selectOption('#regio-filter', '');
    await page.waitForFunction(() => document.getElementById('regio-aantal').textContent === '3 scholen.');

    // The CSV opens in Dutch Excel: BOM, semicolons, decimal commas.
    const csv = await saveDownload(page, '[data-action="region-csv"]', join(scratch, `${mode}-regio.csv`));
    assert.match(csv.suggested, /^wegwijzer-regiobeeld-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await readFile(csv.path, 'utf8')).split('\r\n');
    assert.ok(lines[0].startsWith('\ufeffdomein;titel;perspectief;scholen;'));
    const s1 = SCHOOLS.map((s) => median([s.team[0], ...s.others.map((p) => p.scores[0])]));
    assert.equal(lines[1], `1;Onderwijs en maatschappij;iedereen;3;${dutch(Math.min(...s1))};${dutch(quartile(s1, 0.25))};${dutch(quartile(s1, 0.5))};${dutch(quartile(s1, 0.75))};${dutch(Math.max(...s1))};2;te weinig scholen`);

    // The print: at most 2 A4 pages, the figures and not the files.
    const pdf = join(scratch, `${mode}-regio.pdf`);
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    const { stdout: info } = await run('pdfinfo', [pdf]);
    assert.ok(Number(/Pages:\s+(\d+)/.exec(info)[1]) <= 2, info);
    const { stdout: printed } = await run('pdftotext', [pdf, '-']);
    assert.match(printed, /Scores per domein/);
    assert.ok(!printed.includes('Lyceum'), 'no name in the print');

    // The set saved as one file reads back as the same picture elsewhere.
    const set = await saveDownload(page, '[data-action="region-set"]', join(scratch, `${mode}-set.json`));
    assert.match(set.suggested, /^wegwijzer-regioset-/);
    const table = await page.$$eval('#regio-tabel td', (l) => l.map((c) => c.textContent));

    // Kept in this browser: back after a reload, until it is switched off.
    await page.check('#regio-bewaren');
    await page.waitForFunction(() => document.getElementById('regio-bewaren-melding').textContent.length > 0);
    // Chromium keeps IndexedDB over http and from file:// alike.
    assert.match(await page.textContent('#regio-bewaren-melding'), /^De bestanden zijn bewaard in deze browser/);
    await page.reload();
    await page.waitForSelector('body[data-scorer]');
    await page.waitForFunction(() => document.getElementById('regio-aantal').textContent === '3 scholen.');
    assert.deepEqual(await page.$$eval('#regio-tabel td', (l) => l.map((c) => c.textContent)), table);
    assert.equal(await page.isChecked('#regio-bewaren'), true);
    assert.equal(await page.evaluate(() => localStorage.length), 0, 'nothing in localStorage');
    await page.click('[data-action="region-clear"]');
    await page.waitForSelector('#regio-beeld[hidden]', { state: 'attached' });
    await page.uncheck('#regio-bewaren');
    await page.waitForFunction(() => document.getElementById('regio-bewaren-melding').textContent.startsWith('Er is niets'));

    const other = await openDevice(env.browser, base);
    await other.page.goto(base + 'regiobeeld.html');
    await other.page.waitForSelector('body[data-scorer]');
    await other.page.setInputFiles('#regio-bestanden', set.path);
    await other.page.waitForFunction(() => document.getElementById('regio-aantal').textContent === '3 scholen.');
    assert.deepEqual(await other.page.$$eval('#regio-tabel td', (l) => l.map((c) => c.textContent)), table);
    assert.match(await other.page.textContent('#regio-lijst'), /een opgeslagen set van 3 samenvattingen/);
    // The same school and month twice counts once, and the list says which copy.
    await other.page.setInputFiles('#regio-bestanden', files[2]);
    await other.page.waitForFunction(() => /5 bestanden|2 bestanden|1 bestanden/.test(document.getElementById('regio-voortgang').textContent) && document.getElementById('regio-lijst').children.length === 2);
    assert.equal(await other.page.textContent('#regio-aantal'), '3 scholen.');
    assert.match(await other.page.textContent('#regio-lijst li:nth-child(2)'), /kwam ook in .* binnen; die kopie telt mee, deze niet/);
    // Dropped on the page instead of chosen: read the same way.
    const dropped = await other.page.evaluateHandle((text) => {
      const d = new DataTransfer();
      d.items.add(new File([text], 'gesleept.json', { type: 'application/json' }));
      return d;
    }, await readFile(files[0], 'utf8'));
    await other.page.dispatchEvent('#regio-sleep', 'drop', { dataTransfer: dropped });
    await other.page.waitForFunction(() => document.getElementById('regio-lijst').children.length === 3);
    assert.match(await other.page.textContent('#regio-lijst li:nth-child(3)'), /^gesleept\.json: gelezen.*die kopie telt mee, deze niet\.$/);
    assert.equal(await other.page.textContent('#regio-aantal'), '3 scholen.');
    problems.push(...other.problems);
    await other.context.close();

    problems.push(...own);
    await context.close();
    assert.deepEqual(problems, []);
  });
}

test('a region mirror links the Regiobeeld from its header; a school mirror does not', async () => {
  const out = await mkdtemp(join(tmpdir(), 'wegwijzer-regiomirror-'));
  for (const soort of ['regio', 'school']) {
    const overlay = join(out, `overlay-${soort}`);
    await mkdir(overlay, { recursive: true });
    await writeFile(join(overlay, 'mirror.yaml'), `organisatie: Testorganisatie\nsoort: ${soort}\ncontact:\n  - rol: Loket\n    email: loket@example.org\n`);
    const dest = join(out, `dist-${soort}`);
    generate(['build', '--overlay', overlay, '--out', dest, '--scorer', join(targetDir, 'scorer')]);
    const home = await readFile(join(dest, 'index.html'), 'utf8');
    const header = home.slice(home.indexOf('<header class="site-header">'), home.indexOf('</header>'));
    assert.equal(header.includes('href="regiobeeld.html"'), soort === 'regio', soort);
    // Every site links it from the footer, where anyone can find it.
    assert.ok(home.slice(home.indexOf('<footer')).includes('href="regiobeeld.html"'), soort);
  }
});
