/* Starts the scorer. Classic scripts only, no fetch(): this must work from
   file://. The page is drawn first; then this loads the site data, the
   wasm-bindgen glue and the module (base64, decoded here), and boots it.
   The scripts and the globals' names come from this script's own tag
   (site-data's `assets`). */
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
      var wasm = window[tag.getAttribute('data-wasm')];
      var data = window[tag.getAttribute('data-data')];
      if (typeof WebAssembly !== 'object' || typeof wasm_bindgen === 'undefined' ||
          typeof wasm !== 'string' || typeof data !== 'string') {
        throw new Error('scorer not loaded');
      }
      // A phone folds each domain's two descriptions, so the scale is in reach.
      if (window.matchMedia && window.matchMedia('(max-width: 40em)').matches) {
        var folds = document.querySelectorAll('details.extreme');
        for (var i = 0; i < folds.length; i++) folds[i].open = false;
      }
      var bytes = Uint8Array.fromBase64 ? Uint8Array.fromBase64(wasm) : decode(wasm);
      mark('decoded');
      wasm_bindgen.initSync({ module: bytes });
      mark('instantiated');
      if (!wasm_bindgen.boot(data)) throw new Error('site data unreadable');
      mark('ready');
      var file = document.getElementById('import-bestand');
      if (file) file.addEventListener('change', importFile);
    } catch (e) {
      fail();
    }
  }

  // The page's own content paints first: the scorer's scripts are only
  // requested once it has been drawn, then download at once, all together,
  // and run in order (async = false). The scorer starts when they are in.
  function load() {
    var scripts = (tag.getAttribute('data-scripts') || '').split(' ').filter(Boolean);
    var left = scripts.length;
    if (!left) { start(); return; }
    for (var i = 0; i < scripts.length; i++) {
      var s = document.createElement('script');
      s.async = false;
      s.src = scripts[i];
      s.onload = function () { if (--left === 0) start(); };
      s.onerror = fail;
      document.head.appendChild(s);
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

  function importFile(e) {
    var f = e.target.files[0];
    e.target.value = '';
    if (!f || !wasm_bindgen.import_size_ok(f.size)) return;
    f.text().then(wasm_bindgen.import_text);
  }

  function decode(b64) {
    var text = atob(b64);
    var out = new Uint8Array(text.length);
    for (var j = 0; j < text.length; j++) out[j] = text.charCodeAt(j);
    return out;
  }
})();
