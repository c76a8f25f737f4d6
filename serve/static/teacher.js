// The teacher's dashboard: the class, refreshed every two seconds; a learner's terminal read-only;
// start, stop, reset; the gradebook files. Learner text goes in with textContent only.
(function () {
  'use strict';
  var data = JSON.parse(document.querySelector('meta[name="grade-data"]').getAttribute('content'));
  var wsBase = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host;
  var watching = null;
  // Every request names the page's exercise: a server may serve several, a lab for each.
  function at(path) {
    return path + (path.indexOf('?') < 0 ? '?' : '&') + 'ex=' + encodeURIComponent(data.exercise.id);
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function post(path) {
    return fetch(at(path), { method: 'POST', credentials: 'same-origin', headers: { 'content-type': 'application/json', 'x-csrf-token': data.csrf }, body: '{}' })
      .then(function (r) { return r.json().then(function (j) { if (!r.ok) throw new Error(j.error); return j; }); });
  }
  function minutes(ms) { return Math.round(ms / 60000) + ' min'; }

  function watch(learner, node) {
    if (watching) { watching.closed = true; watching.ws.close(); watching.term.dispose(); }
    var box = document.getElementById('watch');
    box.textContent = '';
    document.getElementById('watch-title').textContent = learner + ' / ' + node + ' (read-only)';
    var term = new Terminal({ disableStdin: true, fontSize: 13 });
    var fit = new FitAddon.FitAddon();
    term.loadAddon(fit);
    term.open(box);
    fit.fit();
    var ws = new WebSocket(wsBase + at('/ws/teacher/watch/' + encodeURIComponent(learner) + '/' + encodeURIComponent(node)));
    watching = { ws: ws, term: term };
    ws.onmessage = function (ev) {
      var m = JSON.parse(ev.data);
      if (m.t === 'out') {
        var s = atob(m.d), a = new Uint8Array(s.length);
        for (var i = 0; i < s.length; i++) a[i] = s.charCodeAt(i);
        term.write(a);
      } else if (m.t === 'error') term.write('[no open shell on this node]\r\n');
    };
  }

  function render(view) {
    var body = document.querySelector('#learners tbody');
    body.textContent = '';
    view.learners.forEach(function (l) {
      var tr = el('tr');
      tr.dataset.learner = l.id;
      tr.dataset.state = l.state;
      [l.id, l.name, l.state, l.passing + '/' + l.total, l.earned + '/' + l.possible, l.handedIn ? l.handedIn.earned + '/' + l.handedIn.possible + ' ' + l.handedIn.status : '', minutes(l.timeSpentMs), l.lastActivity ? l.lastActivity.slice(11, 19) : '']
        .forEach(function (t) { tr.appendChild(el('td', '', t)); });
      var actions = el('td');
      ['start', 'stop', 'reset'].forEach(function (a) {
        var b = el('button', a, a);
        b.addEventListener('click', function () { post('/api/teacher/learner/' + encodeURIComponent(l.id) + '/' + a).then(refresh, function (e) { alert(e.message); }); });
        actions.appendChild(b);
      });
      view.nodes.forEach(function (n) {
        var b = el('button', 'watch', n);
        b.addEventListener('click', function () { watch(l.id, n); });
        actions.appendChild(b);
      });
      tr.appendChild(actions);
      body.appendChild(tr);
    });
    var checks = document.querySelector('#checks tbody');
    checks.textContent = '';
    view.checks.forEach(function (c) {
      var tr = el('tr');
      tr.appendChild(el('td', '', c.title));
      tr.appendChild(el('td', '', c.of ? Math.round((100 * c.passing) / c.of) + '% (' + c.passing + '/' + c.of + ')' : '–'));
      checks.appendChild(tr);
    });
  }

  function refresh() {
    fetch(at('/api/teacher/class'), { credentials: 'same-origin' }).then(function (r) { return r.json(); }).then(render);
    fetch('/api/teacher/gradebook', { credentials: 'same-origin' }).then(function (r) { return r.json(); }).then(function (g) {
      var ul = document.getElementById('gradebooks');
      ul.textContent = '';
      g.files.forEach(function (f) {
        var li = el('li');
        var a = el('a', '', f);
        a.href = '/api/teacher/gradebook/' + encodeURIComponent(f);
        li.appendChild(a);
        ul.appendChild(li);
      });
    });
  }
  refresh();
  setInterval(refresh, 2000);
})();
