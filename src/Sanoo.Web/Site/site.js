(function () {
  var body = document.body, shown = body.getAttribute('data-snapshot');
  var status = body.getAttribute('data-status'), interval = body.getAttribute('data-interval');
  var every = interval === '0' ? 0 : +interval || 5000;
  var focusable = 'a[href],summary,button,input,select,textarea,[tabindex]';
  // Swaps every part of the page but the summary; the summary (the one polite live region) keeps its element and takes the new
  // text, so a screen reader announces it and nothing else. False when the two pages are not built alike.
  function graft(old, next, keep) {
    if (old.children.length !== next.children.length) return false;
    var a = [].slice.call(old.children), b = [].slice.call(next.children);
    for (var i = 0; i < a.length; i++) {
      if (a[i] === keep) {
        if (b[i].id !== keep.id) return false;
        if (keep.innerHTML !== b[i].innerHTML) keep.innerHTML = b[i].innerHTML;
      } else if (a[i].contains(keep)) {
        if (!graft(a[i], b[i], keep)) return false;
      } else a[i].replaceWith(b[i]);
    }
    return true;
  }
  function swap(html) {
    var next = new DOMParser().parseFromString(html, 'text/html');
    var page = next.getElementById('page'), old = document.getElementById('page');
    if (!page) return;
    // Open sections stay open and the focus stays where it was (by id, else by its place among the focusable elements).
    var open = [].map.call(old.querySelectorAll('details'), function (d) { return d.open; });
    [].forEach.call(page.querySelectorAll('details'), function (d, i) { if (open[i]) d.open = true; });
    var active = document.activeElement, id = active && active.id;
    var place = active && old.contains(active) ? [].indexOf.call(old.querySelectorAll(focusable), active) : -1;
    var keep = document.getElementById('summary');
    if (!keep || !page.querySelector('#summary') || !graft(old, page, keep)) {
      (old.isConnected ? old : document.getElementById('page')).replaceWith(page);
    }
    shown = next.body.getAttribute('data-snapshot');
    body.setAttribute('data-snapshot', shown);
    checkable();
    var now = document.getElementById('page');
    var target = id && document.getElementById(id) || (place >= 0 && now.querySelectorAll(focusable)[place]);
    if (target && target !== document.activeElement) target.focus({ preventScroll: true });
  }
  // "Check these numbers": a link to the verification page without script; with it, a button whose script loads when pressed.
  function checkable() {
    var box = document.querySelector('[data-verify]'), link = box && box.querySelector('a[data-verify-start]');
    if (!link) return;
    var button = document.createElement('button');
    button.type = 'button';
    button.textContent = link.textContent;
    link.replaceWith(button);
    button.addEventListener('click', function () {
      if (window.sanooCheck) return window.sanooCheck(box);
      var script = document.createElement('script');
      script.src = box.getAttribute('data-script');
      // Pinned like the page's own script: the browser runs these bytes or none (Subresource Integrity).
      script.integrity = box.getAttribute('data-sri');
      script.onload = function () { window.sanooCheck(box); };
      document.head.appendChild(script);
    });
  }
  checkable();
  function tick() {
    if (document.hidden || document.querySelector('[data-verify-state=running]')) return;
    fetch(status, { cache: 'no-cache' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) {
        if (!s || String(s.snapshot) === shown) return;
        // A published folder keeps a page whose figures did not change as it was: the snapshot seen is then the marker's, not the page's.
        return fetch(location.pathname, { cache: 'no-cache' }).then(function (r) { return r.ok ? r.text() : null; })
          .then(function (t) { if (t) swap(t); shown = String(s.snapshot); });
      })
      .catch(function () { /* offline for a moment: try again at the next tick */ });
  }
  // A published folder has no server to search: its search page finds stations in the index beside it, as the server would.
  function words(text, variants) {
    var out = [];
    String(text).toLowerCase().replace(/ё/g, 'е').split(/[^\p{L}\p{N}]+/u).forEach(function (w) {
      if (!w) return;
      out.push(w);
      var d = w.replace(/\D/g, '');
      if (d && variants) { out.push(d); out.push(d.replace(/^0+(?=.)/, '')); }
    });
    return out;
  }
  function search(found, q) {
    var say = found.getAttribute('data-words').split('|'), terms = words(q, false).filter(function (w, i, a) { return a.indexOf(w) === i; });
    fetch(found.getAttribute('data-index')).then(function (r) { return r.ok ? r.json() : null; }).then(function (list) {
      if (!list) return;
      var hits = list.filter(function (s) {
        var own = words(s[0] + ' ' + s[1] + ' ' + s[2], true);
        return terms.length > 0 && terms.every(function (t) { return own.some(function (w) { return w.indexOf(t) === 0; }); });
      });
      var h = document.createElement('h2'), ul = document.createElement('ul');
      h.id = 'found-heading';
      h.textContent = hits.length ? say[0].replace('{0}', hits.length.toLocaleString(document.documentElement.lang)) : say[1];
      ul.className = 'hits';
      hits.slice(0, 50).forEach(function (s) {
        var li = document.createElement('li'), a = document.createElement('a');
        a.href = '../station/' + encodeURIComponent(s[0]) + '/';
        a.textContent = say[3] + ' ' + (s[1] || s[0]);
        li.setAttribute('data-station', s[0]);
        li.appendChild(a);
        li.appendChild(document.createTextNode(' ' + s[3] + (s[2] ? ' · ' + s[2] : '')));
        ul.appendChild(li);
      });
      found.replaceChildren(h);
      if (hits.length > 50) {
        var p = document.createElement('p');
        p.className = 'note';
        p.textContent = say[2].replace('{0}', '50');
        found.appendChild(p);
      }
      found.appendChild(ul);
      found.setAttribute('data-query', q);
    });
  }
  var found = document.querySelector('.found[data-index]'), q = new URLSearchParams(location.search).get('q');
  if (found && q && q.trim() && found.getAttribute('data-query') !== q.trim()) {
    document.getElementById('q').value = q;
    search(found, q.trim());
  }
  if (every > 0) {
    setInterval(tick, every);
    document.addEventListener('visibilitychange', tick);
  }
})();
