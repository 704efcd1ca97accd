// Mock interviews: starting a session, the one-question-at-a-time session screen (clocks, autosave, follow-ups) and
// the report page's progress. User and server text goes in as text; only the server's sanitised prompt HTML is inserted.
(function () {
  'use strict';

  function json(method, url, body, keepalive) {
    var init = { method: method, headers: { Accept: 'application/json' }, keepalive: !!keepalive };
    if (body !== undefined) { init.headers['Content-Type'] = 'application/json'; init.body = JSON.stringify(body); }
    return fetch(url, init).then(function (r) {
      return r.text().then(function (t) {
        var data = t ? JSON.parse(t) : null;
        if (!r.ok) { var e = new Error((data && data.detail) || ('HTTP ' + r.status)); e.status = r.status; throw e; }
        return data;
      });
    });
  }

  function clock(seconds) {
    var s = Math.abs(Math.round(seconds));
    return Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
  }

  // ------------------------------------------------------------ formats and builder
  var soft = document.getElementById('soft-limits');
  var startError = document.getElementById('start-error');
  function startSession(body) {
    body.softLimits = !!(soft && soft.checked);
    json('POST', '/api/interviews', body).then(function (s) { window.location.href = '/interviews/' + s.id; })
      .catch(function (e) { startError.textContent = e.message; startError.hidden = false; });
  }
  document.querySelectorAll('[data-start-format]').forEach(function (b) {
    b.addEventListener('click', function () { b.disabled = true; startSession({ format: b.dataset.startFormat }); });
  });
  var form = document.getElementById('custom-form');
  if (form) {
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      var f = new FormData(form);
      var custom = {};
      ['behavioral', 'concept', 'coding', 'drill', 'behavioralMinutes', 'conceptMinutes', 'codingMinutes', 'drillMinutes'].forEach(function (k) {
        custom[k] = Number(f.get(k) || 0);
      });
      custom.tags = String(f.get('tags') || '').split(',').map(function (t) { return t.trim(); }).filter(Boolean);
      startSession({ custom: custom });
    });
  }

  // ------------------------------------------------------------ session screen
  var root = document.getElementById('interview');
  if (root) {
    var id = root.dataset.session;
    var api = '/api/interviews/' + id;
    var box = document.getElementById('interview-item');
    var prompt = document.getElementById('item-prompt');
    var answer = document.getElementById('item-answer');
    var position = document.getElementById('item-position');
    var kindEl = document.getElementById('item-kind');
    var itemClock = document.getElementById('item-clock');
    var itemNote = document.getElementById('item-note');
    var sessionClock = document.getElementById('session-clock');
    var saveEl = document.getElementById('item-save');
    var errorEl = document.getElementById('interview-error');
    var followBox = document.getElementById('follow-up');
    var followText = document.getElementById('follow-up-text');
    var thinking = document.getElementById('interview-thinking');
    var doneBox = document.getElementById('interview-done');
    var progress = document.getElementById('interview-progress');
    var state = null;
    var item = null;
    var dirty = false;
    var busy = false;
    var localKey = function () { return 'drillbook.interview.' + id + '.' + (item ? item.index : ''); };

    var showError = function (m) { errorEl.textContent = m || ''; errorEl.hidden = !m; };

    var render = function (s) {
      state = s;
      if (s.status !== 'active') { window.location.href = api.replace('/api', '') + '/report'; return; }
      progress.textContent = '';
      s.items.forEach(function (it) {
        var dot = document.createElement('span');
        dot.className = 'step step-' + it.status;
        dot.title = (it.index + 1) + ': ' + it.kind + ' — ' + it.status.replace('_', ' ');
        progress.appendChild(dot);
      });
      var current = s.current === null || s.current === undefined ? null : s.items[s.current];
      if (!current) {
        item = null;
        box.hidden = true;
        doneBox.hidden = false;
        itemClock.textContent = '–';
        itemNote.textContent = '';
        return;
      }
      var changed = !item || item.index !== current.index;
      item = current;
      box.hidden = false;
      doneBox.hidden = true;
      position.textContent = 'Question ' + (item.index + 1) + ' of ' + s.items.length;
      kindEl.textContent = item.kind === 'drill' ? 'system design' : item.kind === 'behavioral' ? 'behavioural' : 'concept';
      if (changed) {
        prompt.innerHTML = item.promptHtml; // rendered and sanitised by the server, as notes are
        if (window.Drillbook) { window.Drillbook.enhance(prompt); }
        var local = null;
        try { local = JSON.parse(localStorage.getItem(localKey()) || 'null'); } catch (e) { local = null; }
        answer.value = local && local.text && local.text.length > (item.answer || '').length ? local.text : (item.answer || '');
        dirty = local && local.text && answer.value === local.text && local.text !== (item.answer || '');
        answer.readOnly = false;
        answer.focus();
      }
      followBox.hidden = !item.followUp;
      followText.textContent = item.followUp || '';
      tick();
    };

    var load = function () {
      return json('GET', api).then(render).catch(function (e) { showError('Could not load the session: ' + e.message); });
    };

    var save = function (done, keepalive) {
      if (!item || busy) { return Promise.resolve(); }
      if (!done && !dirty) { return Promise.resolve(); }
      dirty = false;
      var index = item.index;
      var text = answer.value;
      if (done) { busy = true; thinking.hidden = item.kind !== 'drill'; }
      return json('POST', api + '/items/' + index + '/answer', { answer: text, done: !!done }, keepalive).then(function (s) {
        busy = false;
        thinking.hidden = true;
        saveEl.textContent = 'Saved ' + new Date().toLocaleTimeString();
        if (done) {
          try { localStorage.removeItem('drillbook.interview.' + id + '.' + index); } catch (e) { /* ignore */ }
        }
        if (s.followUp) {
          answer.value = text + '\n\n**Follow-up:** ' + s.followUp + '\n\n';
          dirty = true;
          answer.focus();
          answer.setSelectionRange(answer.value.length, answer.value.length);
        }
        if (done || s.current !== state.current) { render(s); } else { state = s; }
      }).catch(function (e) {
        busy = false;
        thinking.hidden = true;
        if (e.status === 409) { showError(e.message); load(); return; }
        dirty = true;
        saveEl.textContent = 'Not saved — kept in this browser (' + e.message + ')';
      });
    };

    var finish = function () {
      var go = function () {
        json('POST', api + '/finish').then(function () { window.location.href = '/interviews/' + id + '/report'; })
          .catch(function (e) { showError(e.message); });
      };
      if (item && !window.confirm('Finish now? Questions not reached yet are counted as skipped.')) { return; }
      if (item && dirty) { save(false).then(go); } else { go(); }
    };

    var tick = function () {
      if (!state) { return; }
      var elapsed = (Date.now() - Date.parse(state.startedAt)) / 1000;
      sessionClock.textContent = 'Session ' + clock(elapsed) + ' of ' + clock(state.totalSeconds);
      if (!item) { return; }
      var left = (Date.parse(item.deadline) - Date.now()) / 1000;
      itemClock.textContent = (left < 0 ? '+' : '') + clock(left);
      itemClock.classList.toggle('late', left < item.timeLimitSeconds * 0.15);
      itemClock.classList.toggle('over', left < 0);
      if (left < 0 && !state.softLimits) {
        itemNote.textContent = 'Time is up';
        if (!answer.readOnly) { answer.readOnly = true; dirty = true; save(true); }
      } else {
        itemNote.textContent = left < 0 ? 'Over time (soft limit): wrap up' : 'for this question';
      }
    };

    answer.addEventListener('input', function () {
      dirty = true;
      saveEl.textContent = 'Editing…';
      try { localStorage.setItem(localKey(), JSON.stringify({ text: answer.value, at: Date.now() })); } catch (e) { /* full */ }
    });
    answer.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); dirty = true; save(true); }
    });
    document.getElementById('item-next').addEventListener('click', function () { dirty = true; save(true); });
    document.getElementById('session-finish').addEventListener('click', finish);
    document.getElementById('session-finish-2').addEventListener('click', function () { item = null; finish(); });
    window.addEventListener('beforeunload', function () { if (dirty) { save(false, true); } });
    load().then(function () {
      setInterval(tick, 1000);
      setInterval(function () { save(false); }, 3000);
    });
  }

  // ------------------------------------------------------------ report page
  var report = document.getElementById('interview-report');
  if (report && report.dataset.grading === 'true') {
    var poll = function () {
      json('GET', '/api/interviews/' + report.dataset.session + '/report').then(function (r) {
        if (!r.grading) { window.location.reload(); } else { setTimeout(poll, 1200); }
      }).catch(function () { setTimeout(poll, 3000); });
    };
    setTimeout(poll, 800);
  }
})();
