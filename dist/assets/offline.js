// Registers the service worker (sw.js, in the site's root) after the page
// has loaded, on http(s) only: from file:// there is nothing to keep.
// Says when a newer build has taken over while this page was open.
'use strict';
(function () {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  var script = document.currentScript;
  var root = script ? script.getAttribute('data-root') || '' : '';
  var hadController = !!navigator.serviceWorker.controller;
  navigator.serviceWorker.addEventListener('controllerchange', function () {
    if (!hadController) { hadController = true; return; }
    var note = document.getElementById('nieuwe-versie');
    if (note) note.hidden = false;
  });
  window.addEventListener('load', function () {
    navigator.serviceWorker.register(root + 'sw.js').then(function (reg) {
      document.documentElement.setAttribute('data-offline', reg.active ? 'active' : 'installing');
    }).catch(function () {
      // No worker (blocked, or a host without https): the site works as before.
    });
  });
  document.addEventListener('click', function (e) {
    var t = e.target;
    if (t && t.id === 'herlaad-nieuwe-versie') location.reload();
  });
})();
