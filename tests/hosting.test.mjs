// A school's or region's own copy, tried as a host would: a branded build
// from an overlay, the 404 page at any depth with and without a public
// address, the zip unpacked and opened from file://, and the site offline
// after one visit, then updated after a rebuild.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmod, cp, mkdtemp, mkdir, readFile, writeFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  launch, serveDist, watch, generate, unzip, crawl, htmlFiles, axeViolations, dist, repo, targetDir, startTrajectIn } from './helpers.mjs';

const scorer = join(targetDir, 'scorer');
let browser;
let scratch;

before(async () => {
  browser = await launch();
  scratch = await mkdtemp(join(tmpdir(), 'wegwijzer-host-'));
  // Apache serves as `nobody`, which must be able to read the built sites.
  await chmod(scratch, 0o755);
});
after(async () => {
  await browser?.close();
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** Builds the real content (with the scorer) into a fresh folder. */
function build(name, ...args) {
  const out = join(scratch, name);
  generate(['build', '--scorer', scorer, '--out', out, ...args]);
  return out;
}

async function startAndScore(page, base) {
  await startTrajectIn(page, base, 'Team offline');
  for (let d = 1; d <= 8; d++) {
    await page.waitForSelector(`#domein-${d}:not([hidden])`);
    await page.check(`input[name="score-${d}"][value="${d + 1}"]`);
    if (d < 8) await page.click(`#domein-${d} [data-action="next"]`);
  }
  assert.equal(await page.textContent('#voortgang'), '8 van 8 gescoord');
  await page.goto(base + 'rapport.html');
  await page.waitForSelector('body[data-scorer]');
  const scores = await page.$$eval('.score-table tbody tr', (trs) => trs.map((tr) => tr.children[1].textContent));
  assert.deepEqual(scores, ['2', '3', '4', '5', '6', '7', '8', '9']);
}

test('an overlay brands the site and keeps local text apart from the Wegwijzer', async () => {
  const site = build('overlay', '--overlay', join(repo, 'tests/overlay'));
  const server = await serveDist('/regio/wegwijzer/', site);
  const context = await browser.newContext();
  const page = await context.newPage();
  const problems = watch(page, (url) => url.startsWith(server.base));
  try {
    await page.goto(server.base + 'index.html');
    assert.equal((await page.textContent('.mirror-org')).trim(), 'Aangeboden door Samenwerkingsverband Voorbeeldregio');
    const logo = await page.$eval('.mirror-org img', (img) => ({ w: img.naturalWidth, src: img.getAttribute('src') }));
    assert.ok(logo.w > 0, 'the logo loads');
    assert.equal(logo.src, 'assets/logo.svg');
    const footer = await page.textContent('.mirror-footer');
    assert.match(footer, /Noor Jansen, Gezonde School-adviseur: gezondeschool@voorbeeldregio\.example/);
    assert.match(footer, /Loket passend onderwijs: 030 765 43 21/);
    assert.equal(await page.getAttribute('.mirror-footer a[href^="tel:"]', 'href'), 'tel:0307654321');
    // The accent colour replaces the theme's brand colour.
    const brand = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--brand').trim());
    assert.equal(brand, '#6a2c91');
    assert.deepEqual(await axeViolations(page), []);

    await page.click('.mirror-footer >> text=Steun in de Voorbeeldregio');
    assert.equal(await page.textContent('h1'), 'Steun in de Voorbeeldregio');

    await page.goto(server.base + 'domeinen/thuissituatie.html');
    const note = page.locator('aside.local-note');
    assert.equal(await note.locator('h2').textContent(), 'In onze regio');
    assert.match(await note.textContent(), /een aanvulling van Samenwerkingsverband Voorbeeldregio; dit staat niet in de Wegwijzer zelf/i);
    // Set apart: its own dashed box, outside every recommendation.
    assert.equal(await note.evaluate((n) => getComputedStyle(n).borderTopStyle), 'dashed');
    assert.equal(await page.locator('.recommendation aside.local-note').count(), 0);
    assert.equal(await page.locator('.on-this-page a[href="#lokaal"]').textContent(), 'In onze regio');
    assert.deepEqual(await axeViolations(page), []);
    const rec = page.locator('#aanbeveling-3-1 .intervention-use', { hasText: 'Ouderpunt' });
    assert.match(await rec.textContent(), /Ouderpunt Voorbeeldregio lokaal aanbod\s+Het contact tussen school en ouders verbeteren\./);
    await note.locator('a', { hasText: 'Ouderpunt' }).click();
    assert.equal(await page.textContent('.eyebrow'), 'Lokaal aanbod van Samenwerkingsverband Voorbeeldregio');
    assert.match(await page.textContent('.facts'), /geen erkenning: lokaal aanbod/);

    await page.goto(server.base + 'interventies/index.html');
    const card = page.locator('.intervention-card--local');
    assert.equal(await card.count(), 1);
    assert.match(await card.textContent(), /Lokaal aanbod[\s\S]*Ouderpunt Voorbeeldregio/);
    assert.doesNotMatch(await card.textContent(), /erkend op/);
    // The host's name in the header does not push the layout sideways at 320 px.
    await page.setViewportSize({ width: 320, height: 640 });
    for (const path of ['index.html', 'domeinen/thuissituatie.html']) {
      await page.goto(server.base + path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${path} scrolls sideways by ${overflow}px at 320 px`);
    }
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(server.base + 'interventies/kanjertraining.html');
    assert.match(await page.textContent('aside.local-note'), /Vier scholen in de Voorbeeldregio/);
    assert.deepEqual(problems, []);
  } finally {
    await context.close();
    await server.close();
  }
});

/** Every link of the 404 page served for `missing`, and where each leads. */
async function followNotFoundLinks(context, base, missing) {
  const page = await context.newPage();
  const response = await page.goto(base + missing);
  assert.equal(response.status(), 404, missing);
  assert.equal(await page.textContent('h1'), 'Pagina niet gevonden');
  // Its own style, also at depth: the heading is not in the browser's default font size.
  const style = await page.evaluate(() => getComputedStyle(document.querySelector('.top')).backgroundColor);
  assert.equal(style, 'rgb(22, 63, 92)', `styled at ${missing}`);
  const hrefs = await page.$$eval('a[href]', (as) => as.map((a) => a.href));
  assert.equal(hrefs.length, 5);
  for (const href of hrefs) {
    assert.ok(href.startsWith(base), `${href} from ${missing} stays in the site ${base}`);
    const res = await page.request.get(href);
    assert.equal(res.status(), 200, `${href} from ${missing}`);
  }
  await page.click('text=Naar de 8 domeinen');
  assert.equal(page.url(), base + 'domeinen/index.html');
  assert.equal(await page.textContent('h1'), 'De 8 domeinen');
  await page.close();
}

for (const withAddress of [false, true]) {
  test(`the 404 page works at depths 0, 1 and 2 ${withAddress ? 'with' : 'without'} --site-url`, async () => {
    // The server comes first: with an address, the build needs its port.
    const folder = join(scratch, withAddress ? 'site-url' : 'no-site-url');
    await mkdir(folder, { recursive: true });
    const server = await serveDist('/school/wegwijzer/', folder);
    try {
      await rm(folder, { recursive: true, force: true });
      build(withAddress ? 'site-url' : 'no-site-url', ...(withAddress ? ['--site-url', server.base] : []));
      const context = await browser.newContext();
      for (const missing of ['weg.html', 'domeinen/weg.html', 'interventies/oud/weg.html']) {
        await followNotFoundLinks(context, server.base, missing);
      }
      // Readable without JavaScript too, at the site's root.
      const nojs = await browser.newContext({ javaScriptEnabled: false });
      const page = await nojs.newPage();
      await page.goto(server.base + 'bestaat-niet.html');
      await page.click('text=Naar de handleiding');
      assert.equal(page.url(), server.base + 'handleiding.html');
      await nojs.close();
      await context.close();
    } finally {
      await server.close();
    }
  });
}

/** A free port on 127.0.0.1. */
function freePort() {
  return new Promise((ok) => {
    const probe = createNetServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => ok(port));
    });
  });
}

/**
 * Real hosts, set up with exactly the 404 setting the README gives, each
 * run in the foreground from a config of its own (never as a service).
 */
const hosts = {
  nginx: {
    bin: '/usr/sbin/nginx',
    args: (dir) => ['-p', dir, '-c', join(dir, 'host.conf')],
    config: (dir, root, folder, port) => `
daemon off;
master_process off;
worker_processes 1;
pid ${join(dir, 'host.pid')};
error_log stderr;
events {}
http {
  include /etc/nginx/mime.types;
  access_log off;
  ${['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((n) => `${n}_temp_path ${join(dir, n)};`).join('\n  ')}
  server {
    listen 127.0.0.1:${port};
    root ${root};
    error_page 404 ${folder}404.html;
  }
}
`,
  },
  apache: {
    bin: '/usr/sbin/apache2',
    args: (dir) => ['-f', join(dir, 'host.conf'), '-DFOREGROUND'],
    // The README's line goes into .htaccess in the site's folder.
    htaccess: (folder) => `ErrorDocument 404 ${folder}404.html\n`,
    config: (dir, root, folder, port) => {
      const mod = (name) => `LoadModule ${name}_module /usr/lib/apache2/modules/mod_${name}.so`;
      return `
ServerRoot ${dir}
ServerName 127.0.0.1
Listen 127.0.0.1:${port}
PidFile ${join(dir, 'host.pid')}
Mutex file:${dir} default
ErrorLog ${join(dir, 'error.log')}
LogLevel error
User nobody
Group nogroup
${mod('mpm_prefork')}
${mod('authz_core')}
${mod('mime')}
${mod('dir')}
TypesConfig /etc/mime.types
DocumentRoot ${root}
<Directory ${root}>
  AllowOverride FileInfo
  Require all granted
</Directory>
`;
    },
  },
};

const log = (dir) => readFile(join(dir, 'error.log'), 'utf8').catch(() => '');

async function startHost(kind, root, folder) {
  const host = hosts[kind];
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), `wegwijzer-${kind}-`));
  await chmod(dir, 0o755);
  await writeFile(join(dir, 'host.conf'), host.config(dir, root, folder, port));
  if (host.htaccess) await writeFile(join(root, folder, '.htaccess'), host.htaccess(folder));
  // A process group of its own: Apache signals its whole group when it stops.
  const child = spawn(host.bin, host.args(dir), { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  let up = false;
  for (let i = 0; i < 100 && !up; i++) {
    up = await fetch(`http://127.0.0.1:${port}${folder}index.html`).then((r) => r.ok, () => false);
    if (child.exitCode !== null) throw new Error(`${kind} stopped: ${stderr}${await log(dir)}`);
    if (!up) await new Promise((ok) => setTimeout(ok, 100));
  }
  if (!up) throw new Error(`${kind} did not answer: ${stderr}${await log(dir)}`);
  return {
    base: `http://127.0.0.1:${port}${folder}`,
    close: async () => {
      child.kill();
      await new Promise((ok) => (child.exitCode !== null ? ok() : child.on('exit', ok)));
      await rm(dir, { recursive: true, force: true });
    },
  };
}

for (const kind of Object.keys(hosts)) {
  test(`behind ${kind}, set up as the README says, the 404 page works at every depth`, {
    skip: !existsSync(hosts[kind].bin) && `${kind} is not installed (scripts/setup installs it)`,
  }, async () => {
    const root = join(scratch, `${kind}-root`);
    build(join(`${kind}-root`, 'school', 'wegwijzer'));
    const server = await startHost(kind, root, '/school/wegwijzer/');
    const context = await browser.newContext();
    try {
      for (const missing of ['weg.html', 'domeinen/weg.html', 'interventies/oud/weg.html']) {
        await followNotFoundLinks(context, server.base, missing);
      }
    } finally {
      await context.close();
      await server.close();
    }
  });
}

test('the zip unpacks to exactly the site, which works from file://', async () => {
  const zipPath = join(scratch, 'pakket', 'wegwijzer.zip');
  const out = join(scratch, 'package-site');
  generate(['package', '--scorer', scorer, '--site', out, '--out', zipPath]);
  const entries = unzip(await readFile(zipPath));
  const unpacked = join(scratch, 'uitgepakt');
  for (const { name, data } of entries) {
    await mkdir(dirname(join(unpacked, name)), { recursive: true });
    await writeFile(join(unpacked, name), data);
  }
  // The same files and bytes as the built site, without the zip itself.
  const built = (await htmlFiles(out)).length;
  assert.equal((await htmlFiles(unpacked)).length, built);
  for (const { name, data } of entries) {
    assert.ok(data.equals(await readFile(join(out, name))), name);
  }
  assert.ok(!entries.some((e) => e.name === 'wegwijzer.zip'));

  const base = pathToFileURL(unpacked).href + '/';
  const context = await browser.newContext();
  const { pages, problems } = await crawl(context, base, base + 'index.html');
  assert.deepEqual(problems, []);
  assert.equal(pages.length, built - 1, 'every page but the 404 page is linked');
  // The one link an unpacked copy cannot follow is the zip; the page says so.
  const page = await context.newPage();
  await page.goto(base + 'zelf-hosten.html');
  assert.match(await page.textContent('.download'), /Heb je deze kopie zelf uit een zip gehaald, dan zit dat zip-bestand er niet in/);
  const problemsFlow = watch(page, (url) => url.startsWith(base));
  await startAndScore(page, base);
  assert.deepEqual(problemsFlow, []);
  await context.close();
});

test('after one visit the site works offline, and a rebuild shows on the next visit', async () => {
  const site = build('offline');
  const server = await serveDist('/offline/', site);
  const context = await browser.newContext();
  const page = await context.newPage();
  try {
    await page.goto(server.base + 'index.html');
    await page.waitForSelector('html[data-offline]');
    const cache = await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      // `ready` comes at 'activating'; the activate handler may still run.
      if (reg.active.state !== 'activated') {
        await new Promise((done) => reg.active.addEventListener('statechange', done, { once: true }));
      }
      return { scope: reg.scope, caches: await caches.keys(), preload: (await reg.navigationPreload.getState()).enabled };
    });
    assert.equal(cache.scope, server.base);
    // Network-first pages don't wait for the worker to wake up.
    assert.equal(cache.preload, true, 'navigation preload enabled');
    const sw = await readFile(join(site, 'sw.js'), 'utf8');
    const name = sw.match(/const CACHE = "([^"]+)"/)[1];
    assert.deepEqual(cache.caches, [name]);

    // Offline: the browser and the host are both gone.
    await context.setOffline(true);
    server.down = true;
    const pages = await htmlFiles(site);
    for (const path of pages) {
      await page.goto(server.base + path);
      const h1 = await page.textContent('h1');
      if (path !== '404.html') assert.notEqual(h1, 'Pagina niet gevonden', path);
      assert.ok(h1, path);
      // A traject page carries its scorer: cached with it, it starts offline.
      if (await page.$('script[data-wasm]')) await page.waitForSelector('body[data-scorer]', { timeout: 5000 });
    }
    await startAndScore(page, server.base);

    // Online again, after a rebuild with a changed text.
    const content = join(scratch, 'content-changed');
    await cp(join(repo, 'content'), content, { recursive: true });
    const privacy = join(content, 'paginas/privacy.md');
    await writeFile(privacy, (await readFile(privacy, 'utf8')).replace('## Wat we bewaren', '## Wat we bewaren (nieuw)'));
    generate(['build', '--scorer', scorer, '--content', content, '--out', site]);
    server.down = false;
    await context.setOffline(false);
    await page.goto(server.base + 'privacy.html');
    assert.equal(await page.textContent('#wat-we-bewaren-nieuw'), 'Wat we bewaren (nieuw)');
    // The new build replaces the old cache once it is complete.
    const newName = (await readFile(join(site, 'sw.js'), 'utf8')).match(/const CACHE = "([^"]+)"/)[1];
    assert.notEqual(newName, name);
    let keys = [];
    for (let i = 0; i < 100 && JSON.stringify(keys) !== JSON.stringify([newName]); i++) {
      await page.waitForTimeout(100);
      keys = await page.evaluate(() => caches.keys());
    }
    assert.deepEqual(keys, [newName], 'only the new build is kept');
    // The page that was open when the new build took over says so.
    await page.waitForSelector('#nieuwe-versie:not([hidden])');
    assert.match(await page.textContent('#nieuwe-versie'), /Er is een nieuwe versie van de Wegwijzer/);
    // The traject is untouched by any of this.
    assert.match(await page.evaluate(() => JSON.stringify(Object.keys(localStorage))), /wegwijzer/);
    await context.setOffline(true);
    server.down = true;
    await page.goto(server.base + 'privacy.html');
    assert.equal(await page.textContent('#wat-we-bewaren-nieuw'), 'Wat we bewaren (nieuw)');
  } finally {
    await context.close();
    await server.close();
  }
});

test('from file:// no service worker is registered', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(pathToFileURL(dist).href + '/index.html');
  await page.waitForLoadState('load');
  assert.equal(await page.evaluate(() => document.documentElement.hasAttribute('data-offline')), false);
  await context.close();
});
