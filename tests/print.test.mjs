// Printing: domain pages, the booklet, the worksheet and a filled-in rapport
// are printed to PDF in headless Chromium; pdftotext reads them back.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { existsSync } from 'node:fs';
import { repo, dist, distUrl, targetDir, useBrowserAndServer } from './helpers.mjs';

const run = promisify(execFile);
const env = useBrowserAndServer({ before, after });
let scratch;
before(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'wegwijzer-pdf-'));
});

const DOMAINS = [
  ['onderwijs-en-maatschappij', 1], ['schoolklimaat', 2], ['thuissituatie', 3], ['sensitief-doceren', 4],
  ['relatie-met-klasgenoten', 5], ['mentaal-kapitaal', 6], ['leervaardigheden-motivatie-toekomstperspectief', 7],
  ['samenwerking', 8],
];
// Text that belongs to the screen only: navigation, buttons, skip link.
const SCREEN_ONLY = ['Direct naar de inhoud', 'Printen of opslaan als pdf', 'Vorig domein', 'Volgend domein', 'DE 8 DOMEINEN',
  'De 8 domeinen\n', 'Start een traject', 'Toegankelijkheid', 'Bewaar een reservekopie', 'Neem de suggestie over',
  'Scores aanpassen', 'Waarom kies je', 'opgeslagen om'];

async function pdfOf(page, name) {
  const path = join(scratch, `${name}.pdf`);
  await page.pdf({ path, preferCSSPageSize: true, printBackground: true });
  const { stdout: info } = await run('pdfinfo', [path]);
  const pages = Number(/Pages:\s+(\d+)/.exec(info)[1]);
  // -raw keeps the order in which Chromium drew the page, which follows the DOM.
  const { stdout: text } = await run('pdftotext', ['-raw', path, '-']);
  return { path, pages, text, flat: text.replace(/\s+/g, ' ') };
}

/** Asserts that every item appears in `flat`, each after the one before. */
function inOrder(flat, items, what) {
  let at = 0;
  for (const item of items) {
    const i = flat.indexOf(item, at);
    assert.ok(i >= 0, `${what}: “${item}” missing or out of order after position ${at}`);
    at = i + item.length;
  }
}

function noScreenText(text, what) {
  for (const s of SCREEN_ONLY) assert.ok(!text.includes(s), `${what} prints “${s.trim()}”`);
}

/** Recommendation numbers and intervention names, in order, from a printed seed page. */
async function seedParts(prefix, domain) {
  const seeds = join(repo, '..', 'shared', 'seeds');
  const file = (await readdir(seeds)).find((f) => f.startsWith(prefix));
  const lines = (await readFile(join(seeds, file), 'utf8')).split('\n').map((l) => l.trim());
  const parts = [];
  lines.forEach((line, i) => {
    const m = new RegExp(`^(?:- )?(${domain}\\.\\d)\\**\\s`).exec(line);
    if (m) parts.push(m[1]);
    if (line === 'Naar interventie.') {
      const name = lines.slice(0, i).filter((l) => l).at(-2).replace(/\*$/, '');
      parts.push(name);
    }
  });
  return parts;
}

test('every domain page prints completely, in order, on at most 4 pages, one hint per empty recommendation', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  for (const [slug, n] of DOMAINS) {
    await page.goto(env.server.base + `domeinen/${slug}.html`);
    const recs = await page.$$eval('.recommendation', (els) => els.map((e) => ({
      num: e.querySelector('.recommendation__num').textContent,
      hints: e.querySelectorAll('.empty-hint').length,
      empty: !e.querySelector('.recommendation__parts'),
    })));
    const title = await page.textContent('h1');
    const pdf = await pdfOf(page, slug);
    assert.ok(pdf.pages <= (n === 3 ? 3 : 4), `${slug}: ${pdf.pages} pages`);
    for (const r of recs) assert.ok(r.hints <= (r.empty ? 1 : 2), `${r.num}: ${r.hints} empty-state sentences`);
    for (const r of recs.filter((x) => x.empty)) assert.equal(r.hints, 1, `${r.num}`);
    inOrder(pdf.flat, [title, 'Als het niet goed gaat', 'Als het wel goed gaat', 'Tip:', 'Aanbevelingen',
      ...recs.flatMap((r) => (r.empty ? [r.num, 'Hier staan (nog) geen voorbeelden of interventies'] : [r.num, 'Inspiratie uit de praktijk', 'Interventies'])),
      'Deze pagina komt uit de online Wegwijzer Mentaal Kapitaal', 'https://www.wegwijzermentaalkapitaal.nl',
      'Wetenschappelijke onderbouwing', 'Geselecteerde interventies'], slug);
    assert.equal(recs[0].num, `${n}.1`);
    assert.ok(!pdf.flat.includes('Waarom dit domein ertoe doet'), `${slug}: the background is for the screen`);
    noScreenText(pdf.text, slug);
  }
  await context.close();
});

