// The Anki page: sends the chosen file to the import API and shows its report (as text: it names the user's notes).
(function () {
  const form = document.getElementById('anki-import-form');
  if (!form) return;
  const status = document.getElementById('anki-import-status');
  const report = document.getElementById('anki-import-report');
  const labels = {format: 'Read from', notes: 'Notes', newNotes: 'New notes', updatedNotes: 'Updated notes', cards: 'Cards',
    media: 'Media files', reviewsReplayed: 'Reviews replayed', reviewsAlreadyThere: 'Reviews already there',
    memoryStates: 'FSRS memory states taken over', suspended: 'Suspended cards'};
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const file = form.querySelector('input[type=file]').files[0];
    if (!file) return;
    report.hidden = true;
    status.textContent = 'Importing ' + file.name + '…';
    const data = new FormData();
    data.append('file', file, file.name);
    try {
      const response = await fetch(form.action, {method: 'POST', body: data, headers: {Accept: 'application/json'}});
      const body = await response.json().catch(() => ({}));
      if (!response.ok) {
        status.textContent = 'Not imported: ' + (body.detail || body.message || response.statusText);
        return;
      }
      status.textContent = 'Imported into ' + (body.files || []).join(', ') + '.';
      const counts = report.querySelector('.anki-report-counts');
      counts.replaceChildren();
      for (const [key, label] of Object.entries(labels)) {
        if (body[key] === undefined) continue;
        const dt = document.createElement('dt');
        dt.textContent = label;
        const dd = document.createElement('dd');
        dd.textContent = String(body[key]);
        counts.append(dt, dd);
      }
      const lost = report.querySelector('.anki-report-lost');
      lost.replaceChildren();
      for (const line of body.notImported || []) {
        const li = document.createElement('li');
        li.textContent = line;
        lost.append(li);
      }
      report.hidden = false;
    } catch (e) {
      status.textContent = 'Not imported: ' + e.message;
    }
  });
})();
