// The operators' entry form: control relations checked as they type, entries sent to
// /api/v1/hand-entries with the operator's token, kept in this browser and re-sent while offline.
(function () {
  var tokenBox = document.getElementById('token');
  if (tokenBox) {
    tokenBox.value = sessionStorage.getItem('sanoo-token') || '';
    tokenBox.addEventListener('change', function () { sessionStorage.setItem('sanoo-token', tokenBox.value.trim()); });
  }
  var token = function () { return (tokenBox && tokenBox.value.trim()) || sessionStorage.getItem('sanoo-token') || ''; };
  var words = document.getElementById('entry-words');
  var say = function (key) { return words ? words.getAttribute('data-' + key) : key; };
  var text = function (tag, content, cls) { var el = document.createElement(tag); el.textContent = content; if (cls) el.className = cls; return el; };

  function read(form) {
    var lines = {}, votes = {}, lineValues = [], voteValues = [], complete = true;
    form.querySelectorAll('input[name^="line:"], input[name^="vote:"]').forEach(function (input) {
      var value = input.value === '' ? null : Number(input.value);
      if (value === null || !Number.isInteger(value) || value < 0) complete = false;
      var name = input.name.slice(5);
      if (input.name.indexOf('line:') === 0) { lines[name] = value; lineValues.push(value || 0); } else { votes[name] = value; voteValues.push(value || 0); }
    });
    return { lines: lines, votes: votes, lineValues: lineValues, voteValues: voteValues, complete: complete };
  }

  function side(terms, figures) {
    var sum = 0;
    terms.lines.forEach(function (t) { sum += t[1] * figures.lineValues[t[0]]; });
    terms.votes.forEach(function (t) { sum += t[1] * figures.voteValues[t[0]]; });
    return sum;
  }

  function holds(comparison, l, r) {
    return comparison === '=' ? l === r : comparison === '<=' ? l <= r : comparison === '>=' ? l >= r : comparison === '<' ? l < r : l > r;
  }

  function check(form) {
    var rules = JSON.parse(form.querySelector('script.rules').textContent);
    var figures = read(form);
    var list = form.querySelector('ul.checks');
    list.textContent = '';
    rules.forEach(function (rule) {
      var l = side(rule.left, figures), r = side(rule.right, figures), ok = holds(rule.comparison, l, r);
      var item = text('li', (ok ? '✓ ' : '✗ ') + (rule.description ? rule.description + ' ' : '') + '[' + rule.rule + ']' + (ok ? '' : ': ' + l + ' ' + rule.comparison + ' ' + r + ', ' + Math.abs(l - r) + ' apart'), ok ? 'ok' : rule.error ? 'bad' : 'warn');
      item.setAttribute('data-relation', rule.id);
      item.setAttribute('data-holds', ok ? 'true' : 'false');
      list.appendChild(item);
    });
    var version = Number(form.querySelector('input[name=version]').value || 1);
    form.querySelector('.correction').hidden = version <= 1;
    return figures;
  }

  function protocolOf(form) {
    var figures = read(form);
    var protocol = {
      election: form.getAttribute('data-election'), station: form.getAttribute('data-station'),
      contest: form.getAttribute('data-contest'), source: form.getAttribute('data-source'),
      version: Number(form.querySelector('input[name=version]').value || 1), lines: figures.lines, votes: figures.votes
    };
    if (protocol.version > 1) protocol.correction = { reason: form.querySelector('input[name=reason]').value, author: form.querySelector('input[name=author]').value };
    return protocol;
  }

  function show(form, status, answer) {
    var box = form.querySelector('.answer');
    box.textContent = '';
    box.setAttribute('data-status', status);
    box.appendChild(text('p', say(status) || (answer && (answer.detail || answer.message)) || status, status === 'matched' ? 'ok' : status === 'mismatch' ? 'bad' : null));
    if (answer && answer.differences && answer.differences.length) {
      var list = document.createElement('ul');
      // blind double entry: the answer names the lines to check on the paper and this entry's values, never the other entry's
      answer.differences.forEach(function (d) {
        var item = text('li', d.item + ': ' + d.yours);
        item.setAttribute('data-item', d.item);
        list.appendChild(item);
      });
      box.appendChild(list);
    }
    if (answer && answer.receipt && answer.receipt.contentHash) box.appendChild(text('p', answer.receipt.contentHash, 'hash'));
    if (answer && answer.errors) box.appendChild(text('pre', JSON.stringify(answer.errors, null, 1)));
  }

  var pendingKey = 'sanoo-pending-entries';
  var pending = function () { try { return JSON.parse(localStorage.getItem(pendingKey) || '[]'); } catch (e) { return []; } };
  var keep = function (list) { localStorage.setItem(pendingKey, JSON.stringify(list)); };

  function send(protocol, bearer) {
    return fetch('/api/v1/hand-entries', { method: 'POST', headers: { 'Content-Type': 'application/json', 'Authorization': 'Bearer ' + bearer }, body: JSON.stringify({ protocol: protocol }) })
      .then(function (r) { return r.json().then(function (body) { return { status: r.status, body: body }; }); });
  }

  function statusOf(answer) {
    return answer.body.status === 'awaiting-second' ? 'awaiting' : answer.body.status || 'error';
  }

  document.querySelectorAll('form.protocol').forEach(function (form) {
    form.addEventListener('input', function () { check(form); });
    check(form);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var protocol = protocolOf(form), bearer = token();
      send(protocol, bearer).then(function (answer) { show(form, statusOf(answer), answer.body); })
        .catch(function () {
          // the protocol is kept until sent (a reload or a closed tab loses nothing); the token never leaves this tab's sessionStorage
          var list = pending(); list.push({ protocol: protocol }); keep(list);
          show(form, 'pending');
        });
    });
  });

  function retry() {
    var list = pending(), bearer = token();
    if (!list.length || !navigator.onLine || !bearer) return;
    var item = list[0];
    send(item.protocol, bearer).then(function (answer) {
      keep(pending().slice(1));
      var form = document.querySelector('form.protocol[data-station="' + item.protocol.station + '"][data-contest="' + item.protocol.contest + '"]');
      if (form) show(form, statusOf(answer), answer.body);
      retry();
    }).catch(function () { /* still offline */ });
  }
  setInterval(retry, 10000);
  window.addEventListener('online', retry);
  retry();

  var load = document.getElementById('load-queue');
  if (load) {
    load.addEventListener('click', function () {
      sessionStorage.setItem('sanoo-token', token());
      fetch('/api/v1/hand-entries/queue', { headers: { 'Authorization': 'Bearer ' + token() } }).then(function (r) { return r.json(); }).then(function (queue) {
        var body = document.querySelector('#queue tbody');
        body.textContent = '';
        (queue.waiting || []).forEach(function (w) {
          var row = document.createElement('tr');
          row.setAttribute('data-station', w.station);
          var head = document.createElement('th'); head.scope = 'row';
          var link = text('a', w.station); link.href = load.getAttribute('data-enter') + encodeURIComponent(w.station) + '/';
          head.appendChild(link); row.appendChild(head);
          row.appendChild(text('td', w.contest + ' · ' + w.source));
          row.appendChild(text('td', String(w.version)));
          row.appendChild(text('td', w.entries.map(function (e) { return e.operator; }).join(', ')));
          // only an admin's queue carries the values; anyone else sees which lines differ
          var differs = w.differences.map(function (d) { return d.values ? d.item + ': ' + d.values.join(' / ') : d.item; });
          row.appendChild(text('td', differs.join('; ')));
          body.appendChild(row);
        });
        if (!(queue.waiting || []).length) body.appendChild(text('tr', '')).appendChild(text('td', load.getAttribute('data-none')));
      });
    });
  }
})();
