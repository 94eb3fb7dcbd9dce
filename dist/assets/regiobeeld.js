/* The Regiobeeld's file plumbing: reads chosen or dropped files a batch at
   a time, so the page keeps responding, and keeps the set in IndexedDB on
   request (never in the localStorage trajecten need). Checks, figures and
   words are the scorer's (`region_*`, web/region.rs). */
(function () {
  'use strict';
  var input = document.getElementById('regio-bestanden');
  var zone = document.getElementById('regio-sleep');
  var keep = document.getElementById('regio-bewaren');
  if (!input || !zone || !keep) return;
  var LIMIT = Number(input.getAttribute('data-max-bytes'));
  var waiting = [];
  var busy = false;

  function scorer() {
    // The glue's `wasm_bindgen` is a global binding, not a property of window.
    return document.body.getAttribute('data-scorer') === 'klaar' ? wasm_bindgen : null; // eslint-disable-line no-undef
  }
  // Files chosen before the scorer has started wait for it.
  function whenReady(fn) {
    if (scorer()) return fn();
    new MutationObserver(function (l, o) {
      if (scorer()) { o.disconnect(); fn(); }
    }).observe(document.body, { attributes: true });
  }

  // Too large: never read, the scorer refuses it by its size. Unreadable: as empty.
  function bytesOf(f) {
    if (f.size > LIMIT) return Promise.resolve(new Uint8Array(0));
    return f.arrayBuffer().then(function (b) { return new Uint8Array(b); }, function () { return new Uint8Array(0); });
  }

  async function readAll() {
    if (busy) return;
    busy = true;
    var s = scorer();
    var total = waiting.length;
    var shown = performance.now();
    // A batch at a time: the reads overlap, and the page answers in between.
    for (var i = 0; i < waiting.length; i += 64) {
      var batch = waiting.slice(i, i + 64);
      var read = await Promise.all(batch.map(bytesOf));
      for (var j = 0; j < batch.length; j++) s.region_add(batch[j].name, batch[j].size, read[j], false);
      if (performance.now() - shown > 100) {
        s.region_progress(i + batch.length, total);
        await new Promise(function (ok) { setTimeout(ok, 0); });
        shown = performance.now();
      }
    }
    waiting = [];
    s.region_progress(total, total);
    busy = false;
    store();
  }

  function add(files) {
    for (var i = 0; i < files.length; i++) waiting.push(files[i]);
    whenReady(readAll);
  }
  input.addEventListener('change', function () { add(input.files); input.value = ''; });
  function over(on) { zone.classList.toggle('drop-zone--over', on); }
  zone.addEventListener('dragover', function (e) { e.preventDefault(); over(true); });
  zone.addEventListener('dragleave', function () { over(false); });
  zone.addEventListener('drop', function (e) {
    e.preventDefault();
    over(false);
    if (e.dataTransfer) add(e.dataTransfer.files);
  });

  // One record, the set as the scorer saves it, in a store of its own.
  function db(mode, fn) {
    return new Promise(function (ok, no) {
      if (!window.indexedDB) return no();
      var req = indexedDB.open('wegwijzer-regiobeeld', 1);
      req.onupgradeneeded = function () { req.result.createObjectStore('set'); };
      req.onerror = req.onblocked = no;
      req.onsuccess = function () {
        var tx = req.result.transaction('set', mode);
        var r = fn(tx.objectStore('set'));
        tx.oncomplete = function () { req.result.close(); ok(r.result); };
        tx.onerror = tx.onabort = function () { req.result.close(); no(); };
      };
    });
  }
  function said(state) { return function () { scorer().region_kept(state); }; }
  function store() {
    if (!keep.checked) return;
    var json = scorer().region_set_json();
    db('readwrite', function (os) { return json ? os.put(json, 'set') : os.delete('set'); })
      .then(said('bewaard'), said('mislukt'));
  }
  keep.addEventListener('change', function () {
    whenReady(function () {
      if (keep.checked) return store();
      db('readwrite', function (os) { return os.delete('set'); }).then(said('uit'), said('mislukt'));
    });
  });
  document.addEventListener('click', function (e) {
    // After the scorer has emptied the set on the same click.
    if (e.target.closest && e.target.closest('[data-action="region-clear"]')) setTimeout(function () { whenReady(store); }, 0);
  });

  // What an earlier visit kept comes back first.
  whenReady(function () {
    db('readonly', function (os) { return os.get('set'); }).then(function (json) {
      if (typeof json !== 'string' || !json) return;
      keep.checked = true;
      var bytes = new TextEncoder().encode(json);
      scorer().region_add('', bytes.length, bytes, true);
      scorer().region_progress(1, 1);
    }, function () { /* nothing kept, or no IndexedDB here */ });
  });
})();
