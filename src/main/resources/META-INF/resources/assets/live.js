// Live pages: the server pushes every vault change (/events, server-sent events). A page with [data-live] regions
// fetches itself again and swaps each region whose HTML differs, keeping the scroll position; a note page whose
// note was renamed or deleted says so instead of breaking. Nothing here builds HTML from strings.
(function () {
  'use strict';

  var regions = document.querySelectorAll('[data-live]');
  if (!regions.length || !window.EventSource) { return; }
  var article = document.querySelector('article.note-page[data-path]');
  var notePath = article ? article.getAttribute('data-path') : null;
  var pending = null;
  var gone = false;

  function refresh(change) {
    pending = null;
    if (gone) { return; }
    fetch(window.location.href, { headers: { 'Accept': 'text/html' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) { return; }
        var fresh = new DOMParser().parseFromString(html, 'text/html');
        var x = window.scrollX;
        var y = window.scrollY;
        var swapped = 0;
        Array.prototype.forEach.call(document.querySelectorAll('[data-live]'), function (old) {
          var next = fresh.querySelector('[data-live="' + old.getAttribute('data-live') + '"]');
          if (!next || next.innerHTML === old.innerHTML) { return; }
          old.replaceChildren.apply(old, Array.prototype.slice.call(next.childNodes).map(function (n) { return document.adoptNode(n); }));
          if (window.Drillbook) { window.Drillbook.enhance(old); }
          if (window.htmx) { window.htmx.process(old); }
          swapped++;
        });
        if (swapped) {
          window.scrollTo(x, y);
          document.body.setAttribute('data-live-version', String(change.version));
          document.dispatchEvent(new CustomEvent('drillbook:live'));
        }
      })
      .catch(function () { /* offline for a moment: the next change tries again */ });
  }

  function noteGone() {
    gone = true;
    var banner = document.getElementById('live-gone');
    if (banner) { banner.hidden = false; }
  }

  var source = new EventSource('/events');
  source.onmessage = function (e) {
    var change;
    try { change = JSON.parse(e.data); } catch (err) { return; }
    var removed = Array.isArray(change.removed) ? change.removed : [];
    if (notePath && removed.indexOf(notePath) >= 0) { noteGone(); return; }
    // A burst of saves becomes one fetch.
    clearTimeout(pending);
    pending = setTimeout(function () { refresh(change); }, 150);
  };
  window.addEventListener('pagehide', function () { source.close(); });
})();
