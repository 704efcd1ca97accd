// Drillbook page behaviour: math, code highlighting, callouts, theme, sidebar, the jump palette and shortcuts.
// Everything taken from the server or the user is inserted with textContent, never as HTML.
(function () {
  'use strict';

  var root = document.documentElement;

  // ------------------------------------------------------------ math and code
  function typeset(scope) {
    if (!window.katex) { return; }
    scope.querySelectorAll('.math:not([data-typeset])').forEach(function (el) {
      var tex = el.textContent;
      var display = el.classList.contains('math-block');
      try {
        katex.render(tex, el, { displayMode: display, throwOnError: false, strict: 'ignore', trust: false, output: 'htmlAndMathml' });
      } catch (e) {
        el.textContent = tex;
        el.classList.add('katex-error');
        el.title = String(e.message || e);
      }
      el.setAttribute('data-typeset', '');
    });
  }

  function highlight(scope) {
    if (!window.hljs) { return; }
    scope.querySelectorAll('pre code[class*="language-"]:not(.hljs)').forEach(function (el) {
      var lang = (el.className.match(/language-([\w+#-]+)/) || [])[1];
      if (lang && lang !== 'plaintext' && hljs.getLanguage(lang)) {
        hljs.highlightElement(el);
      }
    });
  }

  // ------------------------------------------------------------ callouts
  function toggleCallout(title) {
    var callout = title.closest('.callout.is-collapsible');
    if (!callout) { return; }
    var collapsed = callout.classList.toggle('is-collapsed');
    title.setAttribute('aria-expanded', collapsed ? 'false' : 'true');
  }

  // ------------------------------------------------------------ theme
  function applyTheme(theme) {
    root.setAttribute('data-theme', theme);
    var light = document.getElementById('hljs-light');
    var dark = document.getElementById('hljs-dark');
    if (light && dark) {
      light.media = theme === 'dark' ? 'not all' : 'all';
      dark.media = theme === 'dark' ? 'all' : 'not all';
    }
  }

  function toggleTheme() {
    var next = root.getAttribute('data-theme') === 'dark' ? 'light' : 'dark';
    try { localStorage.setItem('drillbook-theme', next); } catch (e) { /* private mode */ }
    applyTheme(next);
    document.dispatchEvent(new CustomEvent('drillbook:theme', { detail: next }));
  }

  // ------------------------------------------------------------ sidebar
  function toggleSidebar() {
    if (window.matchMedia('(max-width: 860px)').matches) {
      document.body.classList.toggle('sidebar-open');
    } else {
      document.body.classList.toggle('sidebar-hidden');
      try { localStorage.setItem('drillbook-sidebar', document.body.classList.contains('sidebar-hidden') ? 'hidden' : 'shown'); } catch (e) { /* ignore */ }
    }
  }

  // ------------------------------------------------------------ jump palette (Ctrl/Cmd-K)
  var palette = document.getElementById('palette');
  var input = document.getElementById('palette-input');
  var results = document.getElementById('palette-results');
  var hits = [];
  var selected = 0;
  var pending = null;
  var lastFocus = null;

  function openPalette() {
    if (!palette) { return; }
    lastFocus = document.activeElement;
    palette.hidden = false;
    input.value = '';
    search('');
    input.focus();
  }

  function closePalette() {
    if (!palette || palette.hidden) { return; }
    palette.hidden = true;
    if (lastFocus && lastFocus.focus) { lastFocus.focus(); }
  }

  function search(q) {
    if (pending) { pending.abort(); }
    pending = new AbortController();
    var url = (window.DRILLBOOK_SEARCH_URL || '/api/jump') + '?limit=12&q=' + encodeURIComponent(q);
    fetch(url, { signal: pending.signal, headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (data) { hits = Array.isArray(data) ? data : []; selected = 0; renderHits(q); })
      .catch(function () { /* superseded or offline */ });
  }

  function appendHighlighted(el, text) {
    // Snippets arrive with <mark> around matches; rebuild them as nodes so nothing else can be HTML.
    var parts = String(text).split(/(<mark>|<\/mark>)/);
    var inMark = false;
    parts.forEach(function (p) {
      if (p === '<mark>') { inMark = true; return; }
      if (p === '</mark>') { inMark = false; return; }
      var node = document.createTextNode(decodeEntities(p));
      if (inMark) { var m = document.createElement('mark'); m.appendChild(node); el.appendChild(m); } else { el.appendChild(node); }
    });
  }

  function decodeEntities(s) {
    return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  }

  function renderHits(q) {
    results.textContent = '';
    if (!hits.length) {
      var li = document.createElement('li');
      li.className = 'empty';
      li.textContent = q ? 'No note matches “' + q + '”.' : 'No notes yet.';
      results.appendChild(li);
      return;
    }
    hits.forEach(function (hit, i) {
      var li = document.createElement('li');
      li.id = 'hit-' + i;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', i === selected ? 'true' : 'false');
      var title = document.createElement('span');
      title.className = 'hit-title';
      title.textContent = hit.title;
      li.appendChild(title);
      var sub = document.createElement('span');
      sub.className = 'hit-sub';
      sub.textContent = [hit.alias ? 'alias: ' + hit.alias : null, hit.heading ? '§ ' + hit.heading : null, hit.folder || hit.path]
        .filter(Boolean).join(' · ');
      li.appendChild(sub);
      if (hit.snippet) {
        var snip = document.createElement('span');
        snip.className = 'hit-snippet';
        appendHighlighted(snip, hit.snippet);
        li.appendChild(snip);
      }
      li.addEventListener('mousedown', function (e) { e.preventDefault(); go(i); });
      results.appendChild(li);
    });
    input.setAttribute('aria-activedescendant', 'hit-' + selected);
  }

  function move(delta) {
    if (!hits.length) { return; }
    selected = (selected + delta + hits.length) % hits.length;
    results.querySelectorAll('li').forEach(function (li, i) { li.setAttribute('aria-selected', i === selected ? 'true' : 'false'); });
    var current = document.getElementById('hit-' + selected);
    if (current) { current.scrollIntoView({ block: 'nearest' }); }
    input.setAttribute('aria-activedescendant', 'hit-' + selected);
  }

  function go(i) {
    var hit = hits[i];
    if (hit) { window.location.href = hit.url; }
  }

  if (input) {
    var timer = null;
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(function () { search(input.value); }, 90);
    });
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown') { e.preventDefault(); move(1); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); move(-1); }
      else if (e.key === 'Enter') { e.preventDefault(); go(selected); }
      else if (e.key === 'Escape') { e.preventDefault(); closePalette(); }
    });
    palette.addEventListener('mousedown', function (e) { if (e.target === palette) { closePalette(); } });
  }

  // ------------------------------------------------------------ help
  var help = document.getElementById('help');
  function toggleHelp(show) {
    if (!help) { return; }
    help.hidden = show === undefined ? !help.hidden : !show;
  }

  // ------------------------------------------------------------ table of contents: highlight the section in view
  function trackToc() {
    var links = Array.prototype.slice.call(document.querySelectorAll('.toc a[href^="#"]'));
    if (!links.length || !('IntersectionObserver' in window)) { return; }
    var byId = {};
    links.forEach(function (a) { byId[decodeURIComponent(a.getAttribute('href').slice(1))] = a; });
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting && byId[entry.target.id]) {
          links.forEach(function (a) { a.classList.remove('is-current'); });
          byId[entry.target.id].classList.add('is-current');
        }
      });
    }, { rootMargin: '0px 0px -70% 0px' });
    Object.keys(byId).forEach(function (id) {
      var el = document.getElementById(id);
      if (el) { observer.observe(el); }
    });
  }

  // ------------------------------------------------------------ keyboard
  var pendingG = false;
  function typing(e) {
    var t = e.target;
    return t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
  }

  document.addEventListener('keydown', function (e) {
    if ((e.ctrlKey || e.metaKey) && (e.key === 'k' || e.key === 'K')) {
      e.preventDefault();
      if (palette && !palette.hidden) { closePalette(); } else { openPalette(); }
      return;
    }
    if (e.key === 'Escape') { closePalette(); toggleHelp(false); document.body.classList.remove('sidebar-open'); return; }
    if (typing(e) || e.ctrlKey || e.metaKey || e.altKey) { return; }
    if (document.body.dataset.shortcuts === 'off') { return; }
    if (pendingG) {
      pendingG = false;
      var target = { h: '/', t: '/tags', p: '/problems', g: '/graph', r: '/review', d: '/drills', i: '/interviews', s: '/search', x: '/stats' }[e.key];
      if (target) { e.preventDefault(); window.location.href = target; }
      return;
    }
    if (e.key === 'g') { pendingG = true; setTimeout(function () { pendingG = false; }, 1200); return; }
    if (e.key === '/') { e.preventDefault(); openPalette(); return; }
    if (e.key === '?') { e.preventDefault(); toggleHelp(); return; }
    if (e.key === 't') { toggleTheme(); return; }
    if (e.key === '[') { toggleSidebar(); return; }
  });

  document.addEventListener('click', function (e) {
    var action = e.target.closest('[data-action]');
    if (action) {
      var name = action.getAttribute('data-action');
      if (name === 'toggle-theme') { toggleTheme(); }
      else if (name === 'toggle-sidebar') { toggleSidebar(); }
      else if (name === 'open-palette') { openPalette(); }
      else if (name === 'close-help') { toggleHelp(false); }
    }
    var title = e.target.closest('.callout.is-collapsible > .callout-title');
    if (title && !e.target.closest('a')) { toggleCallout(title); }
  });

  document.addEventListener('keydown', function (e) {
    if ((e.key === 'Enter' || e.key === ' ') && e.target.matches && e.target.matches('.callout.is-collapsible > .callout-title')) {
      e.preventDefault();
      toggleCallout(e.target);
    }
  });

  // ------------------------------------------------------------ file tree (loaded after the page)
  function markCurrentInTree(tree) {
    var here = window.location.pathname;
    tree.querySelectorAll('a.tree-note').forEach(function (a) {
      if (a.getAttribute('href') === here) {
        a.classList.add('is-active');
        a.setAttribute('aria-current', 'page');
        if (a.scrollIntoView) { a.scrollIntoView({ block: 'nearest' }); }
      }
    });
  }

  // ------------------------------------------------------------ start
  function enhance(scope) {
    typeset(scope);
    highlight(scope);
  }
  window.Drillbook = { enhance: enhance, toggleTheme: toggleTheme };

  function start() {
    applyTheme(root.getAttribute('data-theme') || 'light');
    try { if (localStorage.getItem('drillbook-sidebar') === 'hidden') { document.body.classList.add('sidebar-hidden'); } } catch (e) { /* ignore */ }
    enhance(document);
    trackToc();
    document.body.addEventListener('htmx:afterSwap', function (e) {
      enhance(e.target);
      if (e.target.classList && e.target.classList.contains('tree')) { markCurrentInTree(e.target); }
    });
  }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
})();
