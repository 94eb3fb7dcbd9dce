/* Starts the scorer. This script is deferred: it runs as the page
   finishes parsing and asks for the scorer's files at once: the site data
   and the wasm-bindgen glue as classic scripts, and the module: over
   http(s) the .wasm itself with fetch(), compiled off the main thread
   while it streams in, from file:// (which forbids fetch) or when that
   fails a script with it in base64. The scorer boots once all of that is
   done. File names and globals come from this script's own tag
   (site-data's `assets`). */
(function () {
  'use strict';
  var tag = document.currentScript;
  // Marks for scripts/bench-scorer: compiled (off the critical path),
  // then start, instantiated and ready on the main thread.
  var mark = function (name) { if (window.performance && performance.mark) performance.mark('wegwijzer:' + name); };
  mark('loader');

  // What needs the page waits for it (also if this script is made async).
  function whenParsed(fn) {
    if (document.readyState === 'loading') {
      document.addEventListener('DOMContentLoaded', fn);
    } else {
      fn();
    }
  }

  function fail() {
    whenParsed(function () {
      var app = document.getElementById('app');
      if (app) app.hidden = true;
      var error = document.getElementById('scorer-fout');
      if (error) error.hidden = false;
    });
  }

  // The compiled module, once in.
  var module = null;

  function start() {
    mark('start');
    try {
      var data = window[tag.getAttribute('data-data')];
      if (typeof WebAssembly !== 'object' || typeof wasm_bindgen === 'undefined' ||
          !module || typeof data !== 'string') {
        throw new Error('scorer not loaded');
      }
      // A phone folds each domain's two descriptions, so the scale is in reach.
      if (window.matchMedia && window.matchMedia('(max-width: 40em)').matches) {
        var folds = document.querySelectorAll('details.extreme');
        for (var i = 0; i < folds.length; i++) folds[i].open = false;
      }
      wasm_bindgen.initSync({ module: module });
      mark('instantiated');
      if (!wasm_bindgen.boot(data)) throw new Error('site data unreadable');
      mark('ready');
      var files = document.querySelectorAll('input[type="file"]');
      for (var k = 0; k < files.length; k++) files[k].addEventListener('change', importFile);
    } catch (e) {
      fail();
    }
  }

  function addScript(src, done) {
    var s = document.createElement('script');
    s.async = false;
    s.src = src;
    s.onload = done;
    s.onerror = fail;
    document.head.appendChild(s);
  }

  // Scripts run in order (async = false); the scorer starts when every
  // file is in, the module is compiled and the page is parsed.
  function load() {
    var scripts = (tag.getAttribute('data-scripts') || '').split(' ').filter(Boolean);
    var left = scripts.length + 2;
    var done = function () { if (--left === 0) start(); };
    var compiled = function (m) { module = m; mark('compiled'); done(); };
    var compile = function (bytes) { WebAssembly.compile(bytes).then(compiled, fail); };
    var bytesScript = function () {
      addScript(tag.getAttribute('data-bytes'), function () {
        var b64 = window[tag.getAttribute('data-wasm')];
        if (typeof b64 !== 'string') return fail();
        compile(Uint8Array.fromBase64 ? Uint8Array.fromBase64(b64) : decode(b64));
      });
    };
    for (var i = 0; i < scripts.length; i++) addScript(scripts[i], done);
    if (typeof WebAssembly !== 'object') {
      done(); // start() says the scorer could not start
    } else if (/^https?:$/.test(location.protocol) && window.fetch) {
      fetch(tag.getAttribute('data-module')).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        // Compiled while it streams in; a host that serves .wasm under
        // another type makes compileStreaming refuse it: then the bytes.
        var copy = r.clone();
        return (WebAssembly.compileStreaming ? WebAssembly.compileStreaming(r) : Promise.reject())
          .then(compiled, function () { return copy.arrayBuffer().then(function (b) { compile(new Uint8Array(b)); }); });
      }).then(null, bytesScript);
    } else {
      bytesScript();
    }
    whenParsed(function () {
      // The first touch of localStorage loads it synchronously (1–20 ms):
      // a task of its own once the page is parsed, not a part of the boot.
      setTimeout(function () {
        try { if (window.localStorage) window.localStorage.getItem(''); } catch (e) { /* the scorer says why */ }
        done();
      }, 0);
    });
  }
  load();

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