test("domain 3's PDF has the parts of the printed page, in the same order", async (t) => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.server.base + 'domeinen/thuissituatie.html');
  const pdf = await pdfOf(page, 'domein-3');
  let parts = ['3.1', '3.2', '3.3', '3.4'];
  if (existsSync(join(repo, '..', 'shared', 'seeds'))) {
    parts = await seedParts('004_', 3);
    assert.deepEqual(parts.filter((p) => /^3\.\d$/.test(p)), ['3.1', '3.2', '3.3', '3.4']);
  } else {
    t.diagnostic('../shared/seeds is absent (a clone outside the workspace): skipping the comparison with the printed page; the numbers are still checked');
  }
  // Names compared without case or hyphens: the site spells the NJi as the
  // institute does ("NJi-toolkit"), the printed page "NJI toolkit".
  const norm = (t) => t.toLowerCase().replace(/-/g, ' ');
  inOrder(norm(pdf.flat), ['3. Thuissituatie', 'Als het niet goed gaat', 'Als het wel goed gaat', 'Tip:', ...parts,
    'Wetenschappelijke onderbouwing', 'Geselecteerde interventies'].map(norm), 'domain 3 vs 004_');
  // 3.3 has neither inspiration nor interventions: one sentence says where to look.
  const three = pdf.flat.slice(pdf.flat.indexOf('3.3'), pdf.flat.indexOf('3.4'));
  assert.match(three, /Hier staan \(nog\) geen voorbeelden of interventies\. Vraag de Gezonde School-adviseur/);
  // The asterisk note under 3.1.
  inOrder(pdf.flat, ['3.1', 'LEGSpedition', 'niet het hoofddoel van deze interventies', '3.2'], 'footnote');
  await context.close();
});

test('the booklet: all domains, each from a new page, ids unique, links within', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.server.base + 'boekje.html');
  const ids = await page.$$eval('[id]', (els) => els.map((e) => e.id));
  assert.equal(new Set(ids).size, ids.length, 'duplicate ids');
  const external = await page.$$eval('.booklet-domain a[href*="domeinen/"]', (as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(external, [], 'links to domain pages should be anchors in the booklet');
  const tip = await page.getAttribute('#thuissituatie-tip a', 'href');
  assert.equal(tip, 'handleiding.html#zeven-stappen-voor-een-schoolbrede-aanpak');
  const pdf = await pdfOf(page, 'boekje');
  assert.ok(pdf.pages >= 9 && pdf.pages <= 40, `${pdf.pages} pages`);
  noScreenText(pdf.text, 'booklet');
  const titles = DOMAINS.map(([, n], i) => `${n}. ${['Onderwijs en maatschappij', 'Schoolklimaat', 'Thuissituatie', 'Sensitief doceren', 'Relatie met klasgenoten', 'Mentaal kapitaal', 'Leervaardigheden, motivatie & toekomstperspectief', 'Samenwerking'][i]}`);
  inOrder(pdf.flat, ['Zo gebruik je dit boekje', ...titles.flatMap((t) => [t, 'Als het niet goed gaat', 'Aanbevelingen']),
    'Wetenschappelijke onderbouwing', 'Geselecteerde interventies'], 'booklet');
  // The closing block is the same for every domain: printed once, at the end.
  assert.equal(pdf.flat.match(/Wetenschappelijke onderbouwing/g).length, 1);
  assert.equal(pdf.flat.match(/Geselecteerde interventies/g).length, 1);
  // Each domain starts on a new page: its title opens that page's text.
  const pagesText = pdf.text.split('\f');
  for (const t of titles) {
    const p = pagesText.find((txt) => txt.includes(`${t}\n`) && txt.indexOf('Als het niet goed gaat') > txt.indexOf(t));
    assert.ok(p, `${t} not found`);
    // The running footer (drawn first) is not part of the page's content.
    const lines = p.split('\n').map((l) => l.trim()).filter((l) => l && !/^pagina \d+ van \d+$/.test(l) && l !== 'Wegwijzer Mentaal Kapitaal');
    assert.equal(lines[0], t, `${t} does not open its page`);
  }
  await context.close();
});

