// The review screen: question → Space/Enter → answer → 1–4. Talks to /api/review/next and /api/cards/{id}/reviews.
// Card sides are HTML rendered and sanitised by the server (like note pages); everything else goes in as text.
(function () {
  'use strict';

  var study = document.getElementById('study');
  if (!study) { return; }
  var query = study.dataset.query ? '?' + study.dataset.query : '';
  var card = document.getElementById('flashcard');
  var bar = document.getElementById('answer-bar');
  var empty = document.getElementById('study-empty');
  var loading = study.querySelector('.study-loading');
  var errorBox = study.querySelector('.study-error');
  var reveal = bar.querySelector('.reveal');
  var ratings = bar.querySelector('.rating-buttons');
  var current = null;
  var revealed = false;
  var busy = false;
  var answered = 0;
  var undoStack = 0;
  var shownAt = 0;
  var typedBox = document.getElementById('typed-answer');
  var typed = document.getElementById('typed');
  var gradeBox = document.getElementById('typed-grade');
  var typing = false;
  try { typing = localStorage.getItem('drillbook.typeAnswers') === 'on'; } catch (e) { typing = false; }
  var RATING_KEYS = { again: 1, hard: 2, good: 3, easy: 4 };

  function gradeField(name) { return gradeBox.querySelector('[data-grade="' + name + '"]'); }

  // A cloze card's text holds its own answer: nothing to grade a typed answer against.
  function clozeCard() { return !!current && /cloze/i.test(current.card.kind); }

  function setTyping(on) {
    typing = on;  // for this session only; the default is chosen on the Settings page
    study.querySelector('[data-study="type"]').setAttribute('aria-pressed', String(on));
    typedBox.hidden = !on || !current || revealed || clozeCard();
    if (!typedBox.hidden) { typed.focus(); }
  }

  // The typed answer is stored and graded by the server; the suggested rating is only highlighted: the user confirms.
  function gradeTyped() {
    var text = typed.value.trim();
    if (!typing || !text || !current || clozeCard()) { return; }
    var cardId = current.card.id;
    gradeBox.hidden = false;
    gradeField('score').textContent = 'Grading your answer…';
    gradeField('grader').textContent = '';
    gradeField('critique').textContent = '';
    gradeField('notes').textContent = '';
    gradeField('missing').textContent = '';
    api('POST', '/api/grade', { question: current.card.front, reference: current.card.back, answer: text, cardId: cardId })
      .then(function (g) {
        if (!current || current.card.id !== cardId) { return; }
        if (g.score === null || g.score === undefined) {
          gradeField('score').textContent = g.error ? 'Not graded' : 'No score';
          gradeField('critique').textContent = g.error || (g.notes || []).join(' ');
          return;
        }
        gradeField('score').textContent = (Math.round(g.score * 10) / 10) + ' / 5 — suggests ' + g.rating.charAt(0).toUpperCase() + g.rating.slice(1);
        gradeField('grader').textContent = g.grader.label;
        gradeField('critique').textContent = g.critique || '';
        (g.missingPoints || []).forEach(function (m) {
          var li = document.createElement('li');
          li.textContent = 'Missing: ' + m;
          gradeField('missing').appendChild(li);
        });
        gradeField('notes').textContent = (g.notes || []).join(' ');
        var suggested = ratings.querySelector('[data-rating="' + RATING_KEYS[g.rating] + '"]');
        ratings.querySelectorAll('button').forEach(function (b) { b.classList.toggle('is-suggested', b === suggested); });
        if (suggested) { suggested.focus({ preventScroll: true }); }
      })
      .catch(function (e) { gradeField('score').textContent = 'Not graded: ' + e.message; });
  }

  function field(name) { return study.querySelector('[data-field="' + name + '"]'); }

  function api(method, url, body) {
    var options = { method: method, headers: { 'Accept': 'application/json' } };
    if (body) { options.headers['Content-Type'] = 'application/json'; options.body = JSON.stringify(body); }
    return fetch(url, options).then(function (r) {
      return r.text().then(function (text) {
        var data = text ? JSON.parse(text) : null;
        if (!r.ok) { throw new Error((data && data.detail) || ('HTTP ' + r.status)); }
        return data;
      });
    });
  }

  function showError(message) {
    errorBox.textContent = message;
    errorBox.hidden = !message;
  }

  function setCounts(next) {
    var counts = { 'new': next.newLeft, learning: next.learning, review: next.reviewLeft };
    Object.keys(counts).forEach(function (k) {
      var el = study.querySelector('[data-count="' + k + '"]');
      el.textContent = counts[k];
    });
    var kind = next.card ? next.card.state : null;
    study.querySelectorAll('[data-count]').forEach(function (el) { el.classList.remove('is-current'); });
    var map = { 'new': 'new', learning: 'learning', relearning: 'learning', review: 'review' };
    if (kind && map[kind]) { study.querySelector('[data-count="' + map[kind] + '"]').classList.add('is-current'); }
    var left = next.newLeft + next.learning + next.reviewLeft;
    var done = answered / Math.max(1, answered + left);
    study.querySelector('.study-progress-bar').style.width = (done * 100).toFixed(1) + '%';
  }

  function formatWhen(iso) {
    var due = new Date(iso);
    var minutes = Math.round((due - Date.now()) / 60000);
    if (minutes < 60) { return 'in ' + Math.max(1, minutes) + ' minute' + (minutes === 1 ? '' : 's'); }
    if (minutes < 60 * 24) { return 'in about ' + Math.round(minutes / 60) + ' hours (' + due.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) + ')'; }
    return 'on ' + due.toLocaleDateString([], { weekday: 'long', month: 'short', day: 'numeric' }) + ' at ' + due.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  }

  function render(next) {
    loading.hidden = true;
    setCounts(next);
    current = next.card ? next : null;
    revealed = false;
    if (!next.card) {
      card.hidden = true;
      bar.hidden = true;
      empty.hidden = false;
      field('next-due').textContent = next.nextDue ? 'The next card is due ' + formatWhen(next.nextDue) + '.'
          : 'No cards are scheduled. Add cards in questions/ or in notes tagged #flashcards.';
      field('session').textContent = answered ? 'You answered ' + answered + ' card' + (answered === 1 ? '' : 's') + ' in this session.' : '';
      document.title = 'Done · Drillbook';
      return;
    }
    var v = next.view;
    empty.hidden = true;
    card.hidden = false;
    bar.hidden = false;
    field('front').innerHTML = v.frontHtml;
    field('back').innerHTML = v.backHtml;
    field('back').hidden = true;
    card.querySelector('.flashcard-divider').hidden = true;
    field('kind').textContent = v.kind;
    field('state').textContent = v.state;
    field('leech').hidden = !v.leech;
    field('deck').textContent = v.deck;
    var source = field('source');
    source.textContent = '';
    if (v.sourceUrl) {
      var a = document.createElement('a');
      a.href = v.sourceUrl;
      a.textContent = 'From ' + v.sourceTitle + (v.sourceUrl.indexOf('/questions/') === 0 ? ':' + v.line : '');
      a.className = 'source-link';
      source.appendChild(a);
    } else {
      source.textContent = v.sourceTitle + ':' + v.line;
    }
    var notes = field('notes');
    notes.textContent = '';
    (v.notes || []).forEach(function (n, i) {
      if (n.url === v.sourceUrl) { return; }
      if (notes.childNodes.length) { notes.appendChild(document.createTextNode(' · ')); } else { notes.appendChild(document.createTextNode('Notes: ')); }
      var link = document.createElement('a');
      link.href = n.url;
      link.textContent = n.title;
      link.className = 'internal-link';
      notes.appendChild(link);
    });
    next.buttons.forEach(function (b) {
      var button = ratings.querySelector('[data-rating="' + b.key + '"]');
      button.querySelector('.rating-interval').textContent = b.interval;
      button.title = b.label + ': next in ' + b.interval;
    });
    reveal.hidden = false;
    ratings.hidden = true;
    ratings.querySelectorAll('button').forEach(function (b) { b.classList.remove('is-suggested'); });
    typed.value = '';
    gradeBox.hidden = true;
    typedBox.hidden = !typing || clozeCard();
    if (window.Drillbook) { window.Drillbook.enhance(card); }
    document.title = 'Review · Drillbook';
    shownAt = Date.now();
    if (!typedBox.hidden) { typed.focus({ preventScroll: true }); } else { reveal.focus({ preventScroll: true }); }
  }

  function load(cardId) {
    busy = true;
    showError('');
    var url = '/api/review/next' + query + (cardId ? (query ? '&' : '?') + 'card=' + encodeURIComponent(cardId) : '');
    return api('GET', url).then(render).catch(function (e) { showError('Could not load the next card: ' + e.message); })
      .then(function () { busy = false; });
  }

  function showAnswer() {
    if (!current || revealed) { return; }
    revealed = true;
    field('back').hidden = false;
    card.querySelector('.flashcard-divider').hidden = false;
    reveal.hidden = true;
    ratings.hidden = false;
    var good = ratings.querySelector('[data-rating="3"]');
    good.focus({ preventScroll: true });
    typedBox.hidden = true;
    gradeTyped();
  }

  function answer(grade) {
    if (!current || !revealed || busy) { return; }
    busy = true;
    var id = current.card.id;
    ratings.querySelectorAll('button').forEach(function (b) { b.classList.toggle('is-chosen', b.dataset.rating === String(grade)); });
    api('POST', '/api/cards/' + encodeURIComponent(id) + '/reviews', { rating: grade })
      .then(function () { answered++; undoStack++; busy = false; return load(); })
      .catch(function (e) { busy = false; showError('Your answer was not saved: ' + e.message + '. Try again.'); });
  }

  function undo() {
    if (busy) { return; }
    busy = true;
    api('POST', '/api/review/undo').then(function (restored) {
      answered = Math.max(0, answered - 1);
      undoStack = Math.max(0, undoStack - 1);
      busy = false;
      return load(restored.id);
    }).catch(function (e) { busy = false; showError(e.message); });
  }

  function setAside(action) {
    if (!current || busy) { return; }
    busy = true;
    api('POST', '/api/cards/' + encodeURIComponent(current.card.id) + '/' + action)
      .then(function () { busy = false; return load(); })
      .catch(function (e) { busy = false; showError(e.message); });
  }

  study.addEventListener('click', function (e) {
    var rating = e.target.closest('[data-rating]');
    if (rating) { answer(Number(rating.dataset.rating)); return; }
    var action = e.target.closest('[data-study]');
    if (!action) { return; }
    var name = action.dataset.study;
    if (name === 'reveal') { showAnswer(); }
    else if (name === 'type') { setTyping(!typing); }
    else if (name === 'undo') { undo(); }
    else if (name === 'bury') { setAside('bury'); }
    else if (name === 'suspend') { setAside('suspend'); }
  });

  document.addEventListener('keydown', function (e) {
    var t = e.target;
    if (e.ctrlKey || e.metaKey || e.altKey) {
      if ((e.ctrlKey || e.metaKey) && e.key === 'z' && t !== typed) { e.preventDefault(); undo(); }
      if ((e.ctrlKey || e.metaKey) && e.key === 'Enter' && t === typed) { e.preventDefault(); typed.blur(); showAnswer(); }
      return;
    }
    if (t === typed && e.key === 'Enter' && e.ctrlKey) { return; }
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) { return; }
    if (e.key === ' ' || e.key === 'Enter') {
      if (current && !revealed) { e.preventDefault(); showAnswer(); return; }
      if (current && revealed && e.key === ' ') { e.preventDefault(); answer(3); return; }
      return;
    }
    if (/^[1-4]$/.test(e.key)) { e.preventDefault(); if (!revealed) { showAnswer(); } else { answer(Number(e.key)); } return; }
    if (e.key === 'u') { e.preventDefault(); undo(); return; }
    if (e.key === 'a') { e.preventDefault(); setTyping(!typing); return; }
    if (e.key === '-') { e.preventDefault(); setAside('bury'); return; }
    if (e.key === '@') { e.preventDefault(); setAside('suspend'); return; }
    if (e.key === 'o' && current && current.view.sourceUrl) { window.location.href = current.view.sourceUrl; }
  });

  load();
})();
