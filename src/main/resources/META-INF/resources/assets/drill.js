// The drill screen (timer, phases, editor with live preview, autosave, submit) and the verdict page (progress, regrade).
// Text from the user or the server goes in with textContent or value; only the server's sanitised preview HTML is inserted.
(function () {
  'use strict';

  function json(method, url, body, keepalive) {
    var init = { method: method, headers: { 'Accept': 'application/json' }, keepalive: !!keepalive };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    return fetch(url, init).then(function (r) {
      if (r.status === 204) { return null; }
      return r.json().catch(function () { return {}; }).then(function (data) {
        if (!r.ok) { throw new Error((data && data.detail) || ('HTTP ' + r.status)); }
        return data;
      });
    });
  }

  function clock(seconds) {
    var s = Math.abs(Math.round(seconds));
    return Math.floor(s / 60) + ':' + String(s % 60).padStart(2, '0');
  }

  // ------------------------------------------------------------ drill screen
  var drill = document.getElementById('drill');
  if (drill) {
    var id = drill.dataset.drill;
    var api = '/api/drills/' + id.split('/').map(encodeURIComponent).join('/');
    var limit = Number(drill.dataset.limit) * 60;
    var answer = document.getElementById('answer');
    var preview = document.getElementById('preview');
    var editor = document.getElementById('editor');
    var saveState = document.getElementById('save-state');
    var submit = document.getElementById('submit');
    var restart = document.getElementById('restart');
    var soft = document.getElementById('soft');
    var clockEl = document.getElementById('clock');
    var phaseEl = document.getElementById('clock-phase');
    var phases = Array.prototype.slice.call(document.querySelectorAll('#phases li'));
    var errorEl = document.getElementById('drill-error');
    var words = document.getElementById('word-count');
    var localKey = 'drillbook.draft.' + id;
    var startedAt = null;
    var dirty = false;
    var saving = false;
    var submitted = false;
    var previewTimer = null;

    var showError = function (message) {
      errorEl.textContent = message;
      errorEl.hidden = !message;
    };

    var setSaveState = function (text) { saveState.textContent = text; };

    var save = function (keepalive) {
      if (!dirty || saving || submitted) { return Promise.resolve(); }
      saving = true;
      dirty = false;
      var text = answer.value;
      return json('PUT', api + '/draft', { answer: text }, keepalive).then(function (d) {
        saving = false;
        if (!startedAt) { startedAt = Date.parse(d.startedAt); }
        setSaveState('Saved ' + new Date(d.updatedAt).toLocaleTimeString());
        restart.hidden = false;
      }).catch(function (e) {
        saving = false;
        dirty = true;
        setSaveState('Not saved — kept in this browser (' + e.message + ')');
      });
    };

    var renderPreview = function () {
      if (editor.dataset.mode === 'write') { return; }
      json('POST', '/api/preview', { markdown: answer.value }).then(function (p) {
        preview.innerHTML = p.html; // sanitised on the server, as notes are
        if (window.Drillbook) { window.Drillbook.enhance(preview); }
      }).catch(function () { /* the editor keeps working */ });
    };

    var countWords = function () {
      var n = (answer.value.trim().match(/\S+/g) || []).length;
      words.textContent = n + (n === 1 ? ' word' : ' words');
    };

    var tick = function () {
      if (!startedAt) {
        clockEl.textContent = clock(limit);
        phaseEl.textContent = 'The clock starts when you start typing';
        return;
      }
      var elapsed = (Date.now() - startedAt) / 1000;
      var left = limit - elapsed;
      clockEl.textContent = (left < 0 ? '+' : '') + clock(left);
      clockEl.classList.toggle('late', left < limit * 0.1);
      clockEl.classList.toggle('over', left < 0);
      var current = null;
      phases.forEach(function (li) {
        var on = elapsed >= Number(li.dataset.start) && elapsed < Number(li.dataset.end);
        li.classList.toggle('current', on);
        li.classList.toggle('done', elapsed >= Number(li.dataset.end));
        if (on) { current = li; }
      });
      phaseEl.textContent = left < 0 ? 'Time is up — wrap up and submit'
        : current ? 'Now: ' + current.querySelector('strong').textContent : '';
      if (left < 0 && !soft.checked && !submitted) {
        answer.readOnly = true;
        doSubmit();
      }
    };

    var doSubmit = function () {
      if (submitted) { return; }
      if (!answer.value.trim()) { showError('Write an answer first.'); return; }
      submitted = true;
      submit.disabled = true;
      showError('');
      setSaveState('Submitting…');
      var used = startedAt ? Math.round((Date.now() - startedAt) / 1000) : null;
      json('POST', api + '/attempts', { answer: answer.value, timeUsedSeconds: used }).then(function (a) {
        try { localStorage.removeItem(localKey); } catch (e) { /* private mode */ }
        window.location.href = '/attempts/' + a.id;
      }).catch(function (e) {
        submitted = false;
        submit.disabled = false;
        answer.readOnly = false;
        showError('Not submitted: ' + e.message + '. Your answer is still here and saved as a draft.');
      });
    };

    answer.addEventListener('input', function () {
      dirty = true;
      setSaveState('Editing…');
      try { localStorage.setItem(localKey, JSON.stringify({ text: answer.value, at: Date.now() })); } catch (e) { /* full */ }
      countWords();
      clearTimeout(previewTimer);
      previewTimer = setTimeout(renderPreview, 350);
      if (!startedAt) { save(); }
    });
    answer.addEventListener('keydown', function (e) {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); doSubmit(); }
    });
    submit.addEventListener('click', doSubmit);
    restart.addEventListener('click', function () {
      if (!window.confirm('Discard this draft and restart the clock?')) { return; }
      json('DELETE', api + '/draft').then(function () {
        try { localStorage.removeItem(localKey); } catch (e) { /* ignore */ }
        answer.value = '';
        startedAt = null;
        dirty = false;
        restart.hidden = true;
        countWords();
        setSaveState('Draft discarded');
        tick();
      });
    });
    document.querySelectorAll('[data-tab]').forEach(function (tab) {
      tab.addEventListener('click', function () {
        document.querySelectorAll('[data-tab]').forEach(function (t) { t.setAttribute('aria-selected', String(t === tab)); });
        editor.dataset.mode = tab.dataset.tab;
        renderPreview();
        if (tab.dataset.tab !== 'preview') { answer.focus(); }
      });
    });
    window.addEventListener('beforeunload', function () { if (dirty) { save(true); } });
    document.addEventListener('visibilitychange', function () { if (document.hidden) { save(true); } });

    json('GET', api + '/draft').then(function (d) {
      var local = null;
      try { local = JSON.parse(localStorage.getItem(localKey) || 'null'); } catch (e) { local = null; }
      if (d) {
        startedAt = Date.parse(d.startedAt);
        answer.value = d.answer;
        restart.hidden = false;
        setSaveState('Draft restored, saved ' + new Date(d.updatedAt).toLocaleTimeString());
      } else {
        setSaveState('Not started');
      }
      if (local && local.text && local.text !== answer.value && (!d || local.at > Date.parse(d.updatedAt))) {
        answer.value = local.text; // typed after the last server save (crash or lost connection)
        dirty = true;
        setSaveState('Restored unsaved text from this browser');
        save();
      }
    }).catch(function (e) {
      setSaveState('Could not load the draft: ' + e.message);
    }).then(function () {
      answer.disabled = false;
      submit.disabled = false;
      countWords();
      tick();
      answer.focus();
      setInterval(tick, 1000);
      setInterval(function () { save(); }, 3000);
    });
  }

  // ------------------------------------------------------------ self-assessment (no judge): keyboard first
  var assess = document.getElementById('self-assess');
  if (assess) {
    var rows = Array.prototype.slice.call(assess.querySelectorAll('.assess-row'));
    var saveButton = document.getElementById('assess-save');
    var assessError = document.getElementById('assess-error');
    var at = 0;
    var focusRow = function (i) {
      at = Math.max(0, Math.min(rows.length - 1, i));
      rows.forEach(function (r, j) { r.classList.toggle('current', j === at); });
      rows[at].focus();
    };
    var mark = function (value) {
      var input = rows[at].querySelector('input[value="' + value + '"]');
      if (input) { input.checked = true; }
      if (at < rows.length - 1) { focusRow(at + 1); }
    };
    var saveAssessment = function () {
      var marks = {};
      rows.forEach(function (r) {
        var checked = r.querySelector('input:checked');
        marks[r.dataset.kp] = checked ? checked.value : null;
      });
      saveButton.disabled = true;
      json('POST', '/api/attempts/' + assess.dataset.attempt + '/self-assessment', { marks: marks })
        .then(function () { window.location.reload(); })
        .catch(function (e) { saveButton.disabled = false; assessError.textContent = e.message; assessError.hidden = false; });
    };
    rows.forEach(function (r, i) { r.addEventListener('click', function () { focusRow(i); }); });
    saveButton.addEventListener('click', saveAssessment);
    document.addEventListener('keydown', function (e) {
      if (e.target && (e.target.tagName === 'TEXTAREA' || (e.target.tagName === 'INPUT' && e.target.type === 'text'))) { return; }
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); saveAssessment(); return; }
      if (e.ctrlKey || e.metaKey || e.altKey) { return; }
      var keys = { j: function () { focusRow(at + 1); }, ArrowDown: function () { focusRow(at + 1); },
        k: function () { focusRow(at - 1); }, ArrowUp: function () { focusRow(at - 1); },
        c: function () { mark('covered'); }, p: function () { mark('partial'); }, m: function () { mark('missing'); } };
      if (keys[e.key]) { e.preventDefault(); e.stopPropagation(); keys[e.key](); }
    }, true);
    if (rows.length) { focusRow(0); }
  }

  // ------------------------------------------------------------ verdict page
  var verdict = document.getElementById('verdict');
  if (verdict) {
    var attempt = verdict.dataset.attempt;
    if (verdict.dataset.status === 'pending') {
      var since = Date.now();
      var elapsedEl = document.getElementById('grading-elapsed');
      var poll = function () {
        json('GET', '/api/attempts/' + attempt).then(function (a) {
          if (a.status !== 'pending') { window.location.reload(); return; }
          elapsedEl.textContent = Math.round((Date.now() - since) / 1000) + ' s';
          setTimeout(poll, 1000);
        }).catch(function () { setTimeout(poll, 3000); });
      };
      setTimeout(poll, 600);
    }
    document.querySelectorAll('[data-regrade]').forEach(function (b) {
      b.addEventListener('click', function () {
        b.disabled = true;
        json('POST', '/api/attempts/' + b.dataset.regrade + '/regrade').then(function () { window.location.reload(); })
          .catch(function (e) { b.disabled = false; window.alert(e.message); });
      });
    });
  }
})();