test('the worksheet prints on at most 3 pages and needs no JavaScript', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(env.server.base + 'werkblad.html');
  const pdf = await pdfOf(page, 'werkblad');
  assert.ok(pdf.pages <= 3, `${pdf.pages} pages`);
  for (const [, n] of DOMAINS) inOrder(pdf.flat, [`${n}. `, '1 · Als het niet goed gaat', '10 · Als het wel goed gaat', '1 2 3 4 5 6 7 8 9 10 weet niet', 'Wat gaat goed:', 'Aandachtspunten:'], `worksheet domain ${n}`);
  assert.equal(pdf.flat.match(/weet niet/g).length, 8);
  noScreenText(pdf.text, 'worksheet');
  await context.close();
});

test('the worksheets for leerlingen and ouders print their own words, on at most 3 pages, without JavaScript', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(env.server.base + 'werkblad.html');
  const teamWords = await page.$$eval('.worksheet-extremes p', (ps) => ps.map((p) => p.textContent));
  // The team's sheet points to both.
  assert.deepEqual(await page.$$eval('header a[href^="werkblad-"]', (as) => as.map((a) => a.getAttribute('href'))),
    ['werkblad-leerlingen.html', 'werkblad-ouders.html']);
  const seen = [];
  for (const [slug, heading, meta, words] of [
    ['werkblad-leerlingen', 'Werkblad voor leerlingen', 'Klas:', /\b(ik|mijn)\b/i],
    ['werkblad-ouders', 'Werkblad voor ouders', 'School:', /\bmijn kind\b/i],
  ]) {
    await page.goto(env.server.base + `${slug}.html`);
    const texts = await page.$$eval('.worksheet-extremes p', (ps) => ps.map((p) => p.textContent.replace(/\s+/g, ' ').trim()));
    assert.equal(texts.length, 16, `${slug}: two extremes for each of 8 domains`);
    for (const t of texts) {
      assert.match(t, words, `${slug}: written for its readers: ${t}`);
      assert.ok(!teamWords.includes(t), `${slug}: the team's words`);
      assert.ok(!/[*_#<>]/.test(t), `${slug}: markup shown as text: ${t}`);
    }
    seen.push(texts);
    const pdf = await pdfOf(page, slug);
    assert.ok(pdf.pages <= 3, `${slug}: ${pdf.pages} pages`);
    inOrder(pdf.flat, [heading, meta], slug);
    for (const [i, [, n]] of DOMAINS.entries()) {
      inOrder(pdf.flat, [`${n}. `, '1 · Als het niet goed gaat', texts[2 * i].slice(0, 40), '10 · Als het wel goed gaat',
        texts[2 * i + 1].slice(0, 40), '1 2 3 4 5 6 7 8 9 10 weet niet', 'Wat gaat goed:', 'Wat kan beter:'], `${slug} domain ${n}`);
    }
    assert.ok(!pdf.flat.includes('Voor het kernteam'), `${slug}: the note for the team is for the screen`);
    noScreenText(pdf.text, slug);
  }
  assert.notDeepEqual(seen[0], seen[1]);
  await context.close();
});

/** A fully scored traject (scores per domain 1–8) with a choice, put in this site's storage. */
async function seedRapport(page, base, id, scores, focus, redenen = []) {
  await page.goto(base + 'traject.html');
  await page.waitForSelector('body[data-scorer]');
  await page.evaluate(({ id, scores, focus, redenen }) => {
    const prefix = 'wegwijzer:' + location.pathname.replace(/[^/]*$/, '') + ':';
    const answers = scores.map((score, i) => ({
      domein: i + 1, score, wat_gaat_goed: `Sterk punt ${i + 1}`, aandachtspunten: `Werkpunt ${i + 1}`,
    }));
    localStorage.setItem(prefix + 'traject:' + id, JSON.stringify({
      formaat: 'wegwijzer-traject', schema_version: 3, id, naam: 'Printteam',
      aangemaakt: '2026-11-23T10:00:00Z', gewijzigd: '2026-11-23T10:00:00Z',
      respondenten: [{ rol: 'Team', antwoorden: answers }], focus, redenen,
    }));
    localStorage.setItem(prefix + 'actief', id);
  }, { id, scores, focus, redenen });
}

test('a filled-in rapport prints title, chart and table, notes, then the chosen domains', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await seedRapport(page, env.server.base, 't-print', [6, 4, 3, 8, 5, 7, 9, 2], [8, 3]);
  await page.goto(env.server.base + 'rapport.html');
  await page.waitForSelector('#focus-8');
  const pdf = await pdfOf(page, 'rapport');
  assert.ok(pdf.pages <= 8, `${pdf.pages} pages`);
  inOrder(pdf.flat, ['Rapport', 'Traject: Printteam', '1. Onderwijs en maatschappij', '8. Samenwerking', // chart labels
    'Scores per domein', '3. Thuissituatie 3', 'Notities', 'Sterk punt 1', 'Werkpunt 8',
    'Onze keuze', '8. Samenwerking', '3. Thuissituatie',
    'Aanbevelingen voor de gekozen domeinen', '8. Samenwerking', 'Lees het hele domein “Samenwerking”', '8.1', '8.4',
    '3. Thuissituatie', '3.1', '3.4', 'Vragen bij het kiezen van een interventie'], 'rapport');
  noScreenText(pdf.text, 'rapport');
  assert.ok(!pdf.flat.includes('Domeinen om mee aan de slag te gaan'), 'the choice form is for the screen');
  // The chart is vector: its labels and numbers are text in the PDF, not pixels.
  assert.match(pdf.flat, /1\. Onderwijs en maatschappij 6/);
  await context.close();
});

