/* Starts the scorer: decodes the inlined WebAssembly and hands it the site
   data. Classic scripts only, no fetch(): this must work from file://.
   The globals' names come from this script tag (site-data's `assets`). */
(function () {
  'use strict';
  var tag = document.currentScript;
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
    wasm_bindgen.initSync({ module: bytes });
    wasm_bindgen.boot(data);
    var file = document.getElementById('import-bestand');
    if (file) file.addEventListener('change', importFile);
  } catch (e) {
    var fail = document.getElementById('scorer-fout');
    if (fail) fail.hidden = false;
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
