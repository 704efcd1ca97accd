// Applied before first paint so a dark-mode user never sees a white flash.
(function () {
  var saved = null;
  try { saved = localStorage.getItem('drillbook-theme'); } catch (e) { /* private mode */ }
  var dark = saved ? saved === 'dark' : window.matchMedia('(prefers-color-scheme: dark)').matches;
  document.documentElement.setAttribute('data-theme', dark ? 'dark' : 'light');
})();
