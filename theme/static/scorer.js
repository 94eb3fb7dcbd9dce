/* Starts the scorer. The page is drawn first; then this loads the site
   data and the wasm-bindgen glue as classic scripts, and the module: over
   http(s) the .wasm itself with fetch(), from file:// (which forbids
   fetch) or when that fails a script with it in base64, decoded here.
   Then it boots the scorer. File names and globals come from this script's
   own tag (site-data's `assets`). */
(function () {
  'use strict';
  var tag = document.currentScript;
  // Marks for scripts/bench-scorer: start, decode, instantiate, boot.
  var mark = function (name) { if (window.performance && performance.mark) performance.mark('wegwijzer:' + name); };

  function fail() {
    var app = document.getElementById('app');
    if (app) app.hidden = true;
    var error = document.getElementById('scorer-fout');
    if (error) error.hidden = false;
  }

  function start() {
    mark('start');
    try {
      var wasm = module || window[tag.getAttribute('data-wasm')];
      var data = window[tag.getAttribute('data-data')];
      if (typeof WebAssembly !== 'object' || typeof wasm_bindgen === 'undefined' ||
          !wasm || typeof data !== 'string') {
        throw new Error('scorer not loaded');
      }
      // A phone folds each domain's two descriptions, so the scale is in reach.
      if (window.matchMedia && window.matchMedia('(max-width: 40em)').matches) {
        var folds = document.querySelectorAll('details.extreme');
        for (var i = 0; i < folds.length; i++) folds[i].open = false;
      }
      var bytes = typeof wasm !== 'string' ? wasm
        : Uint8Array.fromBase64 ? Uint8Array.fromBase64(wasm) : decode(wasm);
      mark('decoded');
      wasm_bindgen.initSync({ module: bytes });
      mark('instantiated');
      if (!wasm_bindgen.boot(data)) throw new Error('site data unreadable');
      mark('ready');
      var files = document.querySelectorAll('input[type="file"]');
      for (var k = 0; k < files.length; k++) files[k].addEventListener('change', importFile);
    } catch (e) {
      fail();
    }
  }

  // The module's bytes once fetched over http(s); null until then, or
  // when the base64 script brings them instead.
  var module = null;

  function addScript(src, done) {
    var s = document.createElement('script');
    s.async = false;
    s.src = src;
    s.onload = done;
    s.onerror = fail;
    document.head.appendChild(s);
  }

  // The page's own content paints first: the scorer's files are only
  // requested once it has been drawn, then download at once, all together;
  // the scripts run in order (async = false). The scorer starts when all
  // are in.
  function load() {
    var scripts = (tag.getAttribute('data-scripts') || '').split(' ').filter(Boolean);
    var left = scripts.length + 1;
    var done = function () { if (--left === 0) start(); };
    var bytesScript = function () { addScript(tag.getAttribute('data-bytes'), done); };
    for (var i = 0; i < scripts.length; i++) addScript(scripts[i], done);
    if (/^https?:$/.test(location.protocol) && window.fetch) {
      fetch(tag.getAttribute('data-module'))
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.arrayBuffer(); })
        .then(function (b) { module = new Uint8Array(b); done(); }, bytesScript);
    } else {
      bytesScript();
    }
    // The first touch of localStorage loads it synchronously (1–20 ms);
    // done now, it overlaps the download instead of delaying the boot.
    try { if (window.localStorage) window.localStorage.getItem(''); } catch (e) { /* the scorer says why */ }
  }
  requestAnimationFrame(function () { setTimeout(load, 0); });

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

  function decode(b64) {
    var text = atob(b64);
    var out = new Uint8Array(text.length);
    for (var j = 0; j < text.length; j++) out[j] = text.charCodeAt(j);
    return out;
  }
})();