for (const mode of ['http', 'file']) {
  test(`the printed rapport lists the team's choice, never a suggestion beside it, over ${mode}`, async () => {
    const base = mode === 'http' ? env.server.base : distUrl;
    const context = await env.browser.newContext();
    const page = await context.newPage();
    // 5, 2 and 8 score lowest; the team chose 1, 3 and 8.
    await seedRapport(page, base, `t-keuze-${mode}`, [6, 3, 7, 9, 2, 8, 7, 4], [1, 3, 8],
      [{ domein: 3, reden: 'Ouders haken af na de brugklas' }]);
    await page.goto(base + 'rapport.html');
    await page.waitForSelector('#focus-8');
    const pdf = await pdfOf(page, `keuze-${mode}`);
    inOrder(pdf.flat, ['Onze keuze', '1. Onderwijs en maatschappij', 'Score: 6', '3. Thuissituatie', 'Score: 7',
      'Waarom: Ouders haken af na de brugklas', '8. Samenwerking', 'Score: 4', 'Aanbevelingen voor de gekozen domeinen',
      '1. Onderwijs en maatschappij', '1.1', '3. Thuissituatie', '3.1', '8. Samenwerking', '8.1'], 'choice');
    assert.doesNotMatch(pdf.flat, /Suggestie|begin met/i);
    assert.doesNotMatch(pdf.flat, /Relatie met klasgenoten, Schoolklimaat/);
    // Printed in black and white, the chosen rows are marked in words.
    assert.equal(pdf.flat.match(/★ gekozen/g).length, 3);
    await page.evaluate(() => localStorage.clear());
    await context.close();
  });
}

