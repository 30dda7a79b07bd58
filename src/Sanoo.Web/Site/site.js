(function () {
  var body = document.body, shown = body.getAttribute('data-snapshot');
  var status = body.getAttribute('data-status'), every = +body.getAttribute('data-interval') || 5000;
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
    var now = document.getElementById('page');
    var target = id && document.getElementById(id) || (place >= 0 && now.querySelectorAll(focusable)[place]);
    if (target && target !== document.activeElement) target.focus({ preventScroll: true });
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
