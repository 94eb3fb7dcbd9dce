// Keeps the Wegwijzer working offline after a first visit over http(s).
// Written by the generator: the cache is named after a digest of every file
// of this build, so a new build gets a new cache and never mixes with an
// old one. Online, every request goes to the network first, so a new build
// is what a reader sees; offline, the complete cache of the newest build
// that finished installing answers. The scorer's files are named after
// their content (IMMUTABLE): those the cache answers first, so a page never
// waits for the network for a module it already has; where the browser
// has static routes, it answers them from the cache itself, without waking
// this worker (on a phone, that can take longer than reading the file).
// Trajecten live in localStorage and are never touched here.
'use strict';
const CACHE = "wegwijzer-fb1833bbbf4d3968";
const FILES = ["404.html","assets/nojs.css","assets/offline.js","assets/print.js","assets/regiobeeld.js","assets/scorer-coordinator-39313e6ae3d41cb0.js","assets/scorer-coordinator-39313e6ae3d41cb0.wasm","assets/scorer-participant-dfdbd1e7fa12d5a2.js","assets/scorer-participant-dfdbd1e7fa12d5a2.wasm","assets/scorer-start-5b6391a2cfc66cf4.js","assets/search-index.js","assets/search.js","assets/site.css","assets/tab-memory.js","boekje.html","colofon.html","definities.html","domeinen/index.html","domeinen/leervaardigheden-motivatie-toekomstperspectief.html","domeinen/mentaal-kapitaal.html","domeinen/onderwijs-en-maatschappij.html","domeinen/relatie-met-klasgenoten.html","domeinen/samenwerking.html","domeinen/schoolklimaat.html","domeinen/sensitief-doceren.html","domeinen/thuissituatie.html","handleiding.html","index.html","interventies/index.html","interventies/kanjertraining.html","interventies/legspedition.html","interventies/mazl.html","interventies/mentorlessen-over-stress.html","interventies/nji-toolkit-ouderbetrokkenheid.html","interventies/ouderbetrokkenheid.html","interventies/school-wide-positive-behavior-support.html","links.html","meedoen.html","plan.html","privacy.html","rapport.html","regiobeeld.html","scoren.html","systeembenadering.html","toegankelijkheid.html","traject.html","verantwoording.html","werkblad-leerlingen.html","werkblad-ouders.html","werkblad.html","zelf-hosten.html"];
const IMMUTABLE = new Set(["assets/scorer-coordinator-39313e6ae3d41cb0.js","assets/scorer-coordinator-39313e6ae3d41cb0.wasm","assets/scorer-participant-dfdbd1e7fa12d5a2.js","assets/scorer-participant-dfdbd1e7fa12d5a2.wasm","assets/scorer-start-5b6391a2cfc66cf4.js"]);

self.addEventListener('install', (event) => {
  routeImmutable(event);
  // All or nothing: addAll fails when one file fails, and the old cache stays.
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(FILES.map((f) => new Request(f, { cache: 'reload' }))))
      .then(() => self.skipWaiting()),
  );
});

// Each IMMUTABLE file straight from this build's cache; one it lacks goes
// to the network. An address relative to this script, so the site works
// from any subfolder. Only a speed-up: a browser that refuses the routes
// still has the fetch handler below.
function routeImmutable(event) {
  if (typeof event.addRoutes !== 'function' || IMMUTABLE.size === 0) return;
  const rules = [...IMMUTABLE].map((path) => ({
    condition: { urlPattern: path, requestMethod: 'GET' },
    source: { cacheName: CACHE },
  }));
  try {
    event.waitUntil(Promise.resolve(event.addRoutes(rules)).catch(() => {}));
  } catch (e) {
    // A browser whose routes read these rules otherwise: the handler serves.
  }
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    // Navigation preload: the page's request starts while this worker is
    // still waking up, so network-first costs a page no extra round trip.
    (self.registration.navigationPreload ? self.registration.navigationPreload.enable() : Promise.resolve())
      .then(() => caches.keys())
      .then((keys) => Promise.all(
        keys.filter((k) => k.startsWith('wegwijzer-') && k !== CACHE).map((k) => caches.delete(k)),
      ))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  const path = request.url.startsWith(self.registration.scope) ? request.url.slice(self.registration.scope.length) : '';
  if (IMMUTABLE.has(path)) {
    event.respondWith(fromCache(request).then((hit) => (hit.type === 'error' ? fetch(request) : hit)));
    return;
  }
  event.respondWith(
    fromNetwork(event).catch(() => fromCache(request)),
  );
});

async function fromNetwork(event) {
  const preloaded = await event.preloadResponse;
  return preloaded || fetch(event.request);
}

async function fromCache(request) {
  const cache = await caches.open(CACHE);
  const url = new URL(request.url);
  url.search = '';
  url.hash = '';
  // A folder's address is its index.html.
  if (url.pathname.endsWith('/')) url.pathname += 'index.html';
  const hit = await cache.match(url.href);
  if (hit) return hit;
  if (request.mode === 'navigate') {
    const missing = await cache.match(new URL('404.html', self.registration.scope).href);
    if (missing) return missing;
  }
  return Response.error();
}
