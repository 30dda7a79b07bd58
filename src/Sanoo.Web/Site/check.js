// "Check these numbers": holds the figures on this page to the commission's signed log, in the reader's browser, with nothing but
// this site's own files and WebCrypto (SHA-256, Ed25519). It verifies the signed tree head with the key printed on the page, that
// the page's state of the log is the signed one (or, live, a state the signed one extends), every entry behind the page (its
// stations' files, reached through the files of the areas between) and its inclusion proof, then re-adds the counted version of
// each station's protocols and compares the sums with the page.
(function () {
  'use strict';
  var subtle = crypto.subtle, utf8 = new TextEncoder();
  function hex(bytes) { return Array.prototype.map.call(bytes, function (b) { return (b < 16 ? '0' : '') + b.toString(16); }).join(''); }
  function unhex(text) {
    var out = new Uint8Array(text.length / 2);
    for (var i = 0; i < out.length; i++) out[i] = parseInt(text.substr(i * 2, 2), 16);
    return out;
  }
  function unbase64(text) {
    var raw = atob(text), out = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) out[i] = raw.charCodeAt(i);
    return out;
  }
  async function sha256(bytes) { return new Uint8Array(await subtle.digest('SHA-256', bytes)); }
  // RFC 9162 §2.1.1: a leaf is SHA-256(0x00 ‖ bytes), a node SHA-256(0x01 ‖ left ‖ right).
  function leafHash(bytes) { var b = new Uint8Array(bytes.length + 1); b.set(bytes, 1); return sha256(b); }
  function nodeHash(left, right) { var b = new Uint8Array(65); b[0] = 1; b.set(left, 1); b.set(right, 33); return sha256(b); }
  function same(a, b) { return a.length === b.length && a.every(function (x, i) { return x === b[i]; }); }
  function half(n) { return Math.floor(n / 2); }

  // RFC 9162 §2.1.3.2.
  async function included(index, size, leaf, proof, root) {
    if (index >= size) return false;
    var fn = index, sn = size - 1, r = leaf;
    for (var i = 0; i < proof.length; i++) {
      if (sn === 0) return false;
      if (fn % 2 === 1 || fn === sn) {
        r = await nodeHash(proof[i], r);
        while (fn % 2 === 0 && fn !== 0) { fn = half(fn); sn = half(sn); }
      } else r = await nodeHash(r, proof[i]);
      fn = half(fn); sn = half(sn);
    }
    return sn === 0 && same(r, root);
  }

  // RFC 9162 §2.1.4.2: the tree of `second` leaves extends the tree of `first`.
  async function consistent(first, second, firstRoot, secondRoot, proof) {
    if (first === second) return same(firstRoot, secondRoot);
    if (first === 0 || first > second) return false;
    var path = proof.slice();
    if ((first & (first - 1)) === 0 && first < 2147483648) path.unshift(firstRoot);
    if (path.length === 0) return false;
    var fn = first - 1, sn = second - 1;
    while (fn % 2 === 1) { fn = half(fn); sn = half(sn); }
    var fr = path[0], sr = path[0];
    for (var i = 1; i < path.length; i++) {
      if (sn === 0) return false;
      if (fn % 2 === 1 || fn === sn) {
        fr = await nodeHash(path[i], fr);
        sr = await nodeHash(path[i], sr);
        while (fn % 2 === 0 && fn !== 0) { fn = half(fn); sn = half(sn); }
      } else sr = await nodeHash(sr, path[i]);
      fn = half(fn); sn = half(sn);
    }
    return sn === 0 && same(fr, firstRoot) && same(sr, secondRoot);
  }

  // The leaf's bytes as the log writes them (docs/api.md, "The transparency log"): compact JSON, fields in this order.
  function leafText(e) {
    return '{"sequence":' + e.sequence + ',"station":' + JSON.stringify(e.station) + ',"contest":' + JSON.stringify(e.contest)
      + ',"source":' + JSON.stringify(e.source) + ',"version":' + e.version + ',"outcome":' + JSON.stringify(e.outcome)
      + ',"sender":' + JSON.stringify(e.sender) + ',"contentHash":"' + e.contentHash + '","signature":"' + e.signature
      + '","receivedAt":"' + new Date(e.receivedAt).toISOString() + '"}';
  }
  function headText(h) {
    return 'sanoo-tree-head/3\n' + h.election + '\n' + h.definitionSha256 + '\n' + h.treeSize + '\n' + h.rootHash + '\n'
      + h.registerSize + '\n' + h.registerRoot + '\n' + h.timestamp + '\n';
  }
  async function json(url) {
    var r = await fetch(url, { cache: 'no-cache' });
    if (!r.ok) throw new Error(r.status + ' ' + url.pathname);
    return r.json();
  }
  // A figure as the reader sees it: its digits (the group separator is the language's).
  function shown(el) { return el ? Number(el.textContent.replace(/\D/g, '')) : NaN; }
  function label(el) {
    var text = '';
    for (var n = el.firstChild; n && n.nodeType === 3; n = n.nextSibling) text += n.textContent;
    return text.trim() || el.textContent.trim();
  }
  function format(template) {
    var args = arguments;
    return template.replace(/\{(\d)\}/g, function (_, i) { return args[+i + 1]; });
  }

  // Re-adds the counted entries and holds each figure on the page to them; every problem is pushed in words.
  function compare(page, area, counted, latest, number, say, problems) {
    var compared = 0;
    function hold(what, count, onPage, sum) {
      compared++;
      if (onPage !== sum) problems.push(format(say.FigureFormat, what, count, number(onPage), number(sum)));
    }
    page.querySelectorAll('section.contest[data-contest]').forEach(function (section) {
      var contest = section.getAttribute('data-contest');
      section.querySelectorAll('ul.counts li[data-source]').forEach(function (li) {
        var source = li.getAttribute('data-source'), name = li.querySelector('strong').textContent.trim();
        var mine = Object.keys(counted).filter(function (k) { return counted[k].contest === contest && counted[k].source === source; });
        var reporting = Number(li.getAttribute('data-reporting'));
        compared++;
        if (reporting !== mine.length) problems.push(format(say.ReportingFormat, name, number(reporting), number(mine.length)));
        section.querySelectorAll('tr[data-choice]').forEach(function (row) {
          var choice = row.getAttribute('data-choice'), cell = row.querySelector('td[data-source="' + source + '"][data-votes]');
          if (!cell) return;
          var sum = mine.reduce(function (s, k) { return s + (counted[k].protocol.votes[choice] || 0); }, 0);
          var what = label(row.querySelector('th'));
          hold(what, name, shown(cell), sum);
          if (Number(cell.getAttribute('data-votes')) !== shown(cell)) hold(what, name, Number(cell.getAttribute('data-votes')), sum);
        });
      });
    });
    page.querySelectorAll('section.count[data-contest][data-version]').forEach(function (section) {
      var key = section.getAttribute('data-contest') + '|' + section.getAttribute('data-source') + '|' + area;
      var name = section.getAttribute('aria-label'), version = Number(section.getAttribute('data-version'));
      var entry = section.getAttribute('data-counted') === 'true' ? counted[key] : latest[key];
      if (!entry || entry.version !== version) {
        problems.push(format(say.MissingFormat, name, number(version)));
        return;
      }
      section.querySelectorAll('tr[data-line], tr[data-choice]').forEach(function (row) {
        var id = row.getAttribute('data-line'), figures = id ? entry.protocol.lines : entry.protocol.votes;
        hold(label(row.querySelector('th')), name, shown(row.querySelector('td')), figures[id || row.getAttribute('data-choice')]);
      });
    });
    return compared;
  }

  function entriesUrl(base, live, area, size) {
    return new URL(live
      ? 'api/v1/area-entries?area=' + encodeURIComponent(area) + '&size=' + size
      : 'api/v1/area-entries/' + encodeURIComponent(area) + '.json', base);
  }
  // The files of the stations below the page's area: an area's file names the areas just below it, whose files are read in turn,
  // a few at once, down to the stations'. Live, every file is of the page's tree; in a copy, the page's own file is, and a station's
  // is of the publish that last changed its figures.
  async function stationFiles(base, live, area, size) {
    var found = [], queue = [area], first = true;
    while (queue.length) {
      var batch = queue.splice(0, 16);
      var files = await Promise.all(batch.map(function (id) { return json(entriesUrl(base, live, id, size)); }));
      files.forEach(function (file, i) {
        if (file.area !== batch[i] || ((live || first) && file.treeSize !== size)) {
          throw new Error('api/v1/area-entries: ' + file.area + '/' + file.treeSize);
        }
        if (file.children && file.children.length) Array.prototype.push.apply(queue, file.children);
        else found.push(file);
      });
      first = false;
    }
    return found;
  }
  // The root of the signed head of `size` entries a publish kept beside the newest (null when its signature fails).
  async function keptRoot(base, key, size) {
    var head = await json(new URL('api/v1/tree-heads/' + size + '.json', base));
    var signed = await subtle.verify({ name: 'Ed25519' }, key, unbase64(head.signature), utf8.encode(headText(head)));
    return signed && head.treeSize === size ? unhex(head.rootHash) : null;
  }

  async function check(box) {
    var lang = document.documentElement.lang, words = window.sanooWords, say = words[lang] || words.en;
    var number = function (n) { return Number(n).toLocaleString(lang); };
    var result = box.querySelector('[data-verify-result]'), base = new URL(box.getAttribute('data-to-root'), location.href);
    var size = Number(box.getAttribute('data-size')), root = unhex(box.getAttribute('data-root')), area = box.getAttribute('data-area');
    var problems = [], compared = 0, entries = [];
    box.setAttribute('data-verify-state', 'running');
    result.textContent = say.Checking;
    try {
      // The live server answers the API; a published folder holds the same answers as files.
      var live = true, head;
      try { head = await json(new URL('api/v1/tree-head', base)); } catch (e) { live = false; }
      if (!live) head = await json(new URL('api/v1/tree-head.json', base));
      // A page a later publish kept as it was (its figures unchanged) is checked against the signed head it was made from.
      if (!live && head.treeSize !== size) head = await json(new URL('api/v1/tree-heads/' + size + '.json', base));
      var key = await subtle.importKey('raw', unbase64(box.getAttribute('data-key')), { name: 'Ed25519' }, false, ['verify']);
      if (!await subtle.verify({ name: 'Ed25519' }, key, unbase64(head.signature), utf8.encode(headText(head)))) {
        problems.push(say.Signature);
      } else if (head.treeSize === size ? hex(root) !== head.rootHash : !(live && head.treeSize > size && await consistent(
        size, head.treeSize, root, unhex(head.rootHash),
        (await json(new URL('api/v1/proofs/consistency?first=' + size + '&second=' + head.treeSize, base))).proof.map(unhex)))) {
        problems.push(say.Root);
      } else {
        var files = await stationFiles(base, live, area, size), roots = {}, counted = {}, latest = {}, names = {};
        roots[size] = root;
        document.querySelectorAll('tr[data-area]').forEach(function (row) { names[row.getAttribute('data-area')] = label(row.querySelector('th')); });
        for (var f = 0; f < files.length; f++) {
          // A station's file a later publish kept (its figures unchanged) is proved in the signed head it was made from.
          var file = files[f], at = file.treeSize;
          if (!(at in roots)) roots[at] = await keptRoot(base, key, at);
          if (!roots[at]) {
            problems.push(say.Signature);
            break;
          }
          for (var i = 0; i < file.entries.length; i++) {
            var e = file.entries[i], station = names[e.station] && names[e.station] !== e.station ? names[e.station] + ' (' + e.station + ')' : e.station;
            entries.push(e);
            var canonical = unbase64(e.canonical);
            if (hex(await sha256(canonical)) !== e.contentHash) {
              problems.push(format(say.HashFormat, station, number(e.sequence)));
              continue;
            }
            var protocol = JSON.parse(new TextDecoder().decode(canonical));
            var leaf = await leafHash(utf8.encode(leafText(e)));
            if (!await included(e.sequence - 1, at, leaf, e.proof.map(unhex), roots[at]) || protocol.station !== e.station
              || protocol.contest !== e.contest || protocol.source !== e.source || protocol.version !== e.version || e.station !== file.area) {
              problems.push(format(say.ProofFormat, station, number(e.sequence), e.contest + ', ' + e.source, number(e.version)));
              continue;
            }
            // The version counted is the newest accepted one of a station, contest and source; rejected and out-of-order ones are not.
            var slot = e.contest + '|' + e.source + '|' + e.station, entry = { contest: e.contest, source: e.source, version: e.version, protocol: protocol };
            latest[slot] = entry;
            if (e.outcome === 'accepted') counted[slot] = entry;
          }
        }
        // An entry that fails is left out of the sums: it is named, and the sums it leaves short are not listed again.
        compared = compare(document.getElementById('main'), area, counted, latest, number, say, problems.length ? [] : problems);
        if (problems.length === 0 && compared === 0) throw new Error('no figures on this page');
      }
      show(box, result, say, problems, format(say.OkFormat, number(compared), number(entries.length)));
    } catch (error) {
      box.setAttribute('data-verify-state', 'error');
      result.replaceChildren(format(say.FailedFormat, error.message) + ' ');
      result.appendChild(everything(box, say));
    }
  }

  function everything(box, say) {
    var a = document.createElement('a');
    a.href = box.getAttribute('data-everything');
    a.textContent = say.Everything;
    return a;
  }

  function show(box, result, say, problems, ok) {
    box.setAttribute('data-verify-state', problems.length ? 'mismatch' : 'ok');
    var p = document.createElement('p');
    p.className = problems.length ? 'bad' : 'ok';
    p.textContent = problems.length ? say.Mismatch : ok;
    result.replaceChildren(p);
    if (problems.length) {
      var ul = document.createElement('ul');
      problems.slice(0, 20).forEach(function (text) {
        var li = document.createElement('li');
        li.textContent = text;
        ul.appendChild(li);
      });
      if (problems.length > 20) {
        var more = document.createElement('li');
        more.textContent = format(say.MoreFormat, problems.length - 20);
        ul.appendChild(more);
      }
      result.appendChild(ul);
    }
    var link = document.createElement('p');
    link.appendChild(everything(box, say));
    result.appendChild(link);
  }

  window.sanooCheck = function (box) {
    if (box.getAttribute('data-verify-state') !== 'running') return check(box);
  };
})();
