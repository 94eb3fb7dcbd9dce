// The traject flow with the keyboard only: Tab, Shift+Tab, arrows, Space
// and Enter. Focus must always be visible and move in a logical order.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { watch, useBrowserAndServer } from './helpers.mjs';

const env = useBrowserAndServer({ before, after });

/** What has focus, and whether it visibly shows it (outline or a styled box). */
async function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    // The 1–10 radios are drawn by the span next to them; that span shows the focus.
    const probe = el.matches('.scale-option input') ? el.nextElementSibling : el;
    const style = getComputedStyle(probe);
    const visible = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
    return {
      tag: el.tagName.toLowerCase(),
      id: el.id,
      name: el.getAttribute('name'),
      value: el.value,
      text: (el.textContent || '').trim().slice(0, 40),
      visible,
    };
  });
}

async function tabTo(page, predicate, key = 'Tab', max = 60) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const f = await focused(page);
    assert.ok(f.visible, `focus not visible on ${JSON.stringify(f)}`);
    if (predicate(f)) return f;
  }
  throw new Error('target never received focus');
}

test('a team can do the whole traject with the keyboard only', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const problems = watch(page, (url) => url.startsWith(env.server.base));
  await page.goto(env.server.base + 'traject.html');
  await page.waitForSelector('body[data-scorer]');

  // Order: skip link first, then the header, then the form.
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).text, 'Direct naar de inhoud');
  await tabTo(page, (f) => f.id === 'nieuw-naam');
  await page.keyboard.type('Toetsenbordteam');
  await page.keyboard.press('Enter');
  await page.waitForURL(/scoren\.html#domein-1$/);
  await page.waitForSelector('body[data-scorer]');

  // Domain 1: into the radio group, arrows choose, Space confirms.
  await tabTo(page, (f) => f.name === 'score-1');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  assert.equal((await focused(page)).value, '3');
  assert.ok(await page.isChecked('input[name="score-1"][value="3"]'));
  assert.equal(await page.textContent('#voortgang'), '1 van 8 gescoord');
  // Shift+Tab goes back out of the group, Tab comes back to the chosen option.
  await page.keyboard.press('Shift+Tab');
  assert.notEqual((await focused(page)).name, 'score-1');
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).value, '3');
  await tabTo(page, (f) => f.id === 'goed-1');
  await page.keyboard.type('Met het toetsenbord');
  await tabTo(page, (f) => f.id === 'aandacht-1');
  const next = await tabTo(page, (f) => f.text === 'Volgend domein');
  assert.equal(next.tag, 'button');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => location.hash === '#domein-2');
  // Focus moves to the next domain's heading, so reading continues there.
  assert.equal((await focused(page)).id, 'domein-2-kop');
  await tabTo(page, (f) => f.name === 'score-2');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Space');
  assert.ok(await page.isChecked('input[name="score-2"][value="weet-niet"]'));

  // To the rapport and choose a domain with Space.
  await page.goto(env.server.base + 'rapport.html');
  await page.waitForFunction(() => document.getElementById('tabel-score-1').textContent === '3');
  await tabTo(page, (f) => f.id === 'focus-keuze-1');
  await page.keyboard.press('Space');
  await page.waitForSelector('#focus-1');
  assert.match(await page.textContent('#rapport-aanbevelingen'), /1\.1/);
  assert.match(await page.textContent('#focus-aantal'), /1 domein gekozen/);

  // On to the plan: a decision with the arrow keys, a note, an action.
  await tabTo(page, (f) => f.text === 'Maak het plan van aanpak');
  await page.keyboard.press('Enter');
  await page.waitForURL(/plan\.html$/);
  await page.waitForSelector('#plan-1:not([hidden])');
  await tabTo(page, (f) => f.name === 'status-1-1');
  await page.keyboard.press('ArrowRight');
  assert.ok(await page.isChecked('#status-1-1-oppakken'));
  await page.keyboard.press('Tab');
  assert.equal((await focused(page)).id, 'notitie-1-1');
  await page.keyboard.type('Met het toetsenbord besloten');
  await tabTo(page, (f) => f.id === 'actie-erbij-1');
  await page.keyboard.press('Enter');
  assert.equal((await focused(page)).id, 'actie-1-1-wat');
  await page.keyboard.type('Een actie');
  for (const part of ['wie', 'wanneer', 'evaluatie']) {
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).id, `actie-1-1-${part}`);
  }
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#dialoog-actie-weg[open]');
  assert.equal((await focused(page)).text, 'Annuleren');
  await page.keyboard.press('Escape');
  await page.waitForSelector('#dialoog-actie-weg:not([open])', { state: 'attached' });
  assert.equal(await page.inputValue('#actie-1-1-wat'), 'Een actie');
  await page.reload();
  await page.waitForSelector('body[data-scorer]');
  assert.equal(await page.inputValue('#notitie-1-1'), 'Met het toetsenbord besloten');
  assert.ok(await page.isChecked('#status-1-1-oppakken'));

  // The delete dialog: opened with Enter, focus inside, Escape closes it and keeps the traject.
  await page.goto(env.server.base + 'traject.html');
  await page.waitForSelector('.traject-item');
  await tabTo(page, (f) => f.text.startsWith('Verwijderen'));
  await page.keyboard.press('Enter');
  await page.waitForSelector('#dialoog-verwijderen[open]');
  assert.equal((await focused(page)).text, 'Annuleren');
  assert.match(await page.textContent('#dialoog-verwijderen'), /Toetsenbordteam/);
  await page.keyboard.press('Escape');
  await page.waitForSelector('#dialoog-verwijderen:not([open])', { state: 'attached' });
  // The browser returns focus to the button that opened the dialog.
  await page.waitForFunction(() => document.activeElement?.dataset.action === 'delete');
  assert.match((await focused(page)).text, /^Verwijderen/);
  assert.equal(await page.locator('.traject-item').count(), 1);
  // Rename in place: the field takes focus, Enter saves, focus returns.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Shift+Tab');
  assert.match((await focused(page)).text, /^Naam wijzigen/);
  await page.keyboard.press('Enter');
  assert.equal((await focused(page)).id, await page.evaluate(() => 'naam-' + document.querySelector('.traject-item').dataset.id));
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Nieuw toetsenbordteam');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.traject-item__name >> text=Nieuw toetsenbordteam');
  assert.match((await focused(page)).text, /^Naam wijzigen/);
  await context.close();
  assert.deepEqual(problems, []);
});

