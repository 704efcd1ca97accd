// Graph views: the global graph page (#graph) and the local graph on note pages (#local-graph), drawn with
// cytoscape.js. Large vaults come with server-computed positions (layout=true) so the first draw needs no
// client-side force simulation; small graphs use cytoscape's own force layout.
(function () {
  'use strict';

  var PALETTE = ['#6d4aff', '#00a3a3', '#e07a00', '#d6336c', '#2f9e44', '#1c7ed6', '#ae3ec9', '#f08c00', '#0b7285',
    '#5c940d', '#c92a2a', '#495057'];

  // Lighter twins of PALETTE for the dark theme, so folders stay apart on both backgrounds.
  var PALETTE_DARK = ['#a08bff', '#38d9d9', '#ffa94d', '#f783ac', '#69db7c', '#74c0fc', '#da77f2', '#ffd43b', '#3bc9db',
    '#a9e34b', '#ff8787', '#ced4da'];

  function colourFor(key, keys) {
    var i = keys.indexOf(key);
    if (i < 0) { return '#868e96'; }
    if (i < PALETTE.length) { return (dark() ? PALETTE_DARK : PALETTE)[i]; }
    // More folders than colours: spread further hues by the golden angle instead of repeating the palette.
    return 'hsl(' + Math.round((i * 137.508) % 360) + ', 62%, ' + (dark() ? '68%' : '42%') + ')';
  }

  function masteryColour(m) {
    if (m === undefined || m === null) { return '#adb5bd'; }
    var hue = Math.round(Math.max(0, Math.min(1, m)) * 120);   // red → green
    return 'hsl(' + hue + ', 65%, 45%)';
  }

  function dark() { return document.documentElement.getAttribute('data-theme') === 'dark'; }

  function style() {
    var text = dark() ? '#e2e4ea' : '#1f2330';
    return [
      { selector: 'node', style: {
        'background-color': 'data(colour)', 'width': 'data(size)', 'height': 'data(size)',
        'label': 'data(label)', 'font-size': 9, 'color': text, 'text-valign': 'bottom', 'text-margin-y': 3,
        'min-zoomed-font-size': 7, 'text-outline-width': 0, 'border-width': 0 } },
      { selector: 'node[kind = "tag"]', style: { 'shape': 'round-rectangle', 'background-color': '#adb5bd' } },
      { selector: 'node.center', style: { 'border-width': 3, 'border-color': '#6d4aff' } },
      { selector: 'edge', style: { 'width': 0.6, 'line-color': dark() ? '#3a3d47' : '#ced4da', 'curve-style': 'haystack', 'opacity': 0.8 } },
      { selector: 'edge[kind = "embed"]', style: { 'line-style': 'dashed', 'width': 1 } },
      { selector: '.faded', style: { 'opacity': 0.12 } },
      { selector: 'node.highlight', style: { 'border-width': 2, 'border-color': '#e07a00', 'font-size': 12, 'z-index': 10 } },
      { selector: 'edge.highlight', style: { 'line-color': '#6d4aff', 'width': 1.6, 'opacity': 1 } },
      { selector: 'node.on-path', style: { 'border-width': 4, 'border-color': '#e8590c', 'label': 'data(title)', 'font-size': 13, 'z-index': 30 } },
      { selector: 'edge.on-path', style: { 'line-color': '#e8590c', 'width': 3, 'opacity': 1, 'z-index': 30 } },
      { selector: 'node.match', style: { 'border-width': 3, 'border-color': '#f03e3e', 'font-size': 13, 'z-index': 20 } }
    ];
  }

  function elements(data, colourBy, center) {
    var folders = [], tags = [];
    data.nodes.forEach(function (n) {
      if (n.folder !== undefined && folders.indexOf(n.folder) < 0) { folders.push(n.folder); }
      if (n.tags && n.tags[0] && tags.indexOf(n.tags[0]) < 0) { tags.push(n.tags[0]); }
    });
    folders.sort(); tags.sort();
    var maxDegree = 1;
    data.nodes.forEach(function (n) { maxDegree = Math.max(maxDegree, n.degree || 0); });
    // Label only the best-connected notes at first; the rest appear on hover or when zoomed in.
    var degrees = data.nodes.map(function (n) { return n.degree || 0; }).sort(function (a, b) { return b - a; });
    var labelFloor = data.nodes.length <= 12 ? 0 : degrees[Math.min(degrees.length - 1, 11)];
    var els = data.nodes.map(function (n) {
      var colour = colourBy === 'mastery' ? masteryColour(n.mastery)
        : colourBy === 'tag' ? colourFor(n.tags && n.tags[0], tags) : colourFor(n.folder, folders);
      var size = 6 + 22 * Math.sqrt((n.degree || 0) / maxDegree);
      var el = { data: { id: n.id, label: (n.degree || 0) >= labelFloor && (n.degree || 0) > 0 || n.id === center ? n.title : '', title: n.title, url: n.url,
        colour: colour, size: size, kind: n.kind, folder: n.folder } };
      if (n.x !== undefined && n.y !== undefined) { el.position = { x: n.x, y: n.y }; }
      if (n.id === center) { el.classes = 'center'; }
      return el;
    });
    data.edges.forEach(function (e, i) {
      els.push({ data: { id: 'e' + i, source: e.source, target: e.target, kind: e.kind } });
    });
    return { elements: els, legend: colourBy === 'tag' ? tags : colourBy === 'folder' ? folders : null };
  }

  function wire(cy) {
    var zoomedIn = false;
    function restingLabel(n) { return zoomedIn ? n.data('title') : n.data('label'); }
    cy.on('zoom', function () {
      var now = cy.zoom() > 1.6;
      if (now !== zoomedIn) {
        zoomedIn = now;
        cy.nodes().forEach(function (n) { n.style('label', now ? n.data('title') : n.data('label')); });
      }
    });
    cy.on('mouseover', 'node', function (evt) {
      var node = evt.target;
      var hood = node.closedNeighborhood();
      cy.elements().addClass('faded');
      hood.removeClass('faded');
      node.addClass('highlight');
      hood.edges().addClass('highlight');
      hood.nodes().forEach(function (n) { n.style('label', n.data('title')); });  // the node and its neighbours
    });
    cy.on('mouseout', 'node', function (evt) {
      cy.elements().removeClass('faded highlight');
      evt.target.closedNeighborhood().nodes().forEach(function (n) { n.style('label', restingLabel(n)); });
    });
    cy.on('tap', 'node', function (evt) {
      var url = evt.target.data('url');
      if (url) { window.location.href = url; }
    });
  }

  // ------------------------------------------------------------ global graph page
  function globalGraph(container) {
    var total = parseInt(container.dataset.total, 10) || 0;
    var budget = parseInt(container.dataset.budget, 10) || 600;
    var note = document.getElementById('graph-note');
    var legend = document.getElementById('graph-legend');
    var controls = {
      find: document.getElementById('graph-find'), folder: document.getElementById('graph-folder'),
      tag: document.getElementById('graph-tag'), colour: document.getElementById('graph-colour'),
      orphans: document.getElementById('graph-orphans'), tags: document.getElementById('graph-tags')
    };
    var cy = null, data = null;

    function load() {
      var params = new URLSearchParams();
      if (controls.folder.value) { params.set('folder', controls.folder.value); }
      if (controls.tag.value) { params.set('tag', controls.tag.value); }
      params.set('orphans', controls.orphans.checked);
      params.set('tags', controls.tags.checked);
      params.set('limit', budget);
      params.set('layout', total > 300 ? 'true' : 'false');
      note.textContent = 'Loading…';
      var started = performance.now();
      fetch('/api/graph?' + params).then(function (r) { return r.json(); }).then(function (json) {
        data = json;
        draw();
        var shown = json.nodes.filter(function (n) { return n.kind === 'note'; }).length;
        note.textContent = json.truncated
          ? 'Showing the ' + shown + ' most central of ' + json.total.toLocaleString() + ' notes (by PageRank). Filter by folder or tag to see others.'
          : shown.toLocaleString() + ' notes, ' + json.edges.length.toLocaleString() + (json.edges.length === 1 ? ' link, ' : ' links, ') + json.components + (json.components === 1 ? ' connected group.' : ' connected groups.') + ' Drawn in '
            + Math.round(performance.now() - started) + ' ms.';
        container.dataset.drawn = 'true';
      }).catch(function () { note.textContent = 'The graph could not be loaded.'; });
    }

    function draw() {
      var built = elements(data, controls.colour.value, null);
      if (cy) { cy.destroy(); }
      cy = cytoscape({ container: container, elements: built.elements, style: style(), minZoom: 0.05, maxZoom: 4,
        layout: data.nodes.length && data.nodes[0].x !== undefined ? { name: 'preset', fit: true, padding: 30 }
          : { name: 'cose', animate: false, nodeRepulsion: 12000, idealEdgeLength: 90, nodeOverlap: 20, padding: 30 },
        pixelRatio: 1, hideEdgesOnViewport: data.edges.length > 3000, textureOnViewport: data.edges.length > 3000 });
      wire(cy);
      window.drillbookGraph = cy;
      renderLegend(built.legend);
      highlightMatches();
      fillNotes();
    }

    function renderLegend(keys) {
      legend.textContent = '';
      if (!keys) { return; }
      keys.slice(0, PALETTE.length).forEach(function (k) {
        var item = document.createElement('span');
        var dot = document.createElement('i');
        dot.style.background = colourFor(k, keys);
        item.appendChild(dot);
        item.appendChild(document.createTextNode(k || '(root)'));
        legend.appendChild(item);
      });
    }

    function highlightMatches() {
      if (!cy) { return; }
      cy.nodes().removeClass('match');
      var q = controls.find.value.trim().toLowerCase();
      if (!q) { return; }
      var hits = cy.nodes().filter(function (n) { return (n.data('title') || '').toLowerCase().indexOf(q) >= 0; });
      hits.addClass('match');
      hits.forEach(function (n) { n.style('label', n.data('title')); });
      if (hits.length) { cy.animate({ fit: { eles: hits, padding: 80 } }, { duration: 300 }); }
    }

    // "How is A related to B?": the shortest path from the API, drawn on the graph and listed as links.
    var pathForm = document.getElementById('graph-path');
    var pathResult = document.getElementById('graph-path-result');
    var notesList = document.getElementById('graph-notes');
    function fillNotes() {
      if (!notesList || !data) { return; }
      notesList.textContent = '';
      data.nodes.filter(function (n) { return n.kind === 'note'; }).forEach(function (n) {
        var o = document.createElement('option');
        o.value = n.title;
        notesList.appendChild(o);
      });
    }
    function pathOf(value) {
      var v = value.trim().toLowerCase();
      var hit = data && data.nodes.filter(function (n) { return n.kind === 'note' && ((n.title || '').toLowerCase() === v || n.id.toLowerCase() === v); })[0];
      return hit ? hit.id : value.trim();
    }
    function showPath(json) {
      pathResult.textContent = '';
      if (cy) { cy.elements().removeClass('on-path'); }
      if (!json.connected) {
        pathResult.textContent = 'No chain of links connects these two notes.';
        return;
      }
      var list = document.createElement('ol');
      list.className = 'path-list';
      json.notes.forEach(function (n, i) {
        var li = document.createElement('li');
        var a = document.createElement('a');
        a.href = n.url;
        a.textContent = n.title;
        li.appendChild(a);
        list.appendChild(li);
        if (cy) {
          var node = cy.getElementById(n.path);
          node.addClass('on-path');
          if (i > 0) { node.edgesWith(cy.getElementById(json.notes[i - 1].path)).addClass('on-path'); }
        }
      });
      var lede = document.createElement('p');
      lede.textContent = json.notes.length === 1 ? 'The same note.' : (json.notes.length - 1) + (json.notes.length === 2 ? ' link apart:' : ' links apart:');
      pathResult.appendChild(lede);
      pathResult.appendChild(list);
      if (cy) {
        var on = cy.elements('.on-path');
        if (on.length) { cy.animate({ fit: { eles: on, padding: 80 } }, { duration: 300 }); }
      }
    }
    if (pathForm) {
      pathForm.addEventListener('submit', function (e) {
        e.preventDefault();
        var from = pathOf(pathForm.elements.from.value);
        var to = pathOf(pathForm.elements.to.value);
        if (!from || !to) { return; }
        pathResult.textContent = 'Looking…';
        fetch('/api/graph/path?from=' + encodeURIComponent(from) + '&to=' + encodeURIComponent(to))
          .then(function (r) { return r.ok ? r.json() : r.json().then(function (b) { throw new Error(b.detail || b.title || ('HTTP ' + r.status)); }); })
          .then(showPath)
          .catch(function (err) { pathResult.textContent = err.message; });
      });
    }

    [controls.folder, controls.tag, controls.orphans, controls.tags].forEach(function (c) { c.addEventListener('change', load); });
    controls.colour.addEventListener('change', function () { if (data) { draw(); } });
    var findTimer;
    controls.find.addEventListener('input', function () { clearTimeout(findTimer); findTimer = setTimeout(highlightMatches, 150); });
    document.addEventListener('drillbook:theme', function () { if (data) { draw(); } });  // palettes differ per theme
    load();
  }

  // ------------------------------------------------------------ local graph on a note page
  function localGraph(container) {
    var path = container.dataset.path;
    var cy = null;
    function load(depth) {
      fetch('/api/graph?center=' + encodeURIComponent(path) + '&depth=' + depth + '&limit=150')
        .then(function (r) { return r.json(); })
        .then(function (data) {
          var built = elements(data, 'folder', path);
          if (cy) { cy.destroy(); }
          cy = cytoscape({ container: container, elements: built.elements, style: style(), minZoom: 0.2, maxZoom: 3,
            layout: { name: data.nodes.length > 1 ? 'cose' : 'grid', animate: false, nodeRepulsion: 6000, idealEdgeLength: 45, padding: 10 } });
          // Depth 2-3: the farther a note, the fainter, and only direct neighbours keep their labels.
          var centre = cy.getElementById(path);
          var distance = {};
          if (centre.length) {
            cy.elements().bfs({ roots: centre, visit: function (v, e, u, i, depthHere) { distance[v.id()] = depthHere; } });
          }
          cy.nodes().forEach(function (n) {
            var d = distance[n.id()] === undefined ? depth : distance[n.id()];
            n.data('label', d <= 1 ? n.data('title') : '');
            n.style('label', n.data('label'));
            if (d >= 2) { n.style('opacity', d === 2 ? 0.55 : 0.3); n.connectedEdges().style('opacity', d === 2 ? 0.4 : 0.2); }
          });
          wire(cy);
          container.dataset.drawn = 'true';
        });
    }
    var buttons = document.querySelectorAll('.depth-switch button');
    buttons.forEach(function (b) {
      b.addEventListener('click', function () {
        buttons.forEach(function (o) { o.setAttribute('aria-pressed', o === b ? 'true' : 'false'); });
        load(parseInt(b.dataset.depth, 10));
      });
    });
    document.addEventListener('drillbook:theme', function () { if (cy) { cy.style(style()); } });
    document.addEventListener('drillbook:live', function () { load(currentDepth()); });
    function currentDepth() {
      var on = document.querySelector('.depth-switch button[aria-pressed="true"]');
      return on ? parseInt(on.dataset.depth, 10) : 1;
    }
    load(1);
  }

  function start() {
    if (!window.cytoscape) { return; }
    var g = document.getElementById('graph');
    if (g) { globalGraph(g); }
    var local = document.getElementById('local-graph');
    if (local) { localGraph(local); }
  }
  if (document.readyState === 'loading') { document.addEventListener('DOMContentLoaded', start); } else { start(); }
})();
