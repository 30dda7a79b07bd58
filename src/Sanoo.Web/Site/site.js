(function () {
  var body = document.body, shown = body.getAttribute('data-snapshot');
  var status = body.getAttribute('data-status'), every = +body.getAttribute('data-interval') || 5000;
  function swap(html) {
    var next = new DOMParser().parseFromString(html, 'text/html');
    var page = next.getElementById('page');
    if (!page) return;
    var focused = document.activeElement && document.activeElement.id;
    document.getElementById('page').replaceWith(page);
    shown = next.body.getAttribute('data-snapshot');
    body.setAttribute('data-snapshot', shown);
    document.getElementById('live').textContent = body.getAttribute('data-updated');
    if (focused && document.getElementById(focused)) document.getElementById(focused).focus();
  }
  function tick() {
    if (document.hidden) return;
    fetch(status, { cache: 'no-cache' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) {
        if (!s || String(s.snapshot) === shown) return;
        return fetch(location.pathname, { cache: 'no-cache' }).then(function (r) { return r.ok ? r.text() : null; }).then(function (t) { if (t) swap(t); });
      })
      .catch(function () { /* offline for a moment: try again at the next tick */ });
  }
  setInterval(tick, every);
  document.addEventListener('visibilitychange', tick);
})();
