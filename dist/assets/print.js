/* Print buttons: they hold their place from the start (so nothing shifts)
   but show only once JavaScript can run them. */
(function () {
  'use strict';
  var buttons = document.querySelectorAll('[data-print]');
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].addEventListener('click', function () { window.print(); });
  }
  document.documentElement.classList.add('print-ready');
})();
