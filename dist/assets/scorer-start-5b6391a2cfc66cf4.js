(function () {
  'use strict';
  var tag = document.currentScript;
  var asked = false;

  function ask() {
    if (asked) return;
    asked = true;
    var s = document.createElement('script');
    for (var i = 0; i < tag.attributes.length; i++) {
      var a = tag.attributes[i];
      if (a.name.indexOf('data-') === 0 && a.name !== 'data-script') s.setAttribute(a.name, a.value);
    }
    s.src = tag.getAttribute('data-script');
    document.head.appendChild(s);
    if (location.protocol !== 'file:' && typeof WebAssembly === 'object') {
      var compiling = compile(tag.getAttribute('data-wasm'));
      compiling.catch(function () {});
      window[tag.getAttribute('data-compiling')] = compiling;
    }
  }

  function compile(url) {
    var whole = function () {
      return fetch(url).then(function (r) { return r.arrayBuffer(); }).then(WebAssembly.compile);
    };
    return WebAssembly.compileStreaming ? WebAssembly.compileStreaming(fetch(url)).catch(whole) : whole();
  }

  function afterPaint() {
    var cached = navigator.serviceWorker && navigator.serviceWorker.controller;
    if (cached) {
      ask();
      return;
    }
    var types = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes;
    if (types && types.indexOf('paint') >= 0) {
      new PerformanceObserver(function (list, observer) {
        if (list.getEntriesByName('first-contentful-paint').length) {
          observer.disconnect();
          ask();
        }
      }).observe({ type: 'paint', buffered: true });
    } else if (window.requestAnimationFrame) {
      requestAnimationFrame(function () { setTimeout(ask, 0); });
    }
    setTimeout(ask, 1000);
  }

  afterPaint();
})();
