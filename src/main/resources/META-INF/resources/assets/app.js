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
    // Focus mode (review, drills, interviews): [ shows or hides the sidebar and section links together.
    if (document.body.classList.contains('studying') || document.body.classList.contains('drilling')) {
      document.body.classList.toggle('focus-off');
      return;
    }
    if (window.matchMedia('(max-width: 860px)').matches) {
      document.body.classList.toggle('sidebar-open');
    } else {
      document.body.classList.toggle('sidebar-hidden');
      try { localStorage.setItem('drillbook-sidebar', document.body.classList.contains('sidebar-hidden') ? 'hidden' : 'shown'); } catch (e) { /* ignore */ }
    }
  }

  // ------------------------------------------------------------ jump palette (Ctrl/Cmd-K)
  // Results are an htmx fragment (/fragments/palette): note titles and aliases first, then passages from the text.
  var palette = document.getElementById('palette');
  var input = document.getElementById('palette-input');
  var results = document.getElementById('palette-results');
  var selected = 0;
  var lastFocus = null;

  function options() {
    return results ? Array.prototype.slice.call(results.querySelectorAll('li[role="option"]')) : [];
  }

  function openPalette() {
    if (!palette) { return; }
    lastFocus = document.activeElement;
    palette.hidden = false;
    input.value = '';
    input.focus();
    if (window.htmx) { htmx.trigger(input, 'input'); }
  }

  function closePalette() {
    if (!palette || palette.hidden) { return; }
    palette.hidden = true;
    if (lastFocus && lastFocus.focus) { lastFocus.focus(); }
  }

  function select(index) {
    var items = options();
    if (!items.length) { return; }
    selected = (index + items.length) % items.length;
    items.forEach(function (li, i) {
      li.id = 'hit-' + i;
      li.setAttribute('aria-selected', i === selected ? 'true' : 'false');
    });
    items[selected].scrollIntoView({ block: 'nearest' });
    input.setAttribute('aria-activedescendant', 'hit-' + selected);
  }

  function go() {
    var item = options()[selected];
    if (item && item.dataset.url) { window.location.href = item.dataset.url; }
  }

  if (input) {
    input.addEventListener('keydown', function (e) {
      if (e.key === 'ArrowDown') { e.preventDefault(); select(selected + 1); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); select(selected - 1); }
      else if (e.key === 'Enter') { e.preventDefault(); go(); }
      else if (e.key === 'Escape') { e.preventDefault(); closePalette(); }
    });
    results.addEventListener('htmx:afterSwap', function () { select(0); });
    results.addEventListener('mousedown', function (e) {
      var li = e.target.closest('li[role="option"]');
      if (li) { e.preventDefault(); selected = options().indexOf(li); go(); }
    });
    palette.addEventListener('mousedown', function (e) { if (e.target === palette) { closePalette(); } });
  }

  // ------------------------------------------------------------ link previews (hover an internal link)
  var previewBox = null;
  var previewCache = {};
  var previewTimer = null;
  var hideTimer = null;

  function previewTarget(a) {
    if (!a || a.classList.contains('is-unresolved') || a.closest('.preview-popover, .tree, .palette')) { return null; }
    var url;
    try { url = new URL(a.getAttribute('href'), window.location.href); } catch (e) { return null; }
    if (url.origin !== window.location.origin || url.pathname.indexOf('/notes/') !== 0) { return null; }
    var path = decodeURIComponent(url.pathname.substring('/notes/'.length));
    var anchor = url.hash ? decodeURIComponent(url.hash.substring(1)) : '';
    if (url.pathname === window.location.pathname && !anchor) { return null; }
    return { key: path + '#' + anchor, path: path, anchor: anchor };
  }

  function showPreview(a, target) {
    if (!previewBox) {
      previewBox = document.createElement('div');
      previewBox.className = 'preview-popover';
      previewBox.setAttribute('role', 'tooltip');
      previewBox.addEventListener('mouseenter', function () { clearTimeout(hideTimer); });
      previewBox.addEventListener('mouseleave', hidePreviewSoon);
      document.body.appendChild(previewBox);
    }
    var place = function (html) {
      previewBox.innerHTML = html;  // server-rendered, sanitised note HTML
      previewBox.hidden = false;
      var r = a.getBoundingClientRect();
      var top = window.scrollY + r.bottom + 8;
      var left = Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - 460);
      previewBox.style.top = top + 'px';
      previewBox.style.left = Math.max(8, left) + 'px';
      enhance(previewBox);
    };
    if (previewCache[target.key]) { place(previewCache[target.key]); return; }
    fetch('/fragments/preview?path=' + encodeURIComponent(target.path) + '&anchor=' + encodeURIComponent(target.anchor))
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) { if (html) { previewCache[target.key] = html; place(html); } })
      .catch(function () { /* no preview */ });
  }

  function hidePreviewSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(function () { if (previewBox) { previewBox.hidden = true; } }, 250);
  }

  document.addEventListener('mouseover', function (e) {
    var a = e.target.closest && e.target.closest('a.internal-link');
    if (!a) { return; }
    var target = previewTarget(a);
    if (!target) { return; }
    clearTimeout(previewTimer);
    clearTimeout(hideTimer);
    previewTimer = setTimeout(function () { showPreview(a, target); }, 350);
    a.addEventListener('mouseleave', function () { clearTimeout(previewTimer); hidePreviewSoon(); }, { once: true });
  });

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
    if (e.key === 'Escape') {
      // Esc always leaves a text box, so the page's single-key shortcuts work again.
      if (typing(e) && e.target.blur && !(palette && !palette.hidden)) { e.target.blur(); }
      closePalette(); toggleHelp(false); document.body.classList.remove('sidebar-open'); return;
    }
    if (typing(e) || e.ctrlKey || e.metaKey || e.altKey) { return; }
    if (document.body.dataset.shortcuts === 'off') { return; }
    if (pendingG) {
      pendingG = false;
      var target = { h: '/', n: '/notes', t: '/tags', p: '/problems', g: '/graph', r: '/review', d: '/drills', i: '/interviews', s: '/search', x: '/stats' }[e.key];
      if (target) { e.preventDefault(); window.location.href = target; }
      return;
    }
    if (e.key === 'g') { pendingG = true; setTimeout(function () { pendingG = false; }, 1200); return; }
    if (e.key === '/') { e.preventDefault(); openPalette(); return; }
    if (e.key === '?') { e.preventDefault(); toggleHelp(); return; }
    if (e.key === 't') { toggleTheme(); return; }
    if (e.key === '[') { toggleSidebar(); return; }
    // A page's own one-key actions, as their hints say (e.g. "Study all decks  s").
    var keyed = e.key.length === 1 && document.querySelector('[data-key="' + (e.key === '"' ? '' : e.key) + '"]');
    if (keyed) { e.preventDefault(); keyed.click(); }
  });

  document.addEventListener('click', function (e) {
    var action = e.target.closest('[data-action]');
    if (action) {
      var name = action.getAttribute('data-action');
      if (name === 'toggle-theme') { toggleTheme(); }
      else if (name === 'toggle-sidebar' || name === 'toggle-focus') { toggleSidebar(); }
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

  // ------------------------------------------------------------ search page: the address bar shows /search?q=...
  // Results come from /fragments/search, but the address is the page's own, so reload, sharing and Back work.
  function searchUrl(results) {
    var form = results.closest('.search-page') && results.closest('.search-page').querySelector('form.search-form');
    if (!form || !window.history.replaceState) { return; }
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, key) { if (value) { params.append(key, value); } });
    var query = params.toString();
    var url = '/search' + (query ? '?' + query : '');
    if (url !== window.location.pathname + window.location.search) { window.history.replaceState(null, '', url); }
  }

  // ------------------------------------------------------------ start
  // Text that quotes Markdown ($...$ from a card or drill: report fixes, questions, snippets) is typeset in place by
  // KaTeX's auto-render, which only ever turns the delimited TeX into math.
  var QUOTED_TEX = '.fixes, .report-table, .hit-snippet, .backlink-context, .palette-results, .search-results';
  function typesetQuoted(scope) {
    if (!window.renderMathInElement) { return; }
    var targets = scope.matches && scope.matches(QUOTED_TEX) ? [scope] : Array.prototype.slice.call(scope.querySelectorAll(QUOTED_TEX));
    targets.forEach(function (el) {
      renderMathInElement(el, { delimiters: [{ left: '$$', right: '$$', display: true }, { left: '$', right: '$', display: false }],
        throwOnError: false, strict: 'ignore', trust: false, ignoredClasses: ['katex', 'math'] });
    });
  }

  function enhance(scope) {
    typeset(scope);
    typesetQuoted(scope);
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
      if (e.target.id === 'search-results') { searchUrl(e.target); }
    });
  }

  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
})();
