// Search speed (a script, not a test): loads a built site's search index
// and search.js into Node as the browser would (classic scripts on
// `window`), and times queries. Median of N runs per query.
//   node tests/bench-search.mjs DIST [runs]
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import vm from 'node:vm';

const dist = process.argv[2];
const runs = Number(process.argv[3] ?? 25);
const window = {};
const context = vm.createContext({ window, document: { querySelector: () => null } });
vm.runInContext(await readFile(join(dist, 'assets', 'search-index.js'), 'utf8'), context);
vm.runInContext(await readFile(join(dist, 'assets', 'search.js'), 'utf8'), context);
const index = window.WEGWIJZER_ZOEK;
const { search, snippet } = window.WegwijzerSearch;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
console.log(`index: ${index.length} entries`);
// The first query also folds every entry once; it is timed on its own.
let t = performance.now();
search(index, 'verzuim', 8);
console.log(`first query (folds the index once): ${(performance.now() - t).toFixed(1)} ms`);
for (const q of ['verzuim', '3.2', 'reele', 'Kanjer', 'school stress', 'zzzz']) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    t = performance.now();
    const found = search(index, q, 8);
    for (const e of found) snippet(e, q);
    times.push(performance.now() - t);
  }
  console.log(`query “${q}”: median ${median(times).toFixed(2)} ms (${runs} runs)`);
}
