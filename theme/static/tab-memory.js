/* When this browser stores nothing, the scorer carries a tab's unsaved
   work from page to page in window.name. That outlives a navigation to
   another site, so it is written only as a navigation to a page of this
   site starts (a link, a form, the scorer's own, back, forward, reload),
   and the next page empties it as it reads it: a page another site opens
   next finds it empty. Content pages, which have no scorer, hold it in
   between. */
(function () {
  'use strict';
  var tag = document.currentScript;
  var mark = tag.getAttribute('data-mark');
  var root = new URL(tag.getAttribute('data-root') || './', location.href).href;
  var GLOBAL = tag.getAttribute('data-global');

  // A content page: take it over (on a traject page the scorer already did).
  if (window.name.indexOf(mark) === 0) {
    window[GLOBAL] = window.name;
    window.name = '';
  }

  function inSite(url) {
    try {
      var u = new URL(url, location.href);
      return /^(https?|file):$/.test(u.protocol) && u.href.indexOf(root) === 0;
    } catch (e) {
      return false;
    }
  }

  function leaving(url) {
    var carried = window[GLOBAL];
    if (typeof carried === 'string' && carried.indexOf(mark) === 0 && inSite(url)) window.name = carried;
    else if (window.name.indexOf(mark) === 0) window.name = '';
  }

  if (window.navigation && window.navigation.addEventListener) {
    // One typed in the address bar fires no event: window.name stays empty.
    window.navigation.addEventListener('navigate', function (e) {
      if (!e.hashChange && !e.downloadRequest) leaving(e.destination.url);
    });
  } else {
    document.addEventListener('click', function (e) {
      var a = e.target.closest && e.target.closest('a[href]');
      if (a && !a.hasAttribute('download') && !a.target) leaving(a.href);
    }, true);
    document.addEventListener('submit', function (e) {
      leaving(e.target.action || location.href);
    }, true);
  }
})();
