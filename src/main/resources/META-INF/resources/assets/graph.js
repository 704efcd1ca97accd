// Graph views: the global graph page (#graph) and the local graph on note pages (#local-graph), drawn with
// cytoscape.js. Large vaults come with server-computed positions (layout=true) so the first draw needs no
// client-side force simulation; small graphs use cytoscape's own force layout.
(function () {
  'use strict';

  var PALETTE = ['#6d4aff', '#00a3a3', '#e07a00', '#d6336c', '#2f9e44', '#1c7ed6', '#ae3ec9', '#f08c00', '#0b7285',
    '#5c940d', '#c92a2a', '#495057'];

  function colourFor(key, keys) {
    var i = keys.indexOf(key);
    return i < 0 ? '#868e96' : PALETTE[i % PALETTE.length];
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
    var labelFloor = data.nodes.length <= 12 ? 0 : degrees[Math.min(degrees.length - 1, 24)];
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
      node.style('label', node.data('title'));
    });
    cy.on('mouseout', 'node', function (evt) {
      cy.elements().removeClass('faded highlight');
      evt.target.style('label', evt.target.data('label'));
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
          : shown.toLocaleString() + ' notes, ' + json.edges.length.toLocaleString() + ' links, ' + json.components + ' connected groups. Drawn in '
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

    [controls.folder, controls.tag, controls.orphans, controls.tags].forEach(function (c) { c.addEventListener('change', load); });
    controls.colour.addEventListener('change', function () { if (data) { draw(); } });
    var findTimer;
    controls.find.addEventListener('input', function () { clearTimeout(findTimer); findTimer = setTimeout(highlightMatches, 150); });
    document.addEventListener('drillbook:theme', function () { if (cy) { cy.style(style()); } });
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
          cy.nodes().forEach(function (n) { n.style('label', data.nodes.length <= 25 || n.hasClass('center') ? n.data('title') : n.data('label')); });
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
