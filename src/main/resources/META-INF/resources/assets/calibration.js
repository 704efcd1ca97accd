// Calibration page: start a run, show progress, reload when it finishes.
(function () {
  'use strict';
  var page = document.getElementById('calibration');
  if (!page) { return; }
  var button = document.getElementById('run-calibration');
  var progress = document.getElementById('calibration-progress');
  var poll = function () {
    fetch('/api/calibration', { headers: { Accept: 'application/json' } }).then(function (r) { return r.json(); }).then(function (s) {
      if (!s.running) { window.location.reload(); return; }
      progress.textContent = s.done + ' of ' + s.total + ' answers graded…';
      setTimeout(poll, 800);
    }).catch(function () { setTimeout(poll, 2000); });
  };
  button.addEventListener('click', function () {
    button.disabled = true;
    progress.textContent = 'Starting…';
    fetch('/api/calibration', { method: 'POST', headers: { Accept: 'application/json' } }).then(function () { setTimeout(poll, 300); });
  });
  if (page.dataset.running === 'true') { setTimeout(poll, 800); }
})();
