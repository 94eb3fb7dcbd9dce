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
const CACHE = {{ cache | json_encode() | safe }};
const FILES = {{ files | json_encode() | safe }};
const IMMUTABLE = new Set({{ immutable | json_encode() | safe }});

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