test('a rapport with three participants prints the spread, the bespreekpunten and notes under their authors', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const base = env.server.base;
  await page.goto(base + 'traject.html');
  await page.waitForSelector('body[data-scorer]');
  await page.evaluate(() => {
    const prefix = 'wegwijzer:' + location.pathname.replace(/[^/]*$/, '') + ':';
    const answers = (scores, note) => scores.map((score, i) => ({
      domein: i + 1, score, wat_gaat_goed: note && i === 0 ? note : '', aandachtspunten: '',
    }));
    localStorage.setItem(prefix + 'traject:t-drie', JSON.stringify({
      formaat: 'wegwijzer-traject', schema_version: 4, id: 't-drie', naam: 'Drie blikken',
      aangemaakt: '2026-12-01T10:00:00Z', gewijzigd: '2026-12-01T10:00:00Z',
      deelnemers: [
        { id: 'p-1', naam: 'Kernteam', perspectief: 'team', antwoorden: answers([3, 6, 5, 7, 6, 5, 6, 7], 'Team ziet het') },
        { id: 'p-2', naam: 'Sam', perspectief: 'leerlingen', antwoorden: answers([9, 7, 5, 7, 6, 5, 6, 7], 'Mentor vraagt door') },
        { id: 'p-3', naam: '', perspectief: 'ouders', antwoorden: answers([5, 6, 5, 7, 6, 5, 6, 7]) },
      ],
      focus: [1], redenen: [],
    }));
    localStorage.setItem(prefix + 'actief', 't-drie');
  });
  await page.goto(base + 'rapport.html');
  await page.waitForSelector('body[data-scorer]');
  const pdf = await pdfOf(page, 'drie');
  // Names print isolated (FSI … PDI); the words are what paper shows.
  inOrder(pdf.flat.replace(/\u2068/g, '').replace(/\u2069/g, ' ').replace(/\s+/g, ' '), ['3 deelnemers: team 1, leerlingen 1, ouders 1.',
    'Laagste–', 'Per perspectief', 'Bespreekpunt',
    '1. Onderwijs en maatschappij 5 3–9 team 3 · leerlingen 9 · ouders 5 ja',
    'Bespreekpunten', '1. Onderwijs en maatschappij: De deelnemers liggen 6 punten uit elkaar.',
    'Notities', 'Kernteam · team', 'Team ziet het', 'Sam · leerlingen', 'Mentor vraagt door'], 'three participants');
  // Screen-only controls stay off paper.
  assert.doesNotMatch(pdf.flat, /Toon de scores van/);
  noScreenText(pdf.text, 'rapport with participants');
  await context.close();
});

test('generator pdf writes the PDFs editors hand out', async () => {
  const out = join(scratch, 'cli');
  await run(join(targetDir, 'debug', 'generator'), ['pdf', '--dist', dist, '--out', out, 'domeinen/samenwerking.html', 'werkblad.html']);
  const files = (await readdir(out)).sort();
  assert.deepEqual(files, ['domeinen-samenwerking.pdf', 'werkblad.pdf']);
  const { stdout } = await run('pdftotext', [join(out, 'domeinen-samenwerking.pdf'), '-']);
  assert.match(stdout, /8\. Samenwerking/);
  assert.match(stdout, /8\.4/);
  await assert.rejects(run(join(targetDir, 'debug', 'generator'), ['pdf', '--dist', dist, '--out', out, 'bestaat-niet.html']), /no such page/);
});

test('printed external links show their address', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.server.base + 'interventies/kanjertraining.html');
  const pdf = await pdfOf(page, 'kanjertraining');
  // pdftotext may break a long address anywhere: compared without white space.
  const squeeze = (t) => t.replace(/\s/g, '');
  assert.ok(squeeze(pdf.flat).includes(squeeze('Meer over Kanjertraining bij de bron (https://interventies.loketgezondleven.nl/leefstijlinterventies/interventies-zoeken/1401921)')), pdf.flat);
  noScreenText(pdf.text, 'intervention page');
  await context.close();
});
