/* Starts the scorer. The generator writes it inline, last in <body>, right
   after the module's inline script (the site data, wasm-bindgen's glue and
   the module in base64): the parser runs both as it reaches them, with
   every element the scorer fills in already there, so the scorer starts
   then, before DOMContentLoaded and before a new tab's first layout, with
   no request of its own, over http(s) and from file:// alike. The globals'
   names come from this script's own tag (site-data's `assets`). */
(function () {
  'use strict';
  var tag = document.currentScript;
  // Marks for scripts/bench-scorer: loader, then start, decoded,
  // instantiated (compiled and instantiated) and ready.
  var mark = function (name) { if (window.performance && performance.mark) performance.mark('wegwijzer:' + name); };
  mark('loader');

  // Last in <body>, everything it needs is parsed; placed elsewhere by a
  // theme (or made async), it waits for the page.
  function whenParsed(fn) {
    var inBody = tag && document.body && document.body.contains(tag);
    if (document.readyState === 'loading' && !inBody) {
      document.addEventListener('DOMContentLoaded', fn);
    } else {
      fn();
    }
  }

  function fail() {
    var app = document.getElementById('app');
    if (app) app.hidden = true;
    var error = document.getElementById('scorer-fout');
    if (error) error.hidden = false;
  }

  function start() {
    mark('start');
    try {
      var data = window[tag.getAttribute('data-data')];
      var wasmName = tag.getAttribute('data-wasm');
      var b64 = window[wasmName];
      // The module's script did not arrive, or this browser lacks wasm.
      if (typeof WebAssembly !== 'object' || typeof wasm_bindgen === 'undefined' ||
          typeof b64 !== 'string' || typeof data !== 'string') {
        throw new Error('scorer not loaded');
      }
      var bytes = Uint8Array.fromBase64 ? Uint8Array.fromBase64(b64) : decode(b64);
      try { delete window[wasmName]; } catch (e) { /* only memory */ }
      mark('decoded');
      // A phone folds each domain's two descriptions, so the scale is in reach.
      if (window.matchMedia && window.matchMedia('(max-width: 40em)').matches) {
        var folds = document.querySelectorAll('details.extreme');
        for (var i = 0; i < folds.length; i++) folds[i].open = false;
      }
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

  // Last, so the plumbing above exists when the scorer boots.
  whenParsed(start);
})();
