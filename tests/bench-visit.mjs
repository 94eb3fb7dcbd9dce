// What a visit costs in bytes, for one or more built sites side by side (a
// script, not a test): meedoen.html's cold first load, a coordinator's cold
// pass traject → scoren → rapport → plan (each file counted once, as a
// browser cache that revalidates pays for it), and the offline precache,
// all gzip level 9 as a compressing host sends them. For comparing a build
// with the one before it:
//   node tests/bench-visit.mjs DIST [DIST …]
import { gzipSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { serveDist, launch } from './helpers.mjs';

const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const kb = (n) => `${(n / 1000).toFixed(1)} KB`;
const browser = await launch();
try {
  for (const root of process.argv.slice(2).map((d) => resolve(d))) {
    const server = await serveDist('/a/b/', root);
    const visit = async (paths) => {
      const context = await browser.newContext({ serviceWorkers: 'block' });
      const seen = new Map();
      for (const path of paths) {
        const page = await context.newPage();
        const responses = [];
        page.on('response', (r) => responses.push(r));
        await page.goto(server.base + path, { waitUntil: 'load' });
        await page.waitForSelector('body[data-scorer]');
        await page.waitForLoadState('networkidle');
        for (const r of responses) if (!seen.has(r.url())) seen.set(r.url(), gz(await r.body()));
        await page.close();
      }
      await context.close();
      return { bytes: [...seen.values()].reduce((a, b) => a + b, 0), files: seen.size };
    };
    const meedoen = await visit(['meedoen.html']);
    const pass = await visit(['traject.html', 'scoren.html', 'rapport.html', 'plan.html']);
    const sw = await readFile(join(root, 'sw.js'), 'utf8');
    let precache = 0;
    for (const f of JSON.parse(sw.match(/const FILES = (\[.*\]);/)[1])) precache += gz(await readFile(join(root, f)));
    console.log(`${root}: meedoen.html cold ${kb(meedoen.bytes)} (${meedoen.files} files); coordinator's pass ${kb(pass.bytes)} (${pass.files} files); precache ${kb(precache)}`);
    await server.close();
  }
} finally {
  await browser.close();
}
