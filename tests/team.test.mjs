// Several participants on one device, in Chromium over HTTP from a subfolder
// and from file://: adding participants with a perspective, scoring as each
// in their own words, and the rapport's median, range, bespreekpunten,
// dots, notes by author and perspective filter; then a backup round trip.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDevice, distUrl, dist, useBrowserAndServer, axeViolations, startTrajectIn } from './helpers.mjs';

const env = useBrowserAndServer({ before, after });
let scratch;

before(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'wegwijzer-team-'));
});

const fresh = (base) => openDevice(env.browser, base);

async function score(page, domain, value) {
  await page.goto(page.url().replace(/#.*$/, '') + `#domein-${domain}`);
  await page.waitForSelector(`#domein-${domain}:not([hidden])`);
  await page.check(`input[name="score-${domain}"][value="${value}"]`);
}

/** Adds a participant through the dialog; `other` fills "anders". */
async function addParticipant(page, { name = '', perspective, other = '' }) {
  await page.click('[data-action="add-participant"]');
  await page.waitForSelector('#dialoog-deelnemer[open]');
  await page.fill('#deelnemer-naam', name);
  await page.check(`input[name="perspectief"][value="${perspective}"]`);
  await page.fill('#deelnemer-anders', other);
  await page.click('#nieuwe-deelnemer button[type="submit"]');
}

const visibleWords = (page, d) =>
  page.$eval(`#domein-${d} .extremes:not([hidden])`, (el) => [el.dataset.voor, el.textContent.replace(/\s+/g, ' ').trim()]);

for (const mode of ['http', 'file']) {
  const baseOf = () => (mode === 'http' ? env.server.base : distUrl);

  test(`participants score in their own words and the rapport shows the spread, over ${mode}`, async () => {
    const base = baseOf();
    const { context, page, problems } = await fresh(base);
    await startTrajectIn(page, base, 'Team en gezinnen');

    // The traject starts with the core team.
    assert.deepEqual(
      await page.$$eval('#deelnemer-keuze option', (os) => os.map((o) => [o.textContent, o.selected])),
      [['\u2068Kernteam\u2069 · \u2068team\u2069', true]],
    );
    const [who, teamWords] = await visibleWords(page, 1);
    assert.equal(who, 'team');
    await score(page, 1, '3');
    await page.fill('#aandacht-1', 'Het team ziet weinig');
    await score(page, 2, '6');

    // "anders" without saying which: a message at the field, nothing added.
    await addParticipant(page, { perspective: 'anders' });
    await page.waitForSelector('#deelnemer-anders-fout:not([hidden])');
    assert.equal(await page.textContent('#deelnemer-anders-fout'), 'Vul in welk perspectief, bijvoorbeeld ‘zorgteam’.');
    assert.equal(await page.getAttribute('#deelnemer-anders', 'aria-invalid'), 'true');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'deelnemer-anders');
    assert.equal(await page.$$eval('#deelnemer-keuze option', (os) => os.length), 1);
    if (mode === 'http') {
      for (const v of await axeViolations(page)) problems.push(`axe (dialog): ${v}`);
    }
    await page.click('#dialoog-deelnemer [data-action="close-dialog"]');
    await page.waitForFunction(() => !document.getElementById('dialoog-deelnemer').open);

    // A leerling: their own words, a fresh score sheet.
    await addParticipant(page, { name: 'Sam <b>', perspective: 'leerlingen' });
    await page.waitForFunction(() => !document.getElementById('dialoog-deelnemer').open);
    await page.waitForFunction(() => document.querySelector('#deelnemer-keuze option:checked')?.textContent.includes('Sam'));
    assert.equal(await page.textContent('#melding'), 'Je scoort nu als \u2068Sam <b>\u2069 · \u2068leerlingen\u2069.');
    assert.equal(await page.textContent('#voortgang'), '0 van 8 gescoord');
    assert.equal(await page.$$eval('input[name="score-1"]:checked', (l) => l.length), 0, 'the leerling starts empty');
    const [who2, studentWords] = await visibleWords(page, 1);
    assert.equal(who2, 'leerlingen');
    assert.notEqual(studentWords, teamWords, 'a leerling reads other words');
    await score(page, 1, '9');
    await page.fill('#goed-1', 'Mijn mentor vraagt hoe het gaat');
    await score(page, 2, '7');

    // A parent, anonymous.
    await addParticipant(page, { perspective: 'ouders' });
    await page.waitForFunction(() => document.querySelector('#deelnemer-keuze option:checked')?.textContent.includes('ouders'));
    assert.equal((await visibleWords(page, 1))[0], 'ouders');
    await score(page, 1, '5');
    await score(page, 2, 'weet-niet');

    // Back to the team: their own answers come back.
    const teamId = await page.$eval('#deelnemer-keuze option', (o) => o.value);
    await page.selectOption('#deelnemer-keuze', teamId);
    await page.waitForFunction(() => document.querySelector('input[name="score-1"][value="3"]').checked);
    assert.equal(await page.inputValue('#aandacht-1'), 'Het team ziet weinig');
    assert.equal((await visibleWords(page, 1))[0], 'team');

    // The rapport.
    await page.goto(base + 'rapport.html');
    await page.waitForSelector('body[data-scorer]');
    assert.equal(await page.textContent('#deelnemers-regel'), '3 deelnemers: \u2068team\u2069 1, \u2068leerlingen\u2069 1, \u2068ouders\u2069 1.');
    const row = (d) => page.$eval(`#score-tabel tbody tr:nth-child(${d})`, (tr) =>
      [...tr.children].filter((c) => getComputedStyle(c).display !== 'none').map((c) => c.textContent));
    assert.deepEqual(await row(1), [
      '1. Onderwijs en maatschappij', '5', '3–9', 'team 3 · leerlingen 9 · ouders 5',
      'ja', '1', '',
    ]);
    assert.equal(
      await page.textContent('#bespreek-1'),
      '1. Onderwijs en maatschappij: De deelnemers liggen 6 punten uit elkaar. De medianen van team en leerlingen liggen 6 punten uit elkaar. De medianen van leerlingen en ouders liggen 4 punten uit elkaar.',
    );
    // 6 and 7, the parent's weet niet left out: median 6,5, no point to discuss.
    assert.deepEqual(await row(2), ['2. Schoolklimaat', '6,5', '6–7', 'team 6 · leerlingen 7', '', '2', '']);
    assert.ok(await page.isVisible('#bespreek-1'));
    assert.ok(!(await page.isVisible('#bespreek-2')));
    assert.equal(await page.$$eval('#grafiek-punten-1 .chart__dot', (l) => l.length), 3);
    assert.deepEqual(await page.$$eval('#grafiek-punten-1 .chart__dot', (l) => l.map((d) => d.getAttribute('x1'))), ['200', '800', '400']);
    assert.equal(await page.getAttribute('#grafiek-balk-1', 'width'), '400', 'the bar ends at the median');
    // Notes under the name and perspective of who wrote them; markup stays text.
    const notes = await page.$$eval('#notities-1 .note-author', (l) => l.map((n) => n.textContent));
    assert.deepEqual(notes, [
      'Kernteam · teamAandachtspuntenHet team ziet weinig',
      'Sam <b> · leerlingenWat gaat goedMijn mentor vraagt hoe het gaat',
    ]);
    if (mode === 'http') {
      for (const v of await axeViolations(page)) problems.push(`axe (rapport): ${v}`);
    }

    // One perspective at a time.
    await page.selectOption('#perspectief-filter', 'leerlingen');
    await page.waitForFunction(() => document.getElementById('tabel-score-1').textContent === '9');
    assert.equal(await page.textContent('#tabel-score-2'), '7');
    assert.equal(await page.$$eval('#notities-1 .note-author', (l) => l.length), 1);
    assert.ok(!(await page.isVisible('#bespreekpunten')), 'one leerling has nothing to discuss');
    await page.selectOption('#perspectief-filter', '');
    await page.waitForFunction(() => document.getElementById('tabel-score-1').textContent === '5');

    // Backup, delete, restore: every participant back, byte for byte.
    const [file] = await Promise.all([page.waitForEvent('download'), page.click('[data-action="export-json"]')]);
    const path = join(scratch, `${mode}-${file.suggestedFilename()}`);
    await file.saveAs(path);
    const exported = await readFile(path, 'utf8');
    assert.match(exported, /"schema_version": 6/);
    assert.equal(JSON.parse(exported).deelnemers.length, 3);
    await page.goto(base + 'traject.html');
    await page.waitForSelector('body[data-scorer]');
    await page.click('.traject-item [data-action="delete"]');
    await page.click('#dialoog-verwijderen [data-action="delete-confirmed"]');
    await page.waitForSelector('#geen-trajecten:not([hidden])');
    await page.setInputFiles('#import-bestand', path);
    await page.waitForFunction(() => document.getElementById('import-melding').textContent.includes('teruggezet'));
    await page.click('.traject-item [data-action="export-json"]');
    const [again] = await Promise.all([page.waitForEvent('download'), page.click('.traject-item [data-action="export-json"]')]);
    const againPath = join(scratch, `${mode}-again.json`);
    await again.saveAs(againPath);
    assert.equal(await readFile(againPath, 'utf8'), exported);

    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`a participant added by mistake is removed after an in-page question; the last one stays, over ${mode}`, async () => {
    const base = baseOf();
    const { context, page, problems } = await fresh(base);
    await startTrajectIn(page, base, 'Vergissing');
    assert.ok(!(await page.isVisible('#deelnemer-weg')), 'one participant: nothing to remove');
    await score(page, 1, '4');
    await addParticipant(page, { name: 'Per ongeluk', perspective: 'ouders' });
    await page.waitForFunction(() => document.querySelectorAll('#deelnemer-keuze option').length === 2);
    await score(page, 1, '9');
    await page.click('#deelnemer-weg');
    await page.waitForSelector('#dialoog-deelnemer-weg[open]');
    assert.equal(await page.textContent('#dialoog-weg-naam'), '\u2068Per ongeluk\u2069 · \u2068ouders\u2069');
    // Annuleren changes nothing.
    await page.click('#dialoog-deelnemer-weg button[value="cancel"]');
    assert.equal(await page.$$eval('#deelnemer-keuze option', (l) => l.length), 2);
    await page.click('#deelnemer-weg');
    await page.click('#dialoog-deelnemer-weg [data-action="remove-participant-confirmed"]');
    await page.waitForFunction(() => document.querySelectorAll('#deelnemer-keuze option').length === 1);
    assert.equal(await page.textContent('#melding'), 'Deelnemer \u2068Per ongeluk\u2069 · \u2068ouders\u2069 en diens antwoorden zijn verwijderd.');
    assert.ok(await page.isChecked('input[name="score-1"][value="4"]'), 'back to the core team, answers intact');
    assert.ok(!(await page.isVisible('#deelnemer-weg')));
    await page.goto(base + 'rapport.html');
    await page.waitForSelector('body[data-scorer]');
    assert.equal(await page.textContent('#tabel-score-1'), '4');
    assert.equal(await page.textContent('#deelnemers-regel'), '1 deelnemer: \u2068team\u2069 1.');
    assert.deepEqual(problems, []);
    await context.close();
  });

  test(`a participant name with direction overrides stays isolated, over ${mode}`, async () => {
    const base = baseOf();
    const { context, page, problems } = await fresh(base);
    await startTrajectIn(page, base, 'Isolatie');
    await addParticipant(page, { name: 'Ali\u202Eetsop', perspective: 'anders', other: 'zorg\u202Eteam' });
    await page.waitForFunction(() => document.querySelectorAll('#deelnemer-keuze option').length === 2);
    await score(page, 3, '4');
    await page.fill('#goed-3', 'x');
    await page.goto(base + 'rapport.html');
    await page.waitForSelector('body[data-scorer]');
    // Each user string sits in its own <bdi>, so the override ends there.
    assert.deepEqual(
      await page.$$eval('#notities-3 .note-author h4 bdi', (l) => l.map((b) => b.textContent)),
      ['Ali\u202Eetsop', 'zorg\u202Eteam'],
    );
    assert.deepEqual(
      await page.$$eval('#perspectief-filter option', (l) => l.map((o) => o.textContent)),
      ['alle deelnemers', '\u2068team\u2069', '\u2068zorg\u202Eteam\u2069'],
    );
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test('a file from the previous release (schema 3, two respondents) opens with two participants', async () => {
  const base = env.server.base;
  const { context, page, problems } = await fresh(base);
  const text = await readFile(new URL('../scorer-wasm/tests/fixtures/v3-export.json', import.meta.url), 'utf8');
  const path = join(scratch, 'v3.json');
  await writeFile(path, text);
  await page.goto(base + 'traject.html');
  await page.waitForSelector('body[data-scorer]');
  await page.setInputFiles('#import-bestand', path);
  await page.waitForFunction(() => document.getElementById('import-melding').textContent.includes('teruggezet'));
  await page.click('.traject-item [data-action="open-rapport"]');
  await page.waitForURL(/rapport\.html$/);
  await page.waitForSelector('body[data-scorer]');
  assert.equal(await page.textContent('#deelnemers-regel'), '2 deelnemers: \u2068team\u2069 1, \u2068ouders\u2069 1.');
  // Domain 5: team 3, ouders 8: five apart.
  assert.equal(await page.textContent('#tabel-score-5'), '5,5');
  assert.equal(await page.textContent('#tabel-spreiding-5'), '3–8');
  assert.ok(await page.isVisible('#bespreek-5'));
  assert.deepEqual(problems, []);
  await context.close();
});

// What the loader requested: fetches from resource timing (http only), scripts from their tags.
// Every fetch() the page makes from its next load on, in window.__fetches.
const countFetches = (page) => page.addInitScript(() => {
  window.__fetches = [];
  const real = window.fetch;
  window.fetch = (...args) => { window.__fetches.push(String(args[0])); return real(...args); };
});

const SCORER = /^scorer-(start|participant|coordinator)-[0-9a-f]{16}\.(js|wasm|bestand\.js)$/;

test('over http each build is one digest-named module, asked for after the first paint, shared by its pages and answered from the worker\'s cache by its static routes', async () => {
  const base = env.server.base;
  const { context, page, problems } = await openDevice(env.browser, base);
  // A first visit: the page's text is on screen before the build is asked for.
  await page.goto(base + 'scoren.html');
  await page.waitForSelector('body[data-scorer]');
  const first = await page.evaluate(() => ({
    controlled: Boolean(navigator.serviceWorker.controller),
    paint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    asked: performance.getEntriesByType('resource')
      .filter((r) => /scorer-coordinator-[0-9a-f]{16}\.(js|wasm)$/.test(r.name)).map((r) => r.startTime),
  }));
  assert.equal(first.controlled, false);
  assert.equal(first.asked.length, 2, 'the build’s script and module');
  for (const t of first.asked) assert.ok(t >= first.paint, `asked at ${t} ms, painted at ${first.paint} ms`);
  const fromNetwork = [];
  const fromWorker = [];
  page.on('response', (r) => {
    const name = r.url().replace(/^.*\//, '');
    if (SCORER.test(name)) (r.fromServiceWorker() ? fromWorker : fromNetwork).push(name);
  });
  const wasmOf = async (path) => {
    await page.goto(base + path);
    await page.waitForSelector('body[data-scorer]');
    const t = await page.evaluate(() => ({
      wasm: document.querySelector('script[data-wasm]').getAttribute('data-wasm').replace(/^.*\//, ''),
      inline: [...document.scripts].filter((s) => !s.src && s.type !== 'application/json').length,
    }));
    assert.equal(t.inline, 0, `${path}: no inline script`);
    return t.wasm;
  };
  await startTrajectIn(page, base, 'Eén build');
  const coordinator = new Set();
  for (const path of ['traject.html', 'scoren.html', 'rapport.html', 'plan.html']) coordinator.add(await wasmOf(path));
  assert.equal(coordinator.size, 1, 'the coordinator’s pages share one module');
  const participant = await wasmOf('meedoen.html');
  assert.notEqual(participant, [...coordinator][0], 'meedoen.html has the participant’s build');
  assert.ok(!fromNetwork.some((n) => n.endsWith('.bestand.js')), 'the base64 script is for file:// only');
  // Once the worker runs, a module it holds never goes to the network.
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForSelector('body[data-scorer]');
  fromNetwork.length = 0;
  fromWorker.length = 0;
  for (const path of ['rapport.html', 'plan.html']) await wasmOf(path);
  assert.deepEqual(fromNetwork, [], 'no module or glue from the network');
  assert.ok(fromWorker.some((n) => n.endsWith('.wasm')), fromWorker.join(', '));
  // The browser answers them itself, by the worker's static routes to its
  // cache, without waking the worker: the starter, the script, the module.
  const routed = await page.evaluate(() => performance.getEntriesByType('resource')
    .filter((r) => /\/scorer-[a-z]+-[0-9a-f]{16}\.(js|wasm)$/.test(r.name))
    .map((r) => `${r.name.replace(/^.*\//, '')} ${r.workerMatchedSourceType}/${r.workerFinalSourceType}`));
  assert.equal(routed.length, 3, routed.join(', '));
  for (const r of routed) assert.match(r, / cache\/cache$/);
  // With scorer-build's output at hand, each build is byte for byte its module.
  const built = new URL('../target/scorer/', import.meta.url);
  for (const [name, file] of [['coordinator', [...coordinator][0]], ['participant', participant]]) {
    const want = await readFile(new URL(`scorer-${name}.wasm`, built)).catch(() => null);
    const got = await readFile(join(dist, 'assets', file));
    assert.equal(got.subarray(0, 4).toString('latin1'), '\0asm', file);
    if (want) assert.ok(want.equals(got), `${file} is target/scorer/scorer-${name}.wasm`);
  }
  // What the scoring page saves, the rapport reads.
  await page.goto(base + 'scoren.html#domein-2');
  await page.waitForSelector('body[data-scorer]');
  await page.check('input[name="score-2"][value="7"]');
  await page.goto(base + 'rapport.html');
  await page.waitForSelector('body[data-scorer]');
  assert.equal((await page.textContent('#tabel-score-2')).trim(), '7');
  assert.deepEqual(problems, []);
  await context.close();
});

// Which chosen domain's long section each frame showed, counted from the page's start.
const recordReveals = (page) => page.addInitScript(() => {
  window.__frame = 0;
  const tick = () => { window.__frame++; requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
  window.__reveals = [];
  new MutationObserver((changes) => {
    for (const c of changes) {
      const el = c.target;
      if (!el.hidden && el.matches('#rapport-aanbevelingen > [data-domain], #plan-domeinen > [data-domain]')) {
        window.__reveals.push([el.dataset.domain, window.__frame]);
      }
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['hidden'] });
});

test('a filled rapport and plan show their long sections a frame apart, whole once data-scorer says so', async () => {
  const base = env.server.base;
  const { context, page, problems } = await openDevice(env.browser, base);
  await startTrajectIn(page, base, 'Stap voor stap');
  await page.goto(base + 'rapport.html');
  await page.waitForSelector('body[data-scorer]');
  for (const d of [8, 2, 3]) await page.check(`#focus-keuze-${d}`);
  await page.fill('#reden-8', 'Omdat het telt');
  await recordReveals(page);
  for (const [path, list] of [['rapport.html', 'rapport-aanbevelingen'], ['plan.html', 'plan-domeinen']]) {
    await page.goto(base + path);
    await page.waitForSelector('body[data-scorer="klaar"]');
    const seen = await page.evaluate((id) => ({
      reveals: window.__reveals,
      shown: [...document.querySelectorAll(`#${id} > [data-domain]`)].filter((el) => !el.hidden).map((el) => el.dataset.domain),
      waiting: document.querySelectorAll('[data-straks]').length,
    }), list);
    assert.deepEqual(seen.shown, ['8', '2', '3'], `${path}: the chosen domains, in the order chosen`);
    assert.equal(seen.waiting, 0, `${path}: nothing left waiting`);
    assert.deepEqual(seen.reveals.map(([d]) => d), ['8', '2', '3'], path);
    const frames = seen.reveals.map(([, f]) => f);
    for (let i = 1; i < frames.length; i++) assert.ok(frames[i] > frames[i - 1], `${path}: one section a frame, got frames ${frames}`);
  }
  // A change the moment the page is usable ('ready'), while its sections
  // still wait: the change decides what shows, and nothing waiting shows after it.
  await page.addInitScript(() => {
    const mark = performance.mark.bind(performance);
    performance.mark = (name, ...rest) => {
      const entry = mark(name, ...rest);
      if (name === 'wegwijzer:ready' && location.pathname.endsWith('/rapport.html') && !window.__mid) {
        const waiting = document.querySelectorAll('[data-straks]').length;
        const reason = document.getElementById('reden-8').value;
        document.getElementById('focus-keuze-2').click();
        window.__mid = { waiting, reason, left: document.querySelectorAll('[data-straks]').length };
      }
      return entry;
    };
  });
  await page.goto(base + 'rapport.html');
  await page.waitForSelector('body[data-scorer="klaar"]');
  // Usable means filled in: a reason typed now adds to the one stored.
  assert.deepEqual(await page.evaluate(() => window.__mid), { waiting: 3, reason: 'Omdat het telt', left: 0 });
  const shown = () => page.$$eval('#rapport-aanbevelingen > [data-domain]:not([hidden])', (els) => els.map((el) => el.dataset.domain));
  assert.deepEqual(await shown(), ['8', '3']);
  assert.equal(await page.isChecked('#focus-keuze-2'), false);
  await page.check('#focus-keuze-5');
  assert.deepEqual(await shown(), ['8', '3', '5']);
  assert.equal(await page.locator('[data-straks]').count(), 0);
  assert.deepEqual(problems, []);
  await context.close();
});

test('the first fill writes only what changes: no attribute or text set to the value it has, no section moved to where it is', async () => {
  const base = env.server.base;
  const { context, page, problems } = await openDevice(env.browser, base);
  await startTrajectIn(page, base, 'Alleen wat verandert');
  for (const [d, v] of [[1, 6], [2, 4], [3, 8]]) await score(page, d, v);
  await page.goto(base + 'rapport.html');
  await page.waitForSelector('body[data-scorer]');
  for (const d of [2, 3]) await page.check(`#focus-keuze-${d}`);
  // Watched from the end of parsing, when the scorer starts, to data-scorer.
  // The chosen domains 2 and 3 are already in the lists' order: a section
  // taken out and put back is a move that changed nothing.
  await page.addInitScript(() => {
    window.__writes = { changed: [], same: [], moved: [] };
    const removed = new Set();
    document.addEventListener('readystatechange', () => {
      if (window.__watching) return;
      window.__watching = new MutationObserver((records) => {
        for (const r of records) {
          const text = (nodes) => [...nodes].map((n) => n.textContent).join('');
          const same = r.type === 'attributes'
            ? r.oldValue === r.target.getAttribute(r.attributeName)
            : r.removedNodes.length === r.addedNodes.length && text(r.removedNodes) === text(r.addedNodes);
          const where = `${r.target.id || r.target.nodeName} ${r.attributeName ?? 'text'}`;
          if (same) window.__writes.same.push(where);
          else window.__writes.changed.push(where);
          r.removedNodes.forEach((n) => removed.add(n));
          r.addedNodes.forEach((n) => { if (n.id && removed.has(n)) window.__writes.moved.push(n.id); });
        }
      });
      window.__watching.observe(document, { subtree: true, childList: true, attributes: true, attributeOldValue: true });
    });
  });
  // What each fill must change, so the watch is known to have seen it.
  const expected = { 'traject.html': 'traject-lijst text', 'scoren.html': 'traject-naam text', 'rapport.html': 'tabel-score-2 text', 'plan.html': 'plan-score-2 text' };
  for (const [path, change] of Object.entries(expected)) {
    await page.goto(base + path);
    await page.waitForSelector('body[data-scorer="klaar"]');
    const writes = await page.evaluate(() => window.__writes);
    assert.ok(writes.changed.includes(change), `${path}: ${change} among ${writes.changed.join(', ')}`);
    assert.deepEqual(writes.same, [], `${path}: writes that changed nothing`);
    assert.deepEqual(writes.moved, [], `${path}: sections moved to where they were`);
  }
  assert.deepEqual(problems, []);
  await context.close();
});

test('the first fill\'s texts, markup and attributes are written by the loader, none under the module\'s frames, and any text comes through whole', async () => {
  const base = env.server.base;
  const { context, page, problems } = await openDevice(env.browser, base);
  // A colon, digits and a character of two UTF-16 units: the writes cross
  // as length-prefixed fields.
  const name = 'Team 12:30 😀 4:x';
  await startTrajectIn(page, base, name);
  for (const [d, v] of [[1, 6], [2, 4], [3, 8]]) await score(page, d, v);
  await page.goto(base + 'rapport.html');
  await page.waitForSelector('body[data-scorer]');
  for (const d of [3, 1]) await page.check(`#focus-keuze-${d}`);
  // Every text, markup and attribute write from the end of parsing to
  // data-scorer, and whether a frame of the module is on its stack.
  // data-straks the module sets itself: the staging reads it back within
  // the same call. (Moves, field values and the plan's action rows it
  // makes at once too: web/queue.rs says why.)
  await page.addInitScript(() => {
    window.__writes = { loader: [], module: [] };
    const watch = (proto, key, kind) => {
      const d = Object.getOwnPropertyDescriptor(proto, key);
      const record = (el, what) => {
        if (!window.__watching || document.body?.dataset.scorer === 'klaar') return;
        if (what === 'data-straks') return;
        const where = `${el.id || el.nodeName} ${what}`;
        (/wasm/.test(new Error().stack) ? window.__writes.module : window.__writes.loader).push(where);
      };
      if (kind === 'setter') {
        Object.defineProperty(proto, key, { ...d, set(v) { record(this, key); d.set.call(this, v); } });
      } else {
        proto[key] = function (attr, ...rest) { record(this, attr); return d.value.call(this, attr, ...rest); };
      }
    };
    watch(Node.prototype, 'textContent', 'setter');
    watch(Element.prototype, 'innerHTML', 'setter');
    watch(Element.prototype, 'setAttribute', 'method');
    watch(Element.prototype, 'removeAttribute', 'method');
    document.addEventListener('readystatechange', () => { window.__watching = true; });
  });
  const expected = { 'traject.html': 'traject-lijst innerHTML', 'scoren.html': 'traject-naam textContent', 'rapport.html': 'tabel-score-3 textContent', 'plan.html': 'plan-score-3 textContent' };
  for (const [path, write] of Object.entries(expected)) {
    await page.goto(base + path);
    await page.waitForSelector('body[data-scorer="klaar"]');
    const writes = await page.evaluate(() => window.__writes);
    assert.ok(writes.loader.includes(write), `${path}: ${write} among ${writes.loader.join(', ')}`);
    assert.deepEqual(writes.module, [], `${path}: written under the module`);
  }
  // The name came through whole on a traject page, and in the list.
  for (const path of ['rapport.html', 'traject.html']) {
    await page.goto(base + path);
    await page.waitForSelector('body[data-scorer="klaar"]');
    if (path === 'traject.html') assert.ok((await page.textContent('#traject-lijst')).includes(name), path);
    else assert.equal(await page.textContent('#traject-naam'), name, path);
  }
  // Both sections of the chosen domains came, in the order chosen.
  await page.goto(base + 'rapport.html');
  await page.waitForSelector('body[data-scorer="klaar"]');
  assert.deepEqual(await page.$$eval('#keuze-lijst > li:not([hidden])', (els) => els.map((e) => e.id)), ['keuze-3', 'keuze-1']);
  assert.deepEqual(await page.$$eval('#rapport-aanbevelingen > section:not([hidden])', (els) => els.map((e) => e.id)), ['focus-3', 'focus-1']);
  assert.deepEqual(problems, []);
  await context.close();
});

test('when the scorer cannot run, the page says so and hides the form', async () => {
  const base = env.server.base;
  const { context, page, problems } = await openDevice(env.browser, base, { serviceWorkers: 'block' });
  // A host or proxy that mangled the module, in both its forms.
  await page.route(/scorer-[a-z]+-[0-9a-f]{16}\.(wasm|bestand\.js)$/, (route) => route.fulfill({
    status: 200,
    contentType: route.request().url().endsWith('.wasm') ? 'application/wasm' : 'text/javascript',
    body: route.request().url().endsWith('.wasm') ? 'geen wasm' : 'window.WEGWIJZER_WASM = "AAAA";',
  }));
  for (const path of ['traject.html', 'scoren.html']) {
    await page.goto(base + path);
    await page.waitForSelector('#scorer-fout:not([hidden])');
    assert.match(await page.textContent('#scorer-fout'), /kon niet starten in deze browser/);
    assert.equal(await page.isVisible('#app'), false, path);
    assert.equal(await page.getAttribute('body', 'data-scorer'), null, path);
  }
  await page.unrouteAll();
  // A browser without WebAssembly: the same notice, nothing half-working.
  await page.addInitScript(() => { delete window.WebAssembly; });
  await page.goto(base + 'scoren.html');
  await page.waitForSelector('#scorer-fout:not([hidden])');
  assert.equal(await page.isVisible('#app'), false);
  assert.deepEqual(problems, []);
  await context.close();
});

test('from file:// the scorer loads its module as a classic script and never fetches', async () => {
  const { context, page, problems } = await fresh(distUrl);
  // Resource timing is silent on file://: count fetch() calls directly.
  await countFetches(page);
  for (const path of ['traject.html', 'rapport.html', 'meedoen.html']) {
    await page.goto(distUrl + path);
    await page.waitForSelector('body[data-scorer]');
    const scripts = await page.evaluate(() => [...document.scripts].map((s) => s.src.replace(/^.*\//, '')).filter(Boolean));
    assert.ok(scripts.some((f) => /\.bestand\.js$/.test(f)), `${path}: ${scripts.join(', ')}`);
    assert.deepEqual(await page.evaluate(() => window.__fetches), [], path);
  }
  // The module's script leaves no copy of the module in the page's globals.
  assert.equal(await page.evaluate(() => typeof window.WEGWIJZER_WASM), 'undefined');
  assert.deepEqual(problems, []);
  await context.close();
});
