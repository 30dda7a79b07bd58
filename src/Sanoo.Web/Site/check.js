// "Check these numbers": holds the figures on this page to the commission's signed log, in the reader's browser, with nothing but
// this site's own files and WebCrypto (SHA-256, Ed25519). It verifies the signed tree head with the key printed on the page, that
// the page's state of the log is the signed one (or, live, a state the signed one extends), every entry behind the page (its
// stations' files, reached through the files of the areas between) and its inclusion proof, then re-adds the counted version of
// each station's protocols and compares the sums with the page, and what follows from them by the election's rules (rules.js) with
// the definition the signed head names: shares, participation, turnout, the threshold, the seats and single-member winners.
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
  // A server asks a reader who reads faster than it allows (429), or reaches it while busy (503), to wait (Retry-After, in seconds):
  // the check waits as asked, at most half a minute, and asks again, a few times, rather than give up on a busy night.
  async function json(url) {
    for (var attempt = 1; ; attempt++) {
      var r = await fetch(url, { cache: 'no-cache' });
      if ((r.status === 429 || r.status === 503) && attempt < 6) {
        var wait = Math.min(30, Math.max(1, Number(r.headers.get('Retry-After')) || 1));
        await new Promise(function (resolve) { setTimeout(resolve, wait * 1000); });
        continue;
      }
      if (!r.ok) throw new Error(r.status + ' ' + url.pathname);
      return r.json();
    }
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

  // The election definition's parts the figures follow from: the count sources whose figures are published, each form's
  // participation, each station's voters on its lists, the contests and choices by id.
  function rulesOf(definition) {
    var m = { definition: definition, sources: [], participation: {}, lines: {}, rolls: {}, contests: {}, choices: {} };
    (definition.sources || []).forEach(function (s) { if (!s.partyCopy) m.sources.push(s); });
    (definition.forms || []).forEach(function (f) {
      m.participation[f.id] = window.sanooRules.linear(f.participation || '');
      m.lines[f.id] = (f.lines || []).map(function (line) { return line.id; });
    });
    (definition.areas || []).forEach(function (a) { if (a.registered !== undefined) m.rolls[a.id] = a.registered + (a.additional || 0); });
    (definition.contests || []).forEach(function (c) { m.contests[c.id] = c; });
    (definition.choices || []).forEach(function (c) { m.choices[c.id] = c; });
    return m;
  }
  // The sums of one contest and source over the counted entries (they are all of the page's area), as Sanoo.Core's AreaTally.
  function tallyOf(m, counted, contest, source) {
    var t = { lines: {}, votes: {}, reporting: 0, registered: 0, valid: 0 };
    Object.keys(counted).forEach(function (k) {
      var e = counted[k];
      if (e.contest !== contest || e.source !== source) return;
      t.reporting++;
      t.registered += m.rolls[e.protocol.station] || 0;
      [['lines', e.protocol.lines], ['votes', e.protocol.votes]].forEach(function (pair) {
        Object.keys(pair[1] || {}).forEach(function (id) { t[pair[0]][id] = (t[pair[0]][id] || 0) + pair[1][id]; });
      });
    });
    Object.keys(t.votes).forEach(function (id) { t.valid += t.votes[id]; });
    var form = m.contests[contest] && m.participation[m.contests[contest].form];
    t.participation = form ? form(t.lines, t.votes) : NaN;
    return t;
  }
  // Every result source's tally of a contest and the one seats and winners come from: most stations counted, the official on a tie.
  function talliesOf(m, counted, contest) {
    var all = m.sources.map(function (s) { return tallyOf(m, counted, contest, s.id); }), best = 0;
    for (var i = 1; i < all.length; i++) {
      if (all[i].reporting > all[best].reporting || (all[i].reporting === all[best].reporting && m.sources[i].official && !m.sources[best].official)) best = i;
    }
    return { all: all, primary: all[best], source: m.sources[best] };
  }
  function hundredths(part, whole, scale) { return whole <= 0 ? 0 : Math.floor(part * scale / whole); }
  function digits(text) { return text.replace(/\D/g, ''); }
  function text(names, lang, id) { names = names || {}; return names[lang] || names.en || names[Object.keys(names)[0]] || id; }
  function nameOf(m, id, lang) {
    return text((m.choices[id] || {}).name, lang, id);
  }
  // Whether a cell shows a choice (its name, and its party's) and exactly the figures given, in that order.
  function showsChoice(el, m, id, lang, figures) {
    var text = el.textContent, name = nameOf(m, id, lang), party = (m.choices[id] || {}).party;
    if (text.indexOf(name) < 0) return false;
    text = text.replace(name, '');
    if (party) text = text.replace(nameOf(m, party, lang), '');
    return digits(text) === figures.map(function (n) { return String(n); }).join('');
  }

  // Re-adds the counted entries and holds each figure on the page to them, and to the election's rules re-run on them; every problem
  // is pushed in words, and what the browser cannot re-run is pushed to `unchecked`.
  function compare(page, area, counted, latest, m, lang, number, say, problems, unchecked) {
    var compared = 0;
    function said(source) { return text(source.name, lang, source.id); }
    function hold(what, count, onPage, sum) {
      compared++;
      if (onPage !== sum) problems.push(format(say.FigureFormat, what, count, number(onPage), number(sum)));
    }
    function rule(what, count, onPage, right) {
      compared++;
      if (onPage !== right) problems.push(format(say.RuleFormat, what, count, onPage, right));
    }
    // A figure as shown (its digits) and, with `attribute`, as the page's markup gives it, against what the rules give.
    function figure(what, count, el, attribute, right) {
      if (!el) return;
      (attribute ? [Number(el.getAttribute(attribute)), shown(el)] : [shown(el)]).forEach(function (onPage) {
        rule(what, count, number(onPage), number(right));
      });
    }
    // A percentage shown with `decimals` decimals (its digits), against `right` in those units (13.9 % is 139 with one decimal).
    function percent(el, what, count, right, decimals) {
      if (!el) return;
      compared++;
      if (shown(el) !== right) {
        problems.push(format(say.RuleFormat, what, count, el.textContent.trim(), (right / Math.pow(10, decimals)).toLocaleString(
          document.documentElement.lang, { minimumFractionDigits: decimals, maximumFractionDigits: decimals }) + ' %'));
      }
    }
    var decided = {};
    function decide(contest) {
      if (!decided[contest]) {
        var t = talliesOf(m, counted, contest);
        decided[contest] = window.sanooRules.singleMember(m.definition, m.contests[contest], t.primary)
          .then(function (d) { d.source = t.source; return d; });
      }
      return decided[contest];
    }
    async function holdOutcome(contestName, el, d, winnerCell) {
      rule(format(say.OutcomeFormat, contestName), said(d.source), el.getAttribute('data-kind'), d.kind);
      if (d.kind !== 'elected') return;
      var cell = winnerCell || el;
      rule(format(say.WinnerFormat, contestName), said(d.source), cell.getAttribute('data-winner'), d.winner);
      compared++;
      var figures = winnerCell ? [d.votes] : [d.votes, d.margin];
      if (!showsChoice(cell, m, d.winner, lang, figures)) {
        problems.push(format(say.RuleFormat, format(say.WinnerFormat, contestName), said(d.source), cell.textContent.trim(),
          nameOf(m, d.winner, lang) + ', ' + figures.map(number).join(' / ')));
      }
    }
    var work = [];
    page.querySelectorAll('section.contest[data-contest]').forEach(function (section) {
      var contest = section.getAttribute('data-contest'), def = m.contests[contest], contestName = section.querySelector('h2').textContent.trim();
      var tallies = def ? talliesOf(m, counted, contest) : null;
      section.querySelectorAll('ul.counts li[data-source]').forEach(function (li) {
        var source = li.getAttribute('data-source'), name = li.querySelector('strong').textContent.trim();
        var mine = Object.keys(counted).filter(function (k) { return counted[k].contest === contest && counted[k].source === source; });
        var reporting = Number(li.getAttribute('data-reporting')), expected = Number(li.getAttribute('data-expected'));
        compared++;
        if (reporting !== mine.length) problems.push(format(say.ReportingFormat, name, number(reporting), number(mine.length)));
        figure(say.Counted, name, li.querySelector('[data-n="reporting"]'), null, mine.length);
        figure(say.Counted, name, li.querySelector('[data-n="expected"]'), null, expected);
        percent(li.querySelector('[data-n="progress"]'), say.Counted, name, hundredths(mine.length, expected, 1000), 1);
        var t = tallies && tallies.all[m.sources.map(function (s) { return s.id; }).indexOf(source)];
        if (t) {
          rule(say.Participation, name, number(Number(li.getAttribute('data-participation'))), number(t.participation));
          // The sentence after the progress names, in this order, the voters who took part, the valid votes and turnout (2 decimals).
          var sentence = li.querySelector('span.progress + span'), turnout = hundredths(t.participation, t.registered, 10000);
          compared++;
          if (sentence && digits(sentence.textContent) !== String(t.participation) + String(t.valid) + String(turnout).padStart(3, '0')) {
            problems.push(format(say.RuleFormat, say.Participation + ' · ' + say.Valid + ' · ' + say.Turnout, name, sentence.textContent.trim(),
              number(t.participation) + ' · ' + number(t.valid) + ' · ' + (turnout / 100).toFixed(2) + ' %'));
          }
          rule(say.Valid, name, number(Number(li.getAttribute('data-valid'))), number(t.valid));
          compared++;
          if (Number(li.getAttribute('data-registered')) !== t.registered) {
            problems.push(format(say.RuleFormat, say.Registered, name, number(Number(li.getAttribute('data-registered'))), number(t.registered)));
          }
        }
        section.querySelectorAll('tr[data-choice]').forEach(function (row) {
          var choice = row.getAttribute('data-choice'), cell = row.querySelector('td[data-source="' + source + '"][data-votes]');
          if (!cell) return;
          var sum = mine.reduce(function (s, k) { return s + (counted[k].protocol.votes[choice] || 0); }, 0);
          var what = label(row.querySelector('th'));
          hold(what, name, shown(cell), sum);
          if (Number(cell.getAttribute('data-votes')) !== shown(cell)) hold(what, name, Number(cell.getAttribute('data-votes')), sum);
          var share = row.querySelector('td[data-source="' + source + '"][data-share]');
          if (t && share) {
            var right = hundredths(sum, t.participation, 10000);
            percent(share, format(say.ShareFormat, what), name, right, 2);
            rule(format(say.ShareFormat, what), name, Math.round(Number(share.getAttribute('data-share')) * 100), right);
          }
        });
        // The form's lines, in its order, a column per count in the definition's order.
        var column = m.sources.map(function (s) { return s.id; }).indexOf(source), ids = def ? m.lines[def.form] || [] : [];
        section.querySelectorAll('table.lines tbody tr').forEach(function (row, i) {
          var cell = row.querySelectorAll('td')[column];
          if (cell && t && i < ids.length) hold(label(row.querySelector('th')), name, shown(cell), t.lines[ids[i]] || 0);
        });
      });
      if (!def || def.area !== area) return;
      if (def.kind === 'single-member') {
        var outcome = section.querySelector('p[data-outcome]');
        if (outcome) work.push(decide(contest).then(function (d) { return holdOutcome(contestName, outcome, d); }));
        return;
      }
      var seatCells = section.querySelectorAll('td[data-seats]'), legend = section.querySelector('figure.hemicycle');
      if (!seatCells.length && !legend) return;
      work.push(window.sanooRules.partyList(m.definition, def, tallies.primary).then(async function (a) {
        if (a.unknown) {
          unchecked.push(format(say.NotCheckedFormat, contestName, a.unknown));
          return;
        }
        section.querySelectorAll('tr[data-choice]').forEach(function (row) {
          var choice = row.getAttribute('data-choice'), what = label(row.querySelector('th')), cell = row.querySelector('td[data-seats]');
          if (cell) figure(format(say.SeatsFormat, what), said(tallies.source), cell, 'data-seats', a.seats[choice] || 0);
          if (choice in a.passed) {
            rule(format(say.ThresholdFormat, what), said(tallies.source),
              row.querySelector('th small.below') ? say.Below : say.Passed, a.passed[choice] ? say.Passed : say.Below);
          }
        });
        if (!legend) return;
        var groups = {};
        Object.keys(a.seats).forEach(function (p) { groups[p] = a.seats[p]; });
        if (legend.hasAttribute('data-whole')) {
          // The whole parliament: each single-member seat to its winner's party, else to independents, else not decided yet.
          groups.independent = 0;
          groups.undecided = def.seats - Object.keys(a.seats).reduce(function (s, p) { return s + a.seats[p]; }, 0);
          var districts = Object.keys(m.contests).filter(function (id) { return m.contests[id].kind === 'single-member'; });
          for (var i = 0; i < districts.length; i++) {
            var d = await decide(districts[i]), party = d.kind === 'elected' ? (m.choices[d.winner] || {}).party : null;
            var key = d.kind !== 'elected' ? 'undecided' : party && party in groups ? party : 'independent';
            groups[key] += m.contests[districts[i]].seats || 1;
          }
        }
        var listed = {};
        legend.querySelectorAll('li[data-party]').forEach(function (li) {
          var party = li.getAttribute('data-party'), strong = li.querySelector('strong');
          var what = format(say.SeatsFormat, li.textContent.replace(strong ? strong.textContent : '', '').replace(/:\s*$/, '').trim());
          listed[party] = true;
          figure(what, said(tallies.source), strong, null, groups[party] || 0);
          rule(what, said(tallies.source), number(Number(li.getAttribute('data-seats'))), number(groups[party] || 0));
        });
        Object.keys(groups).forEach(function (p) {
          compared++;
          if (groups[p] > 0 && !listed[p]) {
            problems.push(format(say.RuleFormat, format(say.SeatsFormat, p === 'independent' || p === 'undecided' ? p : nameOf(m, p, lang)),
              said(tallies.source), number(0), number(groups[p])));
          }
        });
      }));
    });
    page.querySelectorAll('table.districts tr[data-contest]').forEach(function (row) {
      var contest = row.getAttribute('data-contest');
      if (!m.contests[contest]) return;
      var contestName = label(row.querySelector('th'));
      work.push(decide(contest).then(async function (d) {
        await holdOutcome(contestName, row, d, row.querySelector('td[data-winner]'));
        var margin = row.querySelector('td[data-margin]');
        if (d.kind === 'elected' && margin) figure(format(say.MarginFormat, contestName), said(d.source), margin, null, d.margin);
        // The runner-up: the candidate after the winner in votes (ballot order on a tie), or the second one without a winner.
        var t = talliesOf(m, counted, contest).primary, def = m.contests[contest];
        var ranked = def.choices.filter(function (id) { return (t.votes[id] || 0) > 0; })
          .sort(function (x, y) { return (t.votes[y] || 0) - (t.votes[x] || 0); });
        var runner = d.kind === 'elected' ? ranked.filter(function (id) { return id !== d.winner; })[0] : ranked[1];
        var cell = row.querySelector('td[data-runner-up]');
        rule(format(say.RunnerUpFormat, contestName), said(d.source), cell ? cell.getAttribute('data-runner-up') : '', runner || '');
        if (runner && cell && !showsChoice(cell, m, runner, lang, [t.votes[runner]])) {
          problems.push(format(say.RuleFormat, format(say.RunnerUpFormat, contestName), said(d.source), cell.textContent.trim(),
            nameOf(m, runner, lang) + ', ' + number(t.votes[runner])));
        }
      }));
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
    return Promise.all(work).then(function () { return compared; });
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
  // The root of the signed head of `size` entries a publish kept beside the newest, proved a part of the newest `head` by the
  // consistency proof the publish wrote beside it; a problem in words when it is not signed, or not proved.
  async function keptRoot(base, key, size, head, say) {
    var kept, proof;
    try { kept = await json(new URL('api/v1/tree-heads/' + size + '.json', base)); } catch (e) { return format(say.KeptFormat, size); }
    if (!await subtle.verify({ name: 'Ed25519' }, key, unbase64(kept.signature), utf8.encode(headText(kept))) || kept.treeSize !== size
      || kept.election !== head.election || kept.definitionSha256 !== head.definitionSha256) return say.Signature;
    try { proof = await json(new URL('api/v1/proofs/consistency/' + size + '.json', base)); } catch (e) { proof = null; }
    var root = unhex(kept.rootHash);
    return proof && proof.first === size && proof.second === head.treeSize
      && await consistent(size, head.treeSize, root, unhex(head.rootHash), proof.proof.map(unhex)) ? root : format(say.KeptFormat, size);
  }

  async function check(box) {
    var lang = box.getAttribute('data-lang') || document.documentElement.lang, words = window.sanooWords;
    var say = words[document.documentElement.lang] || words.en;
    var number = function (n) { return Number(n).toLocaleString(document.documentElement.lang); };
    var result = box.querySelector('[data-verify-result]'), base = new URL(box.getAttribute('data-to-root'), location.href);
    var size = Number(box.getAttribute('data-size')), root = unhex(box.getAttribute('data-root')), area = box.getAttribute('data-area');
    var problems = [], unchecked = [], compared = 0, entries = [];
    box.setAttribute('data-verify-state', 'running');
    result.textContent = say.Checking;
    try {
      // The live server answers the API; a published folder holds the same answers as files.
      var live = true, head;
      try { head = await json(new URL('api/v1/tree-head', base)); } catch (e) { live = false; }
      if (!live) head = await json(new URL('api/v1/tree-head.json', base));
      var key = await subtle.importKey('raw', unbase64(box.getAttribute('data-key')), { name: 'Ed25519' }, false, ['verify']);
      var roots = {};
      roots[head.treeSize] = unhex(head.rootHash);
      if (!await subtle.verify({ name: 'Ed25519' }, key, unbase64(head.signature), utf8.encode(headText(head)))) {
        problems.push(say.Signature);
      } else if (head.treeSize !== size && !live) {
        // A page a later publish kept as it was (its figures unchanged) is checked against the signed head it was made from, which
        // must be proved a part of the newest.
        var mine = await keptRoot(base, key, size, head, say);
        if (typeof mine === 'string') problems.push(mine);
        else if (!same(mine, root)) problems.push(say.Root);
        else roots[size] = mine;
      } else if (head.treeSize === size ? !same(root, roots[size]) : !(head.treeSize > size && await consistent(
        size, head.treeSize, root, unhex(head.rootHash),
        (await json(new URL('api/v1/proofs/consistency?first=' + size + '&second=' + head.treeSize, base))).proof.map(unhex)))) {
        problems.push(say.Root);
      } else {
        roots[size] = root;
      }
      if (!problems.length) {
        var files = await stationFiles(base, live, area, size), counted = {}, latest = {}, names = {};
        document.querySelectorAll('tr[data-area]').forEach(function (row) { names[row.getAttribute('data-area')] = label(row.querySelector('th')); });
        for (var f = 0; f < files.length; f++) {
          // A station's file a later publish kept (its figures unchanged) is proved in the signed head it was made from.
          var file = files[f], at = file.treeSize;
          if (!(at in roots)) roots[at] = live ? say.Root : await keptRoot(base, key, at, head, say);
          if (typeof roots[at] === 'string') {
            problems.push(roots[at]);
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
        // The figures that follow from the votes by the election's rules are held to the definition the signed head names.
        var main = document.getElementById('main'), rules = null;
        if (main.querySelector('section.contest, table.districts')) {
          var definition = await fetch(new URL(live ? 'api/v1/definition' : 'api/v1/definition.json', base), { cache: 'no-cache' });
          var bytes = new Uint8Array(await definition.arrayBuffer());
          if (!definition.ok || hex(await sha256(bytes)) !== head.definitionSha256) problems.push(say.Definition);
          else rules = rulesOf(JSON.parse(new TextDecoder().decode(bytes)));
        }
        // An entry that fails is left out of the sums: it is named, and the sums it leaves short are not listed again.
        compared = await compare(main, area, counted, latest, rules || rulesOf({}), lang, number, say, problems.length ? [] : problems, unchecked);
        if (problems.length === 0 && compared === 0) throw new Error('no figures on this page');
      }
      show(box, result, say, problems, unchecked, format(say.OkFormat, number(compared), number(entries.length)),
        format(say.PartialFormat, number(compared), number(entries.length)));
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

  // The verdict: "mismatch" with every problem named; "partial" when all that was checked matched but the browser could not re-run a
  // rule (named, never said to match); "ok" only when every figure was checked.
  function show(box, result, say, problems, unchecked, ok, partial) {
    problems = problems.filter(function (text, i) { return problems.indexOf(text) === i; });
    box.setAttribute('data-verify-state', problems.length ? 'mismatch' : unchecked.length ? 'partial' : 'ok');
    var p = document.createElement('p');
    p.className = problems.length ? 'bad' : unchecked.length ? 'note' : 'ok';
    p.textContent = problems.length ? say.Mismatch : unchecked.length ? partial : ok;
    result.replaceChildren(p);
    var listed = problems.length ? problems : unchecked;
    if (listed.length) {
      var ul = document.createElement('ul');
      listed.slice(0, 20).forEach(function (text) {
        var li = document.createElement('li');
        li.textContent = text;
        ul.appendChild(li);
      });
      if (listed.length > 20) {
        var more = document.createElement('li');
        more.textContent = format(say.MoreFormat, listed.length - 20);
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
