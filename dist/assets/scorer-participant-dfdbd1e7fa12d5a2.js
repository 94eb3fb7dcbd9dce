// The Wegwijzer's scorer, the participant build: site data, wasm-bindgen's glue, the loader.
window.WEGWIJZER_DATA = "{\"version\":2,\"domains\":[{\"number\":1,\"title\":\"Onderwijs en maatschappij\"},{\"number\":2,\"title\":\"Schoolklimaat\"},{\"number\":3,\"title\":\"Thuissituatie\"},{\"number\":4,\"title\":\"Sensitief doceren\"},{\"number\":5,\"title\":\"Relatie met klasgenoten\"},{\"number\":6,\"title\":\"Mentaal kapitaal\"},{\"number\":7,\"title\":\"Leervaardigheden, motivatie & toekomstperspectief\"},{\"number\":8,\"title\":\"Samenwerking\"}]}";
let wasm_bindgen=function(n){let t;function e(){const n={__proto__:null,cd:function(n){return void 0===n},cc:function(n,t){const e="string"==typeof t?t:void 0;var o=_(e)?0:b(e,y.__wbindgen_malloc,y.__wbindgen_realloc),r=p;u().setInt32((n>>>0)+4,r,!0),u().setInt32((n>>>0)+0,o,!0)},cb:function(n,t){throw new Error(a(n,t))},h:function(n){const t=n.activeElement;return _(t)?0:r(t)},ak:function(){return f(function(n,t,e,o,r){n.addEventListener(a(t,e),o,0!==r)},arguments)},ah:function(){return f(function(n,t,e,o){n.addEventListener(a(t,e),o)},arguments)},w:function(n){const t=n.body;return _(t)?0:r(t)},v:function(n){n.close()},ab:function(){return f(function(n,t,e){const o=n.closest(a(t,e));return _(o)?0:r(o)},arguments)},ar:function(n){const t=n.document;return _(t)?0:r(t)},n:function(){return f(function(n){n.focus()},arguments)},ad:function(n,t,e,o){const r=t.getAttribute(a(e,o));var c=_(r)?0:b(r,y.__wbindgen_malloc,y.__wbindgen_realloc),i=p;u().setInt32((n>>>0)+4,i,!0),u().setInt32((n>>>0)+0,c,!0)},bm:function(n){return n.getDate()},p:function(n,t,e){const o=n.getElementById(a(t,e));return _(o)?0:r(o)},bn:function(n){return n.getFullYear()},bo:function(n){return n.getHours()},aj:function(){return f(function(n,t,e,o){const r=t.getItem(a(e,o));var c=_(r)?0:b(r,y.__wbindgen_malloc,y.__wbindgen_realloc),i=p;u().setInt32((n>>>0)+4,i,!0),u().setInt32((n>>>0)+0,c,!0)},arguments)},bp:function(n){return n.getMinutes()},bq:function(n){return n.getMonth()},br:function(n){return n.getTime()},an:function(n,t){const e=n[t>>>0];return _(e)?0:r(e)},bv:function(){return f(function(n,t){return Reflect.get(n,t)},arguments)},ae:function(n,t,e){return n.hasAttribute(a(t,e))},y:function(n){return n.hasChildNodes()},ax:function(){return f(function(n,t){const e=b(t.hash,y.__wbindgen_malloc,y.__wbindgen_realloc),o=p;u().setInt32((n>>>0)+4,o,!0),u().setInt32((n>>>0)+0,e,!0)},arguments)},aw:function(n,t){const e=b(t.id,y.__wbindgen_malloc,y.__wbindgen_realloc),o=p;u().setInt32((n>>>0)+4,o,!0),u().setInt32((n>>>0)+0,e,!0)},bc:function(n){let t;try{t=n instanceof Element}catch(n){t=!1}return t},bg:function(n){let t;try{t=n instanceof HTMLDialogElement}catch(n){t=!1}return t},bd:function(n){let t;try{t=n instanceof HTMLElement}catch(n){t=!1}return t},bf:function(n){let t;try{t=n instanceof HTMLInputElement}catch(n){t=!1}return t},bh:function(n){let t;try{t=n instanceof HTMLSelectElement}catch(n){t=!1}return t},bi:function(n){let t;try{t=n instanceof HTMLTextAreaElement}catch(n){t=!1}return t},be:function(n){let t;try{t=n instanceof StorageEvent}catch(n){t=!1}return t},bb:function(n){let t;try{t=n instanceof Window}catch(n){t=!1}return t},bt:function(n,t){return Object.is(n,t)},aq:function(n,t){const e=t.key;var o=_(e)?0:b(e,y.__wbindgen_malloc,y.__wbindgen_realloc),r=p;u().setInt32((n>>>0)+4,r,!0),u().setInt32((n>>>0)+0,o,!0)},ag:function(n){return n.length},af:function(){return f(function(n){return n.length},arguments)},q:function(){return f(function(n){const t=n.localStorage;return _(t)?0:r(t)},arguments)},au:function(n){return n.location},as:function(){return f(function(n,t){const e=b(t.name,y.__wbindgen_malloc,y.__wbindgen_realloc),o=p;u().setInt32((n>>>0)+4,o,!0),u().setInt32((n>>>0)+0,e,!0)},arguments)},bk:function(){return new Date},bj:function(n){return new Date(n)},bl:function(){return Date.now()},av:function(){return f(function(n,t){const e=b(t.pathname,y.__wbindgen_malloc,y.__wbindgen_realloc),o=p;u().setInt32((n>>>0)+4,o,!0),u().setInt32((n>>>0)+0,e,!0)},arguments)},az:function(n){n.preventDefault()},o:function(){return f(function(n){n.print()},arguments)},am:function(){return f(function(n,t){const e=b(t.protocol,y.__wbindgen_malloc,y.__wbindgen_realloc),o=p;u().setInt32((n>>>0)+4,o,!0),u().setInt32((n>>>0)+0,e,!0)},arguments)},t:function(){return f(function(n,t,e){return n.querySelectorAll(a(t,e))},arguments)},f:function(){return f(function(n,t,e){const o=n.querySelector(a(t,e));return _(o)?0:r(o)},arguments)},s:function(){return f(function(n,t,e){const o=n.querySelector(a(t,e));return _(o)?0:r(o)},arguments)},bu:function(){return Math.random()},g:function(){return f(function(n,t,e){n.removeAttribute(a(t,e))},arguments)},ao:function(){return f(function(n,t,e){n.removeItem(a(t,e))},arguments)},m:function(n){n.select()},r:function(){return f(function(n){const t=n.sessionStorage;return _(t)?0:r(t)},arguments)},i:function(){return f(function(n,t,e,o,r){n.setAttribute(a(t,e),a(o,r))},arguments)},ap:function(){return f(function(n,t,e,o,r){n.setItem(a(t,e),a(o,r))},arguments)},bw:function(){return f(function(n,t,e){return Reflect.set(n,t,e)},arguments)},aa:function(n,t){n.checked=0!==t},ay:function(){return f(function(n,t,e){n.hash=a(t,e)},arguments)},z:function(n,t,e){n.innerHTML=a(t,e)},at:function(){return f(function(n,t,e){n.name=a(t,e)},arguments)},u:function(n,t,e){n.textContent=0===t?void 0:a(t,e)},e:function(n,t,e){n.value=a(t,e)},l:function(n,t,e){n.value=a(t,e)},x:function(){return f(function(n){n.showModal()},arguments)},bx:function(){const n="undefined"==typeof globalThis?void 0:globalThis;return _(n)?0:r(n)},bz:function(){const n="undefined"==typeof global?void 0:global;return _(n)?0:r(n)},by:function(){const n="undefined"==typeof self?void 0:self;return _(n)?0:r(n)},ca:function(){const n="undefined"==typeof window?void 0:window;return _(n)?0:r(n)},al:function(n){const t=n.target;return _(t)?0:r(t)},ba:function(n,t){const e=t.textContent;var o=_(e)?0:b(e,y.__wbindgen_malloc,y.__wbindgen_realloc),r=p;u().setInt32((n>>>0)+4,r,!0),u().setInt32((n>>>0)+0,o,!0)},bs:function(n){return n.toISOString()},j:function(n,t){const e=b(t.type,y.__wbindgen_malloc,y.__wbindgen_realloc),o=p;u().setInt32((n>>>0)+4,o,!0),u().setInt32((n>>>0)+0,e,!0)},ai:function(n,t){const e=b(t.type,y.__wbindgen_malloc,y.__wbindgen_realloc),o=p;u().setInt32((n>>>0)+4,o,!0),u().setInt32((n>>>0)+0,e,!0)},ac:function(n,t){const e=b(t.value,y.__wbindgen_malloc,y.__wbindgen_realloc),o=p;u().setInt32((n>>>0)+4,o,!0),u().setInt32((n>>>0)+0,e,!0)},k:function(n,t){const e=b(t.value,y.__wbindgen_malloc,y.__wbindgen_realloc),o=p;u().setInt32((n>>>0)+4,o,!0),u().setInt32((n>>>0)+0,e,!0)},d:function(n,t){const e=b(t.value,y.__wbindgen_malloc,y.__wbindgen_realloc),o=p;u().setInt32((n>>>0)+4,o,!0),u().setInt32((n>>>0)+0,e,!0)},a:function(n,t,e,o,r,c){wegwijzerCopy(a(n,t),a(e,o),a(r,c))},b:function(n,t,e,o,r,c){wegwijzerDownload(a(n,t),a(e,o),a(r,c))},c:function(n,t,e){const o=b(wegwijzerPageUrl(a(t,e)),y.__wbindgen_malloc,y.__wbindgen_realloc),r=p;u().setInt32((n>>>0)+4,r,!0),u().setInt32((n>>>0)+0,o,!0)},cf:function(n,t){const e=function(n,t,e){const o={a:n,b:t,cnt:1},r=(...n)=>{o.cnt++;try{return e(o.a,o.b,...n)}finally{r._wbg_cb_unref()}};return r._wbg_cb_unref=()=>{0===--o.cnt&&(y.__wbindgen_destroy_closure(o.a,o.b),o.a=0,c.unregister(o))},c.register(r,o,o),r}(n,t,o);return e},cg:function(n,t){return a(n,t)},ce:function(){const n=y.__wbindgen_externrefs;n.set(0,void 0),n.set(1024,void 0),n.set(1025,null),n.set(1026,!0),n.set(1027,!1)}};return{__proto__:null,a:n}}function o(n,t,e){y.wasm_bindgen_649005b942cbbe1b___convert__closures_____invoke___web_sys_246574abc51a1143___features__gen_Event__Event______true_(n,t,e)}function r(n){const t=y.__externref_table_alloc();return y.__wbindgen_externrefs.set(t,n),t}"undefined"!=typeof document&&null!==document.currentScript&&(t=new URL(document.currentScript.src,location.href).toString()),n.boot=function(n){const t=b(n,y.__wbindgen_malloc,y.__wbindgen_realloc),e=p;return 0!==y.boot(t,e)},n.fill=function(){return 0!==y.fill()},n.fill_next=function(){return 0!==y.fill_next()},n.import_size_ok=function(n){return 0!==y.import_size_ok(n)},n.import_text=function(n,t){let e,o,r,c;try{e=b(n,y.__wbindgen_malloc,y.__wbindgen_realloc),o=p,r=b(t,y.__wbindgen_malloc,y.__wbindgen_realloc),c=p}catch(n){throw r&&y.__wbindgen_free(r,1*c,1),e&&y.__wbindgen_free(e,1*o,1),n}y.import_text(e,o,r,c)},n.writes=function(){let n,t;try{const e=y.writes();return n=e[0],t=e[1],a(e[0],e[1])}finally{y.__wbindgen_free(n,t,1)}};const c="undefined"==typeof FinalizationRegistry?{register:()=>{},unregister:()=>{}}:new FinalizationRegistry(n=>y.__wbindgen_destroy_closure(n.a,n.b));let i=null;function u(){return(null===i||!0===i.buffer.detached||void 0===i.buffer.detached&&i.buffer!==y.memory.buffer)&&(i=new DataView(y.memory.buffer)),i}function a(n,t){return n>>>=0,e=l().subarray(n,n+t),d.decode(e);var e}let s=null;function l(){return null!==s&&0!==s.byteLength||(s=new Uint8Array(y.memory.buffer)),s}function f(n,t){try{return n.apply(this,t)}catch(n){const t=r(n);y.__wbindgen_exn_store(t)}}function _(n){return null==n}function b(n,t,e){if(void 0===e){const e=g.encode(n),o=t(e.length,1)>>>0;return l().subarray(o,o+e.length).set(e),p=e.length,o}let o=n.length,r=t(o,1)>>>0;const c=l();let i=0;for(;i<o;i++){const t=n.charCodeAt(i);if(t>127)break;c[r+i]=t}if(i!==o){0!==i&&(n=n.slice(i)),r=e(r,o,o=i+3*n.length,1)>>>0;const t=l().subarray(r+i,r+o);i+=g.encodeInto(n,t).written,r=e(r,o,i,1)>>>0}return p=i,r}let d=new TextDecoder("utf-8",{ignoreBOM:!0});d.decode();const g=new TextEncoder;"encodeInto"in g||(g.encodeInto=function(n,t){const e=g.encode(n);return t.set(e),{read:n.length,written:e.length}});let w,m,y,h,p=0;function v(n,t){return m=n,y=n.exports,w=t,i=null,s=null,y.__wbindgen_start(),y}return Object.assign(async function(n){return void 0!==y?y:(void 0===h&&(h=async function(n){void 0!==n&&(Object.getPrototypeOf(n)===Object.prototype?({module_or_path:n}=n):console.warn("using deprecated parameters for the initialization function; pass a single object instead"));void 0===n&&void 0!==t&&(n=t.replace(/\.js$/,"_bg.wasm"));const o=e();("string"==typeof n||"function"==typeof Request&&n instanceof Request||"function"==typeof URL&&n instanceof URL)&&(n=fetch(n));const{instance:r,module:c}=await async function(n,t){if("function"==typeof Response&&n instanceof Response){if(!n.ok)throw new Error(`failed to fetch Wasm: ${n.status} ${n.statusText} fetching '${n.url}'`);if("function"==typeof WebAssembly.instantiateStreaming)try{return await WebAssembly.instantiateStreaming(n,t)}catch(t){if(!function(n){switch(n){case"basic":case"cors":case"default":return!0}return!1}(n.type)||"application/wasm"===n.headers.get("Content-Type"))throw t;console.warn("`WebAssembly.instantiateStreaming` failed because your server does not serve Wasm with `application/wasm` MIME type. Falling back to `WebAssembly.instantiate` which is slower. Original error:\n",t)}const e=await n.arrayBuffer();return await WebAssembly.instantiate(e,t)}{const e=await WebAssembly.instantiate(n,t);return e instanceof WebAssembly.Instance?{instance:e,module:n}:e}}(await n,o);return v(r,c)}(n),h.catch(()=>{h=void 0})),h)},{initSync:function(n){if(void 0!==y)return y;void 0!==n&&(Object.getPrototypeOf(n)===Object.prototype?({module:n}=n):console.warn("using deprecated parameters for `initSync()`; pass a single object instead"));const t=e();return n instanceof WebAssembly.Module||(n=new WebAssembly.Module(n)),v(new WebAssembly.Instance(n,t),n)}},n)}({__proto__:null});
(function () {
  'use strict';
  var tag = document.currentScript;
  var mark = function (name) { if (window.performance && performance.mark) performance.mark('wegwijzer:' + name); };
  mark('loader');

  function fail() {
    var app = document.getElementById('app');
    if (app) app.hidden = true;
    var error = document.getElementById('scorer-fout');
    if (error) error.hidden = false;
  }

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

  function fromFileScript() {
    var name = tag.getAttribute('data-wasm-global');
    return classicScript(tag.getAttribute('data-file')).then(function () {
      var bytes = decode(window[name]);
      try { delete window[name]; } catch (e) { /* only memory */ }
      return WebAssembly.compile(bytes);
    });
  }

  function fromNetwork() {
    var name = tag.getAttribute('data-compiling');
    var compiling = window[name];
    try { delete window[name]; } catch (e) { /* only memory */ }
    return (compiling || Promise.reject(new Error('not compiling'))).catch(fromFileScript);
  }

  var SLICE_MS = 5;

  function later(fn) {
    var channel = new MessageChannel();
    channel.port1.onmessage = function () { channel.port1.close(); fn(); };
    channel.port2.postMessage(0);
  }

  function afterFrame(fn) {
    var done = false;
    var go = function () { if (!done) { done = true; later(fn); } };
    if (window.requestAnimationFrame && !document.hidden) requestAnimationFrame(go);
    setTimeout(go, 100);
  }

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

  function fillIn() {
    step(wasm_bindgen.fill, true);
  }

  function step(fill, first) {
    try {
      var more = fill();
      apply(wasm_bindgen.writes());
      if (first) mark('ready');
      if (more) afterFrame(function () { step(wasm_bindgen.fill_next, false); });
      else document.body.setAttribute('data-scorer', 'klaar');
    } catch (e) {
      try { apply(wasm_bindgen.writes()); } catch (e2) { /* failing anyway */ }
      fail();
    }
  }

  function boot(module) {
    try {
      var data = window[tag.getAttribute('data-data')];
      if (typeof wasm_bindgen === 'undefined' || typeof data !== 'string') throw new Error('scorer not loaded');
      if (window.matchMedia && window.matchMedia('(max-width: 40em)').matches) {
        var folds = document.querySelectorAll('details.extreme');
        for (var i = 0; i < folds.length; i++) folds[i].open = false;
      }
      var started = Date.now();
      wasm_bindgen.initSync({ module: module });
      if (!wasm_bindgen.boot(data)) throw new Error('site data unreadable');
      var painted = window.performance && performance.getEntriesByType && performance.getEntriesByType('paint').length > 0;
      if (Date.now() - started > (painted ? SLICE_MS : 2 * SLICE_MS)) later(fillIn);
      else fillIn();
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

  start();
})();
