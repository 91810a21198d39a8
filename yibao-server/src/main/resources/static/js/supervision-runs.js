/* The warnings board: while a run after settlement is RUNNING, reload every 3 seconds so its progress shows. */
(function () {
  'use strict';
  var runs = document.getElementById('runs');
  if (runs && runs.getAttribute('data-running') === 'true') {
    window.setTimeout(function () { window.location.reload(); }, 3000);
  }
})();
