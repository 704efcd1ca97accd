// Applied before first paint so a dark-mode user never sees a white flash.
(function () {
  var saved = null;
  try { saved = localStorage.getItem('drillbook-theme'); } catch (e) { /* private mode */ }
  var dark = saved ? saved === 'dark' : window.matchMedia('(prefers-color-scheme: dark)').matches;
  document.documentElement.setAttribute('data-theme', dark ? 'dark' : 'light');
})();

// When sign-in is on, requests that change something carry the session's CSRF token (from a cookie only this site's
// pages can read) in a header; the server refuses them without it.
(function () {
  function csrf() {
    var m = document.cookie.match(/(?:^|;\s*)drillbook_csrf=([^;]+)/);
    return m ? decodeURIComponent(m[1]) : null;
  }
  var original = window.fetch;
  if (original) {
    window.fetch = function (input, init) {
      init = init || {};
      var method = (init.method || 'GET').toUpperCase();
      var token = csrf();
      var url = typeof input === 'string' ? input : (input && input.url) || '';
      if (token && method !== 'GET' && method !== 'HEAD' && (url.charAt(0) === '/' || url.indexOf(location.origin) === 0)) {
        var headers = new Headers(init.headers || {});
        headers.set('X-CSRF-Token', token);
        init.headers = headers;
      }
      return original.call(this, input, init);
    };
  }
  document.addEventListener('htmx:configRequest', function (e) {
    var token = csrf();
    if (token) { e.detail.headers['X-CSRF-Token'] = token; }
  });
})();
