/* Starts the scorer: decodes the inlined WebAssembly and hands it the site
   data. Classic scripts only, no fetch(): this must work from file://. */
(function () {
  'use strict';
  try {
    if (typeof WebAssembly !== 'object' || typeof wasm_bindgen === 'undefined' ||
        !window.WEGWIJZER_WASM || !window.WEGWIJZER_DATA) {
      throw new Error('scorer not loaded');
    }
    var text = atob(window.WEGWIJZER_WASM);
    var bytes = new Uint8Array(text.length);
    for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    wasm_bindgen.initSync({ module: bytes });
    wasm_bindgen.boot(JSON.stringify(window.WEGWIJZER_DATA));
  } catch (e) {
    var fail = document.getElementById('scorer-fout');
    if (fail) fail.hidden = false;
  }
})();
