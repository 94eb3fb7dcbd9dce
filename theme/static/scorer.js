/* Starts the scorer. The generator writes it at the end of each build's
   script (after the site data and wasm-bindgen's glue), which
   `scorer-start.js` adds to a traject page once the page is painted,
   while it compiles the module (digest-named, shared by every page of its
   build, cached) as the bytes stream in. This boots the scorer with that
   module once the page is parsed. From file://, which forbids fetch(), it
   loads the module's own classic script (base64) instead. The file names and
   globals come from this script's own tag (site-data's `assets`). */
(function () {
  'use strict';
  var tag = document.currentScript;
  // Marks for scripts/bench-scorer: loader, compiled (the module), ready.
  var mark = function (name) { if (window.performance && performance.mark) performance.mark('wegwijzer:' + name); };
  mark('loader');

  function fail() {
    var app = document.getElementById('app');
    if (app) app.hidden = true;
    var error = document.getElementById('scorer-fout');
    if (error) error.hidden = false;
  }

  // Once the whole page is parsed: at 'interactive', before the deferred
  // scripts and DOMContentLoaded, which the scorer needs neither of.
  function whenParsed(fn) {
    if (document.readyState !== 'loading') {
      fn();
      return;
    }
    document.addEventListener('readystatechange', function once() {
      document.removeEventListener('readystatechange', once);
      fn();
    });
  }

  function classicScript(src) {
    return new Promise(function (ok, no) {
      var s = document.createElement('script');
      s.src = src;
      s.onload = ok;
      s.onerror = no;
      document.head.appendChild(s);
    });
  }

  function decode(b64) {
    if (Uint8Array.fromBase64) return Uint8Array.fromBase64(b64);
    var text = atob(b64);
    var out = new Uint8Array(text.length);
    for (var j = 0; j < text.length; j++) out[j] = text.charCodeAt(j);
    return out;
  }

  // The module from file://: its classic script sets a global in base64.
  function fromFileScript() {
    var name = tag.getAttribute('data-wasm-global');
    return classicScript(tag.getAttribute('data-file')).then(function () {
      var bytes = decode(window[name]);
      try { delete window[name]; } catch (e) { /* only memory */ }
      return WebAssembly.compile(bytes);
    });
  }

  // Over http(s): `scorer-start.js` began compiling the module while this
  // script was on its way. Unreachable (offline, no worker yet): the
  // module's script still may be.
  function fromNetwork() {
    var name = tag.getAttribute('data-compiling');
    var compiling = window[name];
    try { delete window[name]; } catch (e) { /* only memory */ }
    return (compiling || Promise.reject(new Error('not compiling'))).catch(fromFileScript);
  }

  // Start-up work that may share one task (milliseconds): on a phone four
  // times slower than the device that took it, a task over ~12 ms becomes
  // one over 50 ms, which holds up a tap.
  var SLICE_MS = 5;

  // The next task, unthrottled in a hidden tab (unlike a timer).
  function later(fn) {
    var channel = new MessageChannel();
    channel.port1.onmessage = function () { channel.port1.close(); fn(); };
    channel.port2.postMessage(0);
  }

  // After the next frame is laid out; a hidden tab draws no frames.
  function afterFrame(fn) {
    var done = false;
    var go = function () { if (!done) { done = true; later(fn); } };
    if (window.requestAnimationFrame && !document.hidden) requestAnimationFrame(go);
    setTimeout(go, 100);
  }

  // The DOM writes a fill step queued (scorer-wasm's writes.rs and
  // web/queue.rs): four fields each, every field its length, ':' and its
  // text. Made here, with none of the module's frames under them, which a
  // profiler or Lighthouse records for every change. What an element
  // already shows is left alone (markup only when it stays empty, as in
  // web/mod.rs).
  function apply(s) {
    var w = [];
    for (var at = 0; at < s.length;) {
      var colon = s.indexOf(':', at);
      if (colon < 0) break;
      var n = Number(s.slice(at, colon));
      w.push(s.slice(colon + 1, colon + 1 + n));
      at = colon + 1 + n;
    }
    for (var i = 0; i + 3 < w.length; i += 4) {
      var el = document.getElementById(w[i + 1]);
      var a = w[i + 2];
      var b = w[i + 3];
      if (!el) continue;
      switch (w[i]) {
        case 't': if (el.textContent !== a) el.textContent = a; break;
        case 'h': if (a !== '' || el.hasChildNodes()) el.innerHTML = a; break;
        case 'a': if (el.getAttribute(a) !== b) el.setAttribute(a, b); break;
        case 'r': if (el.hasAttribute(a)) el.removeAttribute(a); break;
        case 'f': if (el.focus) el.focus(); break;
        case 'c': if ('checked' in el && el.checked !== (a !== '')) el.checked = a !== ''; break;
      }
    }
  }

  // Fills the page in; `ready` once it is usable. Long sections further
  // down follow, a frame each, and then `data-scorer` says it is whole.
  function fillIn() {
    step(wasm_bindgen.fill, true);
  }

  // One step of the fill; the next, if it says there is one, after a frame.
  function step(fill, first) {
    try {
      var more = fill();
      apply(wasm_bindgen.writes());
      if (first) mark('ready');
      if (more) afterFrame(function () { step(wasm_bindgen.fill_next, false); });
      // For tests and tools: the page is whole, its writes made.
      else document.body.setAttribute('data-scorer', 'klaar');
    } catch (e) {
      // What the step queued before it stopped; the page says it failed.
      try { apply(wasm_bindgen.writes()); } catch (e2) { /* failing anyway */ }
      fail();
    }
  }

  function boot(module) {
    try {
      var data = window[tag.getAttribute('data-data')];
      if (typeof wasm_bindgen === 'undefined' || typeof data !== 'string') throw new Error('scorer not loaded');
      // A phone folds each domain's two descriptions, so the scale is in reach.
      if (window.matchMedia && window.matchMedia('(max-width: 40em)').matches) {
        var folds = document.querySelectorAll('details.extreme');
        for (var i = 0; i < folds.length; i++) folds[i].open = false;
      }
      var started = Date.now();
      wasm_bindgen.initSync({ module: module });
      if (!wasm_bindgen.boot(data)) throw new Error('site data unreadable');
      // A device that spent a while starting fills the page in a task of
      // its own, so neither task holds up a tap for long. Before the first
      // paint (a cached build on a warm navigation) only a slow one does:
      // then that paint shows the page filled in.
      var painted = window.performance && performance.getEntriesByType && performance.getEntriesByType('paint').length > 0;
      if (Date.now() - started > (painted ? SLICE_MS : 2 * SLICE_MS)) later(fillIn);
      else fillIn();
      // One file at a time; the Regiobeeld's many are regiobeeld.js's.
      var files = document.querySelectorAll('input[type="file"]:not([multiple])');
      for (var k = 0; k < files.length; k++) files[k].addEventListener('change', importFile);
    } catch (e) {
      fail();
    }
  }

  function start() {
    if (typeof WebAssembly !== 'object') {
      whenParsed(fail);
      return;
    }
    var compiled = location.protocol === 'file:' ? fromFileScript() : fromNetwork();
    compiled.then(function (module) {
      mark('compiled');
      whenParsed(function () { boot(module); });
    }, function () { whenParsed(fail); });
  }

  // Browser plumbing the scorer calls or is fed by; the logic stays in it.
  window.wegwijzerDownload = function (name, mime, text) {
    var url = URL.createObjectURL(new Blob([text], { type: mime }));
    var a = document.createElement('a');
    a.href = url;
    a.download = name;
    a.click();
    setTimeout(function () { URL.revokeObjectURL(url); }, 0);
  };

  window.wegwijzerPageUrl = function (page) {
    var meta = document.querySelector('meta[name="wegwijzer-adres"]');
    var base = meta && meta.content ? meta.content.replace(/\/?$/, '/')
      : location.href.split(/[#?]/)[0].replace(/[^/]*$/, '');
    return base + page;
  };

  window.wegwijzerCopy = function (text, ok, failed) {
    var say = function (m) { var s = document.getElementById('melding'); if (s) s.textContent = m; };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { say(ok); }, function () { say(failed); });
    } else {
      say(failed);
    }
  };

  function importFile(e) {
    var f = e.target.files[0];
    e.target.value = '';
    var from = e.target.id;
    if (!f || !wasm_bindgen.import_size_ok(f.size)) return;
    f.text().then(function (text) { wasm_bindgen.import_text(text, from); });
  }

  // Last, so the plumbing above exists when the scorer boots.
  start();
})();
