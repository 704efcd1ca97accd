// The Settings page: each section's form saves through its JSON API; the optimiser runs as a job whose progress is polled.
(function () {
  'use strict';

  function problem(res) {
    return res.json().then(function (body) { return body.detail || body.title || ('HTTP ' + res.status); },
      function () { return 'HTTP ' + res.status; });
  }

  function send(method, url, body) {
    return fetch(url, {
      method: method,
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (res) {
      if (!res.ok) { return problem(res).then(function (msg) { throw new Error(msg); }); }
      return res.json();
    });
  }

  function status(form, text, bad) {
    var el = form.querySelector('.form-status');
    if (el) {
      el.textContent = text;
      el.classList.toggle('form-error', !!bad);
    }
  }

  var scheduling = document.querySelector('[data-settings-form]');
  if (scheduling) {
    scheduling.addEventListener('submit', function (e) {
      e.preventDefault();
      var days = [];
      scheduling.querySelectorAll('[data-easy-day]').forEach(function (s) { days.push(s.value); });
      var body = {
        desiredRetention: parseFloat(scheduling.elements.desiredRetention.value),
        easyDays: days
      };
      if (!scheduling.elements.loadBalancing.disabled) { body.loadBalancing = scheduling.elements.loadBalancing.checked; }
      status(scheduling, 'Saving…');
      send('PUT', '/api/settings/scheduling', body).then(function () { status(scheduling, 'Saved.'); },
        function (err) { status(scheduling, err.message, true); });
    });
  }

  var interview = document.querySelector('[data-interview-form]');
  if (interview) {
    interview.addEventListener('submit', function (e) {
      e.preventDefault();
      var f = interview.elements;
      var body = { interview: { date: f.date.value, topics: f.topics.value } };
      if (f.retention.value) { body.interview.retention = parseFloat(f.retention.value); }
      status(interview, 'Planning…');
      send('PUT', '/api/settings/scheduling', body).then(function (r) {
        status(interview, 'Saved; ' + (r.broughtForward || 0) + ' card(s) brought forward.');
        location.href = '/plan';
      }, function (err) { status(interview, err.message, true); });
    });
    var clear = interview.querySelector('[data-clear-interview]');
    if (clear) {
      clear.addEventListener('click', function () {
        send('PUT', '/api/settings/scheduling', { interview: null }).then(function () { location.reload(); },
          function (err) { status(interview, err.message, true); });
      });
    }
  }

  document.querySelectorAll('[data-reset-preset]').forEach(function (b) {
    b.addEventListener('click', function () {
      send('POST', '/api/fsrs/presets/reset', { deck: b.getAttribute('data-reset-preset') || null }).then(function () { location.reload(); });
    });
  });

  var optimizer = document.querySelector('[data-optimizer]');
  if (!optimizer) { return; }
  var scope = optimizer.querySelector('#optimize-scope');
  var result = optimizer.querySelector('.optimize-result');
  var progressBox = optimizer.querySelector('.optimize-progress');
  var bar = progressBox.querySelector('progress');
  var progressText = progressBox.querySelector('[data-progress-text]');
  var buttons = optimizer.querySelectorAll('button');

  function fmt(v, digits) { return v === null || v === undefined ? '—' : v.toFixed(digits); }

  function row(label, ev) {
    var tr = document.createElement('tr');
    [label, ev ? fmt(ev.logLoss, 4) : '—', ev ? fmt(ev.rmseBins, 4) : '—'].forEach(function (text, i) {
      var cell = document.createElement(i === 0 ? 'th' : 'td');
      if (i === 0) { cell.scope = 'row'; } else { cell.className = 'num'; }
      cell.textContent = text;
      tr.appendChild(cell);
    });
    return tr;
  }

  function table(rows) {
    var t = document.createElement('table');
    t.className = 'eval-table';
    t.innerHTML = '<thead><tr><th scope="col">Weights</th><th scope="col" class="num">Log loss</th><th scope="col" class="num">RMSE (bins)</th></tr></thead>';
    var body = document.createElement('tbody');
    rows.forEach(function (r) { body.appendChild(r); });
    t.appendChild(body);
    return t;
  }

  function note(text) {
    var p = document.createElement('p');
    p.className = 'muted small';
    p.textContent = text;
    return p;
  }

  function busy(on) { buttons.forEach(function (b) { b.disabled = on; }); }

  optimizer.querySelector('[data-evaluate]').addEventListener('click', function () {
    busy(true);
    result.textContent = 'Evaluating…';
    fetch('/api/fsrs/evaluate?deck=' + encodeURIComponent(scope.value), { headers: { Accept: 'application/json' } })
      .then(function (res) { return res.ok ? res.json() : problem(res).then(function (m) { throw new Error(m); }); })
      .then(function (ev) {
        result.textContent = '';
        result.appendChild(table([row('In force (' + ev.parametersId + ')', ev)]));
        result.appendChild(note(ev.reviews + (ev.reviews === 1 ? ' answer scored.' : ' answers scored.')));
      }, function (err) { result.textContent = err.message; })
      .finally(function () { busy(false); });
  });

  function show(job) {
    result.textContent = '';
    if (job.status === 'failed') { result.textContent = job.error; return; }
    var rows = [row('In force now', job.current), row('FSRS-6 defaults', job.defaults)];
    if (job.optimisedEnough) { rows.push(row('Optimised', job.optimised)); }
    result.appendChild(table(rows));
    if (!job.optimisedEnough) {
      result.appendChild(note('Only ' + job.current.reviews + ' answers a day or more after the previous one; optimising needs ' + job.minimumReviews + '. The defaults stay.'));
      return;
    }
    result.appendChild(note(job.improves ? 'The optimised weights fit your answers better.' : 'The weights in force already fit as well; applying changes little.'));
    var apply = document.createElement('button');
    apply.type = 'button';
    apply.className = 'button';
    apply.textContent = job.deck ? 'Apply to deck ' + job.deck : 'Apply to all cards';
    apply.addEventListener('click', function () {
      apply.disabled = true;
      send('POST', '/api/fsrs/optimize/' + job.id + '/accept').then(function () { location.reload(); },
        function (err) { apply.disabled = false; result.appendChild(note(err.message)); });
    });
    result.appendChild(apply);
  }

  function poll(id) {
    fetch('/api/fsrs/optimize/' + id, { headers: { Accept: 'application/json' } }).then(function (res) { return res.json(); }).then(function (job) {
      bar.value = job.progress;
      progressText.textContent = Math.round(job.progress * 100) + ' %';
      if (job.status === 'running') {
        setTimeout(function () { poll(id); }, 300);
        return;
      }
      progressBox.hidden = true;
      busy(false);
      show(job);
    }, function () { setTimeout(function () { poll(id); }, 1000); });
  }

  optimizer.querySelector('[data-optimize]').addEventListener('click', function () {
    busy(true);
    result.textContent = '';
    bar.value = 0;
    progressText.textContent = '0 %';
    progressBox.hidden = false;
    send('POST', '/api/fsrs/optimize', { deck: scope.value || null }).then(function (job) { poll(job.id); },
      function (err) { progressBox.hidden = true; busy(false); result.textContent = err.message; });
  });

  // "Type answer" default for this browser: the review screen reads it at the start of a session.
  var typeDefault = document.getElementById('type-answers-default');
  if (typeDefault) {
    try { typeDefault.checked = localStorage.getItem('drillbook.typeAnswers') === 'on'; } catch (e) { /* private mode */ }
    typeDefault.addEventListener('change', function () {
      try { localStorage.setItem('drillbook.typeAnswers', typeDefault.checked ? 'on' : 'off'); } catch (e) { /* ignore */ }
    });
  }

  // Test the LLM connection: the endpoint's own answer (or error) is shown as text.
  var llmButton = document.querySelector('[data-llm-check]');
  var llmResult = document.getElementById('llm-check-result');
  if (llmButton && llmResult) {
    llmButton.addEventListener('click', function () {
      llmButton.disabled = true;
      llmResult.hidden = false;
      llmResult.textContent = 'Asking the endpoint…';
      send('POST', '/api/settings/llm-check').then(function (r) {
        llmResult.textContent = !r.configured ? r.reply
          : (r.ok ? 'Connected to ' + r.model + ' in ' + r.millis + ' ms. It answered: ' : 'The call to ' + r.model + ' failed after ' + r.millis + ' ms: ') + r.reply;
      }).catch(function (err) { llmResult.textContent = 'The check failed: ' + err.message; })
        .then(function () { llmButton.disabled = false; });
    });
  }
})();