test('a key pressed right after "Volgend domein" keeps its focus when the hashchange arrives', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.server.base + 'traject.html');
  await page.waitForSelector('body[data-scorer]');
  await page.fill('#nieuw-naam', 'Snel team');
  await page.click('#nieuw-traject button[type="submit"]');
  await page.waitForURL(/scoren\.html#domein-1$/);
  await page.waitForSelector('body[data-scorer]');
  // The click shows domain 2 and focuses its heading at once; the user's next
  // Tab lands before the browser's hashchange event. That event must not pull
  // focus back to the heading.
  const after = await page.evaluate(() => new Promise((resolve) => {
    addEventListener('hashchange', () => setTimeout(() => resolve({
      active: document.activeElement.id,
      hash: location.hash,
    }), 0), { once: true });
    document.querySelector('#domein-1 [data-action="next"]').click();
    const heading = document.activeElement.id;
    document.getElementById('goed-2').focus();
    if (heading !== 'domein-2-kop') resolve({ active: 'heading not focused first: ' + heading });
  }));
  assert.deepEqual(after, { active: 'goed-2', hash: '#domein-2' });
  await context.close();
});

test('a participant is added, chosen and invited with the keyboard only', async () => {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  const problems = watch(page, (url) => url.startsWith(env.server.base));
  await page.goto(env.server.base + 'traject.html');
  await page.waitForSelector('body[data-scorer]');
  await page.fill('#nieuw-naam', 'Deelnemersteam');
  await page.press('#nieuw-naam', 'Enter');
  await page.waitForURL(/scoren\.html/);
  await page.waitForSelector('body[data-scorer]');

  // "Voeg een deelnemer toe" is above the domains; the page opens at
  // #domein-1, so it is back from there. The dialog takes focus.
  await tabTo(page, (f) => f.text === 'Voeg een deelnemer toe', 'Shift+Tab');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#dialoog-deelnemer[open]');
  assert.equal((await focused(page)).id, 'deelnemer-naam');
  await page.keyboard.type('Noor');
  await tabTo(page, (f) => f.name === 'perspectief');
  await page.keyboard.press('ArrowDown');
  assert.equal((await focused(page)).value, 'leerlingen');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => !document.getElementById('dialoog-deelnemer').open);
  assert.match(await page.$eval('#deelnemer-keuze option:checked', (o) => o.textContent), /Noor.*leerlingen/);
  assert.equal(await page.evaluate(() => document.activeElement.dataset.action), 'add-participant', 'focus returns to the button');

  // Back to the core team with the arrow keys in the select.
  await tabTo(page, (f) => f.id === 'deelnemer-keuze', 'Shift+Tab');
  await page.keyboard.press('ArrowUp');
  await page.waitForFunction(() => document.querySelector('#deelnemer-keuze option:checked').textContent.includes('Kernteam'));

  // An invitation: Escape closes the dialog without adding anyone.
  await tabTo(page, (f) => f.text === 'Nodig uit op een eigen apparaat');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#dialoog-deelnemer[open]');
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.getElementById('dialoog-deelnemer').open);
  assert.equal(await page.$$eval('#deelnemer-keuze option', (l) => l.length), 2);
  await page.keyboard.press('Enter');
  await page.waitForSelector('#dialoog-deelnemer[open]');
  await page.keyboard.type('Opa');
  await tabTo(page, (f) => f.text === 'Uitnodiging maken');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#uitnodiging:not([hidden])');
  assert.equal((await focused(page)).id, 'uitnodiging-kop', 'focus moves to the invitation');
  await tabTo(page, (f) => f.id === 'uitnodiging-link');
  assert.match(await page.inputValue('#uitnodiging-link'), /meedoen\.html#u1\./);
  assert.deepEqual(problems, []);
  await context.close();
});
