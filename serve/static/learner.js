// The learner's page: a terminal per node (xterm.js over a WebSocket that resumes where it left off),
// the live checklist, the map, reset and hand in. Every server text goes in with textContent.
(function () {
  'use strict';
  var data = JSON.parse(document.querySelector('meta[name="grade-data"]').getAttribute('content'));
  var words = data.words;
  var wsBase = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host;
  var terms = {};
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

  function post(path, body) {
    return fetch(at(path), {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', 'x-csrf-token': data.csrf },
      body: JSON.stringify(body || {}),
    }).then(function (r) {
      return r.json().then(function (j) {
        if (!r.ok) throw new Error(j.error || r.statusText);
        return j;
      });
    });
  }

  function decode(b64) {
    var s = atob(b64);
    var a = new Uint8Array(s.length);
    for (var i = 0; i < s.length; i++) a[i] = s.charCodeAt(i);
    return a;
  }

  // One node's terminal: it keeps the sequence number of what it has shown, so a reconnect gets only the rest.
  function NodeTerm(node, box) {
    var self = this;
    this.node = node;
    this.seq = 0;
    this.term = new Terminal({ cursorBlink: true, fontSize: 14, scrollback: 5000, convertEol: false });
    this.fit = new FitAddon.FitAddon();
    this.term.loadAddon(this.fit);
    this.term.open(box);
    this.fit.fit();
    this.term.onData(function (d) { self.send({ t: 'in', d: d }); });
    this.term.onResize(function (s) { self.send({ t: 'resize', cols: s.cols, rows: s.rows }); });
    this.connect();
  }
  NodeTerm.prototype.send = function (m) {
    if (this.ws && this.ws.readyState === 1) this.ws.send(JSON.stringify(m));
  };
  NodeTerm.prototype.connect = function () {
    var self = this;
    var q = '?since=' + this.seq + '&cols=' + this.term.cols + '&rows=' + this.term.rows;
    var ws = new WebSocket(wsBase + at('/ws/learner/terminal/' + encodeURIComponent(this.node) + q));
    this.ws = ws;
    ws.onmessage = function (ev) {
      var m = JSON.parse(ev.data);
      if (m.t === 'out') {
        self.term.write(decode(m.d));
        self.seq = m.seq;
      } else if (m.t === 'error') self.term.write('\r\n[' + m.error + ']\r\n');
      else if (m.t === 'end') self.seq = 0;
    };
    ws.onclose = function () {
      if (self.closed) return;
      // A dropped connection (or an ended shell) comes back: the server replays what was missed.
      setTimeout(function () { self.connect(); }, 1000);
    };
  };
  NodeTerm.prototype.restart = function () {
    this.seq = 0;
    this.term.reset();
    if (this.ws) this.ws.close();
  };

  var tabs = document.getElementById('tabs');
  var boxes = document.getElementById('terminals');
  function show(node) {
    Array.prototype.forEach.call(boxes.children, function (b) { b.hidden = b.dataset.node !== node; });
    Array.prototype.forEach.call(tabs.querySelectorAll('button.tab'), function (b) { b.classList.toggle('active', b.dataset.node === node); });
    if (!terms[node]) terms[node] = new NodeTerm(node, boxes.querySelector('[data-node="' + node + '"] .term'));
    terms[node].fit.fit();
    terms[node].term.focus();
  }
  data.nodes.forEach(function (n) {
    var tab = el('button', 'tab', n.name + (n.owner === 'lab' ? ' (' + words.lookOnly + ')' : ''));
    tab.dataset.node = n.name;
    tab.addEventListener('click', function () { show(n.name); });
    tabs.appendChild(tab);
    var box = el('div', 'node');
    box.dataset.node = n.name;
    var bar = el('div', 'bar');
    if (n.owner !== 'lab') {
      var reset = el('button', 'reset-node', words.resetNode);
      reset.dataset.node = n.name;
      reset.addEventListener('click', function () {
        reset.disabled = true;
        post('/api/learner/reset-node', { node: n.name }).then(function () {
          if (terms[n.name]) terms[n.name].restart();
        }).catch(function (e) { alert(e.message); }).then(function () { reset.disabled = false; });
      });
      bar.appendChild(reset);
    }
    box.appendChild(bar);
    box.appendChild(el('div', 'term'));
    boxes.appendChild(box);
  });
  var first = data.nodes.filter(function (n) { return n.owner !== 'lab'; })[0] || data.nodes[0];
  show(first.name);
  window.addEventListener('resize', function () { Object.keys(terms).forEach(function (k) { terms[k].fit.fit(); }); });

  function renderChecks(view, list, score) {
    score.textContent = view.score.earned + ' / ' + view.score.possible;
    list.textContent = '';
    var changed = {};
    view.changes.forEach(function (c) { changed[c.id] = c.kind; });
    view.checks.forEach(function (c) {
      var li = el('li', 'check ' + c.status);
      li.dataset.check = c.id;
      li.dataset.status = c.status;
      li.appendChild(el('span', 'mark', c.status === 'pass' ? '✔' : c.status === 'fail' ? '✘' : '?'));
      li.appendChild(el('span', 'title', c.title));
      if (changed[c.id]) li.appendChild(el('span', 'changed', changed[c.id] === 'now-passing' ? words.nowPassing : words.nowFailing));
      if (c.status !== 'pass') {
        li.appendChild(el('div', 'detail', words.expected + ': ' + c.expected));
        li.appendChild(el('div', 'detail', words.observed + ': ' + c.observed));
        if (c.hint) li.appendChild(el('div', 'hint', words.hint + ': ' + c.hint));
        c.because.forEach(function (b) { li.appendChild(el('div', 'because', words.because + ': ' + b)); });
      }
      list.appendChild(li);
    });
  }

  var checklist = document.getElementById('checklist');
  var scoreLine = document.getElementById('score');
  var map = document.getElementById('map');
  function listen() {
    var ws = new WebSocket(wsBase + at('/ws/learner/checklist'));
    ws.onmessage = function (ev) {
      var m = JSON.parse(ev.data);
      if (m.t !== 'checks') return;
      renderChecks(m, checklist, scoreLine);
      document.body.dataset.status = m.status;
      map.src = at('/api/learner/map.svg?at=' + Date.now());
    };
    ws.onclose = function () { setTimeout(listen, 1000); };
  }
  listen();

  document.getElementById('reset-lab').addEventListener('click', function (ev) {
    if (!confirm(words.confirmResetLab)) return;
    ev.target.disabled = true;
    post('/api/learner/reset-lab').then(function () {
      Object.keys(terms).forEach(function (k) { terms[k].restart(); });
    }).catch(function (e) { alert(e.message); }).then(function () { ev.target.disabled = false; });
  });

  var report = document.getElementById('report');
  document.getElementById('hand-in').addEventListener('click', function (ev) {
    ev.target.disabled = true;
    report.textContent = words.handingIn;
    post('/api/learner/hand-in').then(function (r) {
      report.textContent = '';
      if (r.invalid) { report.textContent = r.invalid; return; }
      var score = el('p', 'score');
      var list = el('ul', 'checklist');
      report.appendChild(score);
      report.appendChild(list);
      renderChecks(r.report, list, score);
      report.dataset.status = r.report.status;
    }).catch(function (e) { report.textContent = e.message; }).then(function () { ev.target.disabled = false; });
  });
})();
