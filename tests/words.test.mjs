// The word list in README.md ("One word for one thing"), checked where a
// reader meets the words: every built page as Chromium shows it (after the
// scorer has filled the traject pages), its labels and alternative texts,
// and every string the scorer can show (scorer-wasm/src/text.rs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { repo, htmlFiles, useBrowserAndServer } from './helpers.mjs';

const env = useBrowserAndServer({ before, after });

// [the form to avoid, the one the site uses]
const AVOID = [
  [/Print \/ PDF/, 'Printen of opslaan als pdf'],
  [/\bStart traject\b/, 'Start een traject'],
  [/\b(Exporteren|Importeren)\b/, 'Bewaar een reservekopie / Reservekopie terugzetten'],
  [/\bNJI\b/, 'NJi'],
  [/\bIjkdatum\b/, 'IJkdatum'],
  [/\b[Jj]ullie\b/, 'je'],
  [/(^|[\s(“"'])([Uu]w?)(?=[\s,.!?:;)”"']|$)/, 'je / jouw'],
];

function misuses(text) {
  const found = [];
  for (const [pattern, use] of AVOID) {
    const m = text.match(pattern);
    if (m) {
      const at = m.index ?? 0;
      found.push(`“${text.slice(Math.max(0, at - 30), at + m[0].length + 30).replace(/\s+/g, ' ').trim()}” (use: ${use})`);
    }
  }
  return found;
}

test('the word check finds each form it must avoid', () => {
  for (const sample of ['Klik op Print / PDF', 'Start traject', 'Exporteren', 'het NJI', 'Ijkdatum', 'Jullie team', 'Vult u dit in?', 'Dit is uw plan.']) {
    assert.equal(misuses(sample).length, 1, sample);
  }
  assert.deepEqual(misuses('Start een traject met je team; de IJkdatum staat bij het NJi. Vitamine U-bocht'), []);
});

test('every built page uses the words of the word list', async () => {
  const problems = [];
  const context = await env.browser.newContext();
  const page = await context.newPage();
  // The traject pages fill in once a traject exists.
  await page.goto(env.server.base + 'traject.html');
  if (await page.$('#nieuw-naam')) {
    await page.waitForSelector('body[data-scorer]');
    await page.fill('#nieuw-naam', 'Woordenteam');
    await page.click('#nieuw-traject button[type="submit"]');
    await page.waitForURL(/scoren/);
  }
  for (const file of await htmlFiles()) {
    await page.goto(env.server.base + file);
    if (await page.$('script[data-wasm]')) await page.waitForSelector('body[data-scorer]');
    const text = await page.evaluate(() => {
      const parts = [document.title, document.body.textContent];
      for (const el of document.querySelectorAll('[aria-label], [title], [placeholder], [alt], meta[name="description"]')) {
        for (const a of ['aria-label', 'title', 'placeholder', 'alt', 'content']) {
          if (el.hasAttribute(a)) parts.push(el.getAttribute(a));
        }
      }
      return parts.join('\n');
    });
    for (const p of misuses(text)) problems.push(`${file}: ${p}`);
  }
  await context.close();
  assert.deepEqual(problems, []);
});

test('every string the scorer can show uses the words of the word list', async () => {
  const source = await readFile(join(repo, 'scorer-wasm/src/text.rs'), 'utf8');
  const strings = [...source.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((m) => m[1]);
  assert.ok(strings.length > 40, `read ${strings.length} strings from text.rs`);
  const problems = strings.flatMap((s) => misuses(s));
  assert.deepEqual(problems, []);
});
