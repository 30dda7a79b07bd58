// The election's rules, re-run in the reader's browser on the re-added votes, for the page's own check (check.js): participation by
// the protocol form's expression, the threshold, the seats by the definition's method, and the winner of a single-member contest.
// Everything is read from the definition the signed log names; a rule this file does not know is reported as not checked, never
// guessed. Exact integer arithmetic (BigInt) throughout, as in Sanoo.Core.Seats: no floating point decides a seat.
window.sanooRules = (function () {
  'use strict';
  var B = BigInt;
  // A decimal of the definition (a percent) as an exact fraction n / d.
  function exact(value) {
    var text = String(value), dot = text.indexOf('.');
    if (!/^\d+(\.\d+)?$/.test(text)) throw new Error('not a plain decimal: ' + text);
    return dot < 0 ? { n: B(text), d: 1n } : { n: B(text.replace('.', '')), d: 10n ** B(text.length - dot - 1) };
  }
  function cmp(a, b) {
    if (a.d === 0n || b.d === 0n) return a.d === 0n && b.d === 0n ? 0 : a.d === 0n ? 1 : -1;
    var l = a.n * b.d, r = b.n * a.d;
    return l < r ? -1 : l > r ? 1 : 0;
  }

  // The protocol form's linear expression (valid + invalid, 2 * x - votes(*) …) as a function of the sums; null when it does not read.
  function linear(text) {
    var terms = [], rest = text.replace(/\s+/g, ''), first = true;
    while (rest.length) {
      var m = /^([+-]?)(?:(\d+)\*?)?(votes\(\*\)|votes\([A-Za-z0-9_.-]+\)|[A-Za-z0-9_]+)?/.exec(rest);
      if (!m || m[0].length === 0 || (!first && !m[1]) || (!m[2] && !m[3])) return null;
      var sign = m[1] === '-' ? -1 : 1, factor = m[2] && m[3] ? Number(m[2]) : 1, atom = m[3] || '';
      if (!m[3]) terms.push({ factor: sign * Number(m[2]), atom: '1' });
      else terms.push({ factor: sign * factor, atom: atom });
      rest = rest.substr(m[0].length);
      first = false;
    }
    return function (lines, votes) {
      return terms.reduce(function (sum, t) {
        var value = t.atom === '1' ? 1
          : t.atom === 'votes(*)' ? Object.keys(votes).reduce(function (s, k) { return s + votes[k]; }, 0)
          : t.atom.indexOf('votes(') === 0 ? votes[t.atom.slice(6, -1)] || 0 : lines[t.atom] || 0;
        return sum + (t.factor * value);
      }, 0);
    };
  }

  // The public lottery: tied parties ordered by SHA-256 of "seed:party id", smallest first (SeatAllocator.Lottery).
  async function tickets(seed, ids) {
    var out = {};
    for (var i = 0; i < ids.length; i++) {
      var hash = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(seed + ':' + ids[i])));
      out[ids[i]] = Array.prototype.map.call(hash, function (b) { return (b < 16 ? '0' : '') + b.toString(16); }).join('');
    }
    return out;
  }
  function lottery(ticket, ids) {
    return ids.slice().sort(function (a, b) { return ticket[a] < ticket[b] ? -1 : ticket[a] > ticket[b] ? 1 : 0; });
  }

  var averages = {
    'dhondt': function (v, w) { return { n: v, d: B(w + 1) }; },
    'sainte-lague': function (v, w) { return { n: v, d: B((2 * w) + 1) }; },
    'modified-sainte-lague': function (v, w) { return w === 0 ? { n: 5n * v, d: 7n } : { n: v, d: B((2 * w) + 1) }; },
    'danish': function (v, w) { return { n: v, d: B((3 * w) + 1) }; },
    'imperiali': function (v, w) { return { n: v, d: B(w + 2) }; },
    'huntington-hill': function (v, w) { return { n: v * v, d: B(w) * B(w + 1) }; },
    'adams': function (v, w) { return { n: v, d: B(w) }; },
  };
  var quotas = {
    'hare': function (v, s) { return { n: v, d: B(s) }; },
    'droop': function (v, s) { return { n: (v / B(s + 1)) + 1n, d: 1n }; },
    'hagenbach-bischoff': function (v, s) { return { n: v, d: B(s + 1) }; },
    'hagenbach-bischoff-rounded': function (v, s) {
      var q = ((2n * v) + B(s) + 1n) / (2n * B(s + 1));
      return { n: q > 0n ? q : 1n, d: 1n }; // a quota rounded to nothing (few votes counted yet) is one vote, as in Sanoo.Core
    },
    'imperiali-quota': function (v, s) { return { n: v, d: B(s + 2) }; },
  };

  function highestAverages(method, votes, active, seats, ticket) {
    var won = {};
    active.forEach(function (p) { won[p] = 0; });
    for (var seat = 1; seat <= seats; seat++) {
      var best = null, tied = [];
      active.forEach(function (p) {
        var q = averages[method](votes[p], won[p]), c = best === null ? 1 : cmp(q, best);
        if (c > 0) { best = q; tied = [p]; } else if (c === 0) tied.push(p);
      });
      won[tied.length > 1 ? lottery(ticket, tied)[0] : tied[0]]++;
    }
    return won;
  }
  function largestRemainder(method, votes, active, seats, ticket) {
    var total = active.reduce(function (s, p) { return s + votes[p]; }, 0n), quota = quotas[method](total, seats), won = {}, rest = {};
    active.forEach(function (p) {
      var whole = (votes[p] * quota.d) / quota.n;
      won[p] = Number(whole);
      rest[p] = { n: (votes[p] * quota.d) - (whole * quota.n), d: quota.d };
    });
    var left = seats - active.reduce(function (s, p) { return s + won[p]; }, 0);
    if (left < 0) {
      var rank = {};
      lottery(ticket, active).forEach(function (p, i) { rank[p] = i; });
      for (var k = 0; k < -left; k++) {
        var smallest = active.filter(function (p) { return won[p] > 0; })
          .sort(function (a, b) { return cmp(rest[a], rest[b]) || rank[b] - rank[a]; })[0];
        won[smallest]--;
        rest[smallest] = { n: rest[smallest].n + quota.n, d: rest[smallest].d };
      }
      return won;
    }
    var ranked = active.slice().sort(function (a, b) { return cmp(rest[b], rest[a]); });
    if (left > 0 && left < ranked.length && cmp(rest[ranked[left - 1]], rest[ranked[left]]) === 0) {
      var edge = rest[ranked[left]];
      ranked = ranked.filter(function (p) { return cmp(rest[p], edge) > 0; })
        .concat(lottery(ticket, ranked.filter(function (p) { return cmp(rest[p], edge) === 0; })))
        .concat(ranked.filter(function (p) { return cmp(rest[p], edge) < 0; }));
    }
    for (var i = 0; i < Math.max(left, 0); i++) won[ranked[i % ranked.length]]++;
    return won;
  }

  // What the definition's seat rules ask that this file does not re-run (null when it re-runs them all).
  function unknownRule(contest) {
    var rules = contest.seatRules || {};
    if (!(rules.method in averages) && !(rules.method in quotas)) return 'method ' + rules.method;
    var others = ['regionalThreshold', 'alternativeDistrictSeats', 'apportionTo', 'mixedMember']
      .filter(function (k) { return rules[k] !== undefined && rules[k] !== false; });
    if (rules.agreements && rules.agreements.length) others.push('agreements');
    return others.length ? others.join(', ') : null;
  }

  // A party-list contest's seats and who passed the threshold, from its tally at its own area (ContestSeats.PartyList):
  // { seats: {party: n}, passed: {party: bool} }, or { unknown: 'the rule' } for a rule not re-run here.
  async function partyList(definition, contest, tally) {
    var unknown = unknownRule(contest);
    if (unknown) return { unknown: unknown };
    var rules = contest.seatRules, kinds = {};
    definition.choices.forEach(function (c) { kinds[c.id] = c; });
    var parties = contest.choices.filter(function (id) { return kinds[id].kind === 'party'; }), votes = {}, seats = {}, passed = {};
    parties.forEach(function (p) { votes[p] = B(tally.votes[p] || 0); seats[p] = 0; passed[p] = false; });
    if (contest.minimumTurnout !== undefined && tooFew(contest, tally)) return { seats: seats, passed: passed };
    var threshold = rules.threshold, basis = (threshold && threshold.base) || 'valid';
    var base = B(basis === 'participation' ? tally.participation
      : basis === 'party-votes' ? parties.reduce(function (s, p) { return s + (tally.votes[p] || 0); }, 0) : tally.valid);
    var coalitions = (rules.coalitionThresholds || []).slice().sort(function (a, b) { return b.minMembers - a.minMembers; });
    parties.forEach(function (p) {
      var members = kinds[p].coalitionMembers || 1, coalition = coalitions.filter(function (c) { return members >= c.minMembers; })[0];
      var percent = coalition ? coalition.percent || 0 : threshold ? threshold.percent || 0 : null;
      if (percent === null) { passed[p] = true; return; }
      var f = exact(percent);
      passed[p] = votes[p] * 100n * f.d >= f.n * base;
    });
    var ticket = await tickets(definition.id + '/' + contest.id, parties), toFill = contest.seats;
    var active = parties.filter(function (p) { return passed[p] && votes[p] > 0n; });
    while (active.length && toFill > 0) {
      var round = (rules.method in quotas ? largestRemainder : highestAverages)(rules.method, votes, active, toFill, ticket);
      var cap = rules.maxSeatsPerParty, capped = cap ? active.filter(function (p) { return round[p] > cap; }) : [];
      if (!capped.length) {
        active.forEach(function (p) { seats[p] += round[p]; });
        break;
      }
      capped.forEach(function (p) {
        seats[p] = cap;
        toFill -= cap;
        active.splice(active.indexOf(p), 1);
      });
    }
    return { seats: seats, passed: passed };
  }

  function tooFew(contest, tally) {
    if (contest.minimumTurnout === undefined || tally.registered <= 0) return false;
    var f = exact(contest.minimumTurnout);
    return B(tally.participation) * 100n * f.d < f.n * B(tally.registered);
  }

  // A single-member contest's outcome (SingleMemberWinner.Decide): { kind, winner, votes, margin } with kind one of elected, not-counted,
  // turnout-too-low, tie, against-all-leads, runoff-required.
  async function singleMember(definition, contest, tally) {
    var kinds = {}, choices = contest.choices, v = function (id) { return tally.votes[id] || 0; };
    definition.choices.forEach(function (c) { kinds[c.id] = c.kind; });
    if (tally.reporting === 0 || tally.valid === 0) return { kind: 'not-counted' };
    if (tooFew(contest, tally)) return { kind: 'turnout-too-low' };
    var most = Math.max.apply(null, choices.map(v)), leaders = choices.filter(function (id) { return v(id) === most; });
    if (leaders.length > 1 && !contest.majority) return { kind: 'tie' };
    var second = Math.max.apply(null, [0].concat(choices.filter(function (id) { return id !== leaders[0]; }).map(v)));
    if (leaders.length === 1 && kinds[leaders[0]] === 'against-all' && contest.againstAllBlocks) return { kind: 'against-all-leads' };
    var candidates = choices.filter(function (id) { return kinds[id] !== 'against-all'; });
    if (contest.majority === 'absolute') {
      var ticket = await tickets(definition.id + '/' + contest.id, candidates);
      var ranked = candidates.slice().sort(function (a, b) { return v(b) - v(a) || (ticket[a] < ticket[b] ? -1 : ticket[a] > ticket[b] ? 1 : 0); });
      var total = contest.majorityBase === 'participation' ? tally.participation : tally.valid;
      if (!ranked.length || v(ranked[0]) === 0) return { kind: 'not-counted' };
      if (v(ranked[0]) * 2 > total) {
        var runner = Math.max.apply(null, [0].concat(choices.filter(function (id) { return id !== ranked[0]; }).map(v)));
        return { kind: 'elected', winner: ranked[0], votes: v(ranked[0]), margin: v(ranked[0]) - runner };
      }
      return { kind: 'runoff-required' };
    }
    if (kinds[leaders[0]] !== 'against-all') return { kind: 'elected', winner: leaders[0], votes: most, margin: most - second };
    var best = Math.max.apply(null, [0].concat(candidates.map(v)));
    if (best === 0) return { kind: 'not-counted' };
    var top = candidates.filter(function (id) { return v(id) === best; });
    if (top.length > 1) return { kind: 'tie' };
    var next = Math.max.apply(null, [0].concat(candidates.filter(function (id) { return v(id) !== best; }).map(v)));
    return { kind: 'elected', winner: top[0], votes: best, margin: best - next };
  }

  return { linear: linear, partyList: partyList, singleMember: singleMember };
})();
