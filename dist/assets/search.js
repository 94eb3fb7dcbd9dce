/* Search in the header. The index is a classic script (no fetch(), so this
   works from file://), loaded the first time the box is used. Matching
   folds case and accents ("reele" finds "reële") and finds words inside
   compounds ("verzuim" finds "schoolverzuim"); a number like 3.2 finds that
   recommendation first. */
(function () {
  'use strict';

  function fold(s) {
    return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  }

  // Entries matching every word of the query, best first.
  function search(index, query, limit) {
    var q = fold(query).trim();
    if (!q) return [];
    var words = q.split(/\s+/);
    var number = /^\d+\.\d+$/.test(q) ? q : null;
    var hits = [];
    for (var i = 0; i < index.length; i++) {
      var e = index[i];
      if (e.f === undefined) { e.ft = fold(e.t); e.f = e.ft + ' ' + fold(e.x); }
      var score = 0;
      if (number !== null && e.n === number) score = 1000;
      else {
        var all = true;
        for (var w = 0; w < words.length; w++) {
          var at = e.f.indexOf(words[w]);
          if (at < 0) { all = false; break; }
          score += at < e.ft.length ? 10 : 1;
          if (e.ft.indexOf(words[w]) === 0) score += 5;
        }
        if (!all) continue;
      }
      hits.push({ e: e, s: score, i: i });
    }
    hits.sort(function (a, b) { return b.s - a.s || a.i - b.i; });
    return hits.slice(0, limit || 8).map(function (h) { return h.e; });
  }

  // Up to ~120 characters of the entry's text around the first hit.
  function snippet(e, query) {
    var words = fold(query).trim().split(/\s+/);
    var text = e.x;
    var folded = fold(text);
    var at = -1;
    for (var w = 0; w < words.length && at < 0; w++) at = folded.indexOf(words[w]);
    if (folded.length !== text.length || at < 0) at = 0;
    var start = Math.max(0, at - 50);
    var end = Math.min(text.length, at + 70);
    return (start > 0 ? '…' : '') + text.slice(start, end).trim() + (end < text.length ? '…' : '');
  }

  window.WegwijzerSearch = { fold: fold, search: search, snippet: snippet };

  var form = document.querySelector('form.site-search');
  if (!form) return;
  var input = form.querySelector('input[type="search"]');
  var box = document.getElementById('zoek-resultaten');
  var list = box.querySelector('ul');
  var status = document.getElementById('zoek-status');
  var root = form.getAttribute('data-root') || '';
  var requested = false;

  function index() { return window.WEGWIJZER_ZOEK; }

  function load() {
    if (requested) return;
    requested = true;
    var s = document.createElement('script');
    s.src = form.getAttribute('data-index');
    s.onload = show;
    document.head.appendChild(s);
  }

  function show() {
    var q = input.value;
    list.textContent = '';
    if (!q.trim()) { box.hidden = true; status.textContent = ''; return; }
    if (!index()) { load(); return; }
    var found = search(index(), q, 8);
    for (var i = 0; i < found.length; i++) {
      var e = found[i];
      var li = document.createElement('li');
      var a = document.createElement('a');
      a.href = root + e.u;
      var kind = document.createElement('span');
      kind.className = 'search-results__kind';
      kind.textContent = e.k;
      var title = document.createElement('strong');
      title.textContent = e.t;
      var text = document.createElement('span');
      text.className = 'search-results__text';
      text.textContent = snippet(e, q);
      a.appendChild(kind);
      a.appendChild(document.createTextNode(' '));
      a.appendChild(title);
      a.appendChild(text);
      li.appendChild(a);
      list.appendChild(li);
    }
    status.textContent = found.length === 0 ? 'Niets gevonden voor “' + q + '”.'
      : found.length === 1 ? '1 resultaat voor “' + q + '”.' : found.length + ' resultaten voor “' + q + '”.';
    box.hidden = false;
  }

  input.addEventListener('focus', load);
  input.addEventListener('input', show);
  form.addEventListener('submit', function (e) {
    // Enter in the box opens the first result.
    e.preventDefault();
    var first = list.querySelector('a');
    if (first) first.click();
  });
  form.addEventListener('keydown', function (e) {
    var links = list.querySelectorAll('a');
    var i = Array.prototype.indexOf.call(links, document.activeElement);
    if (e.key === 'ArrowDown' && links.length) {
      e.preventDefault();
      links[Math.min(i + 1, links.length - 1)].focus();
    } else if (e.key === 'ArrowUp' && i >= 0) {
      e.preventDefault();
      if (i === 0) input.focus(); else links[i - 1].focus();
    } else if (e.key === 'Escape') {
      box.hidden = true;
      input.focus();
    }
  });
})();
