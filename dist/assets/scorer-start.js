/* Asks for the scorer's build once the page is painted. A first visit
   fetches the build (80–140 KB) only after the page's own text is on
   screen, so on a phone it never competes with the HTML and CSS for the
   connection: the text appears as fast as on a content page. A page the
   service worker controls has the build in its cache, so it asks at once.
   The build's script (site data, glue, loader) finds the module's names on
   its own tag: they are copied from this one. Over http(s) the module is
   fetched and compiled meanwhile, as it streams in; the loader takes it
   from the global named in `data-compiling`. */
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
      // Handled here, so a failure that comes before the loader runs is
      // no unhandled rejection; the loader still sees it and says so.
      compiling.catch(function () {});
      window[tag.getAttribute('data-compiling')] = compiling;
    }
  }

  // A host that sends another MIME type than application/wasm gets the
  // bytes compiled whole.
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
    // The first contentful paint is reported once it is on screen; where
    // the browser does not report paints, the frame after the next one.
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
    // A hidden tab paints nothing: it asks anyway.
    setTimeout(ask, 1000);
  }

  // `async`: this may run while the page is still parsed, so a cached
  // build is on its way before the page is complete.
  afterPaint();
})();
