// protokoll review, document page: selecting an element shows its source line on the page; selecting a line shows what it became.
(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('review-data').textContent);
  var source = document.querySelector('.source');
  var extracted = document.querySelector('.extracted');
  var inspector = document.getElementById('inspector');
  var self = document.body.getAttribute('data-self');
  var root = new Array(self.split('/').length).join('../');

  function lineNodes(key) { return document.querySelectorAll('.ln[data-line="' + key + '"]'); }
  function esc(s) { return String(s).replace(/[&<>"]/g, function (c) { return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[c]; }); }
  function where(key) { var p = key.split(':'); return 'page ' + p[0] + ', line ' + p[1]; }
  function sitePath(path) { return root + path.split('/').map(encodeURIComponent).join('/'); }

  function clear() {
    document.querySelectorAll('.hl, .hl-part').forEach(function (n) { n.classList.remove('hl', 'hl-part'); });
    document.querySelectorAll('.selected').forEach(function (n) { n.classList.remove('selected'); });
  }

  // Scrolls only the column that holds the node, so the other column stays where the reader left it.
  function reveal(node, column) {
    if (!node || !column) return;
    var c = column.getBoundingClientRect();
    var r = node.getBoundingClientRect();
    if (r.top < c.top + 40 || r.bottom > c.bottom - 20) column.scrollTop += r.top - c.top - c.height / 3;
    if (column.scrollHeight <= column.clientHeight) node.scrollIntoView({ block: 'center' });
  }

  function lineText(key) {
    var l = data.lines[key];
    if (!l) return '<p>' + esc(where(key)) + '</p>';
    var conf = l.confidence !== null ? ' <small>OCR confidence ' + Math.round(l.confidence) + (l.confidence < 60 ? ', low' : '') + '</small>' : '';
    return '<p><b>' + esc(where(key)) + '</b>' + conf + '</p><p class="read">' + esc(l.text) + '</p>';
  }

  function lineNotes(key) {
    var l = data.lines[key];
    if (!l) return '';
    var out = '';
    if (l.warnings.length) out += '<p>Warnings here:</p><ul>' + l.warnings.map(function (w) { return '<li><code>' + esc(w.code) + '</code> ' + esc(w.message) + '</li>'; }).join('') + '</ul>';
    if (l.repairs.length) out += '<p>Repaired here:</p><ul>' + l.repairs.map(function (r) { return '<li><del>' + esc(r.from) + '</del> → <ins>' + esc(r.to) + '</ins> <small>' + esc(r.rule) + '</small></li>'; }).join('') + '</ul>';
    return out;
  }

  function elementLink(id) {
    var e = data.elements[id];
    return '<a href="#el-' + id + '" data-go="' + id + '">' + esc(e ? e.label : id) + '</a>';
  }

  var ZONE_NAMES = { attendees: 'the attendance list', agenda: 'the agenda', signatures: 'the signatures', header: 'the document header', heading: 'an item heading', legend: 'the legend of item kinds' };
  var FIELD_NAMES = { title: 'title', organization: 'organisation', body: 'body', orgNumber: 'organisation number', protocolNumber: 'protocol number', date: 'date', location: 'location', startTime: 'time', endTime: 'end time' };

  /** Highlights lines on the page: the first strongly (where the thing starts), the rest as its continuation. */
  function highlight(keys) {
    var first = null;
    keys.forEach(function (key, i) {
      lineNodes(key).forEach(function (n) {
        n.classList.add(i === 0 ? 'hl' : 'hl-part');
        if (!first) first = n;
      });
    });
    reveal(first, source);
    return first;
  }

  function selectElement(id, node) {
    clear();
    node = node || document.querySelector('[data-el="' + id + '"]');
    if (!node) return;
    node.classList.add('selected');
    var e = data.elements[id];
    var keys = e && e.lines.length ? e.lines : [node.getAttribute('data-line')];
    var shown = highlight(keys);
    var html = '<p><b>' + esc(e ? e.label : id) + '</b> <small>' + esc(e ? e.kind : '') + '</small></p>';
    html += shown ? lineText(keys[0]) : '<p class="became-none">Its line (' + esc(where(keys[0])) + ') has no place marked on the page.</p>';
    if (keys.length > 1) html += '<p><small>and ' + (keys.length - 1) + ' more line' + (keys.length > 2 ? 's' : '') + ' it runs on over (lighter)</small></p>';
    inspector.innerHTML = html + lineNotes(keys[0]);
    markCurrentItem(node);
    history.replaceState(null, '', '#el-' + id);
  }

  /** A warning, repair or header field: it points at one line. */
  function selectPointer(node, key, label) {
    clear();
    node.classList.add('selected');
    highlight([key]);
    inspector.innerHTML = '<p><b>' + esc(label) + '</b></p>' + lineText(key) + lineNotes(key);
  }

  function selectLine(key, node) {
    clear();
    var l = data.lines[key] || { uses: [] };
    lineNodes(key).forEach(function (n) { n.classList.add('hl'); });
    var became = l.uses.map(function (u) {
      if (u.kind === 'start') return '<li>the start of ' + elementLink(u.element) + '</li>';
      if (u.kind === 'part') return '<li>part of ' + elementLink(u.element) + '</li>';
      if (u.kind === 'label') return '<li>the label over ' + elementLink(u.element) + '</li>';
      if (u.kind === 'header') return '<li>the document\'s ' + esc(FIELD_NAMES[u.field] || u.field) + '</li>';
      if (u.kind === 'zone') return '<li>read as part of ' + esc(ZONE_NAMES[u.zone] || u.zone) + ', not an element of its own</li>';
      return '<li>page furniture <small>(' + esc(u.rule) + ')</small>, left out</li>';
    });
    var html = lineText(key);
    html += became.length ? '<p>Became:</p><ul>' + became.join('') + '</ul>' : '<p class="became-none">Not used in the extracted document.</p>';
    inspector.innerHTML = html + lineNotes(key);
    var firstTarget = null;
    l.uses.forEach(function (u) {
      var target = u.element ? document.querySelector('[data-el="' + u.element + '"]') : u.field ? document.querySelector('dd[data-field="' + u.field + '"]') : null;
      if (target) { target.classList.add('selected'); firstTarget = firstTarget || target; }
    });
    reveal(firstTarget, extracted);
    if (node && node.focus) node.focus({ preventScroll: true });
  }

  function markCurrentItem(node) {
    document.querySelectorAll('.item.current').forEach(function (n) { n.classList.remove('current'); });
    var item = node.closest('.item');
    if (item) item.classList.add('current');
  }

  function activate(target) {
    var go = target.closest('[data-go]');
    if (go) { selectElement(go.getAttribute('data-go')); reveal(document.querySelector('[data-el="' + go.getAttribute('data-go') + '"]'), extracted); return true; }
    var ln = target.closest('.ln[data-line]');
    if (ln) { selectLine(ln.getAttribute('data-line'), ln); return true; }
    var el = target.closest('.el[data-el]');
    if (el) { selectElement(el.getAttribute('data-el'), el); return true; }
    var at = target.closest('.at[data-line]');
    if (at) { selectPointer(at, at.getAttribute('data-line'), at.textContent); return true; }
    var dd = target.closest('dd[data-field]');
    if (dd && data.headers[dd.getAttribute('data-field')]) { selectPointer(dd, data.headers[dd.getAttribute('data-field')], dd.previousElementSibling.textContent + ': ' + dd.textContent); return true; }
    return false;
  }

  // Header fields that were found on a line can be selected like elements.
  Object.keys(data.headers).forEach(function (field) {
    var dd = document.querySelector('dd[data-field="' + field + '"]');
    if (dd) { dd.setAttribute('data-line', data.headers[field]); dd.tabIndex = 0; }
  });

  document.addEventListener('click', function (event) {
    if (activate(event.target)) event.preventDefault();
  });

  // Neighbouring documents, in the index's order (order.js is written with the index).
  var order = window.REVIEW_ORDER || [];
  var at = order.indexOf(self);
  function neighbour(cls, index) {
    var a = document.querySelector(cls);
    if (a && index >= 0 && index < order.length) { a.href = sitePath(order[index]); a.removeAttribute('aria-disabled'); }
    return a;
  }
  var prev = neighbour('.prev-doc', at >= 0 ? at - 1 : -1);
  var next = neighbour('.next-doc', at >= 0 ? at + 1 : -1);

  var toggle = document.getElementById('show-lines');
  toggle.addEventListener('change', function () { document.body.classList.toggle('show-lines', toggle.checked); });
  var help = document.getElementById('help');
  document.querySelector('.help-button').addEventListener('click', function () { help.hidden = !help.hidden; });

  var items = Array.prototype.slice.call(document.querySelectorAll('.item-heading'));
  function stepItem(step) {
    if (!items.length) return;
    var current = document.querySelector('.item.current .item-heading');
    var i = items.indexOf(current);
    var nextIndex = i < 0 ? (step > 0 ? 0 : items.length - 1) : Math.max(0, Math.min(items.length - 1, i + step));
    var node = items[nextIndex];
    selectElement(node.getAttribute('data-el'), node);
    node.focus({ preventScroll: true });
    reveal(node, extracted);
  }

  document.addEventListener('keydown', function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var tag = event.target.tagName;
    if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT') return;
    if ((event.key === 'Enter' || event.key === ' ') && event.target.matches && event.target.matches('.el, .at[data-line], dd[data-line], li.ln')) {
      if (activate(event.target)) event.preventDefault();
      return;
    }
    switch (event.key) {
      case 'j': stepItem(1); break;
      case 'k': stepItem(-1); break;
      case 'n': if (next && next.href) location.href = next.href; break;
      case 'p': if (prev && prev.href) location.href = prev.href; break;
      case 'i': location.href = root + 'index.html'; break;
      case 'l': toggle.checked = !toggle.checked; toggle.dispatchEvent(new Event('change')); break;
      case '?': help.hidden = !help.hidden; break;
      case 'Escape': clear(); inspector.innerHTML = '<p class="hint">Select an element to see where it came from, or a line on the page to see what it became.</p>'; break;
      default: return;
    }
    event.preventDefault();
  });

  // A link to #el-i3 opens with that element selected.
  var fromHash = /^#el-(.+)$/.exec(location.hash);
  if (fromHash && data.elements[fromHash[1]]) {
    var target = document.querySelector('[data-el="' + fromHash[1] + '"]');
    selectElement(fromHash[1], target);
    reveal(target, extracted);
  }
})();
