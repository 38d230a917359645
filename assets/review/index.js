// protokoll review, index: sort by any column, filter by status, warning code and text, keyboard to move and open.
(function () {
  'use strict';
  var table = document.getElementById('documents');
  var body = table.querySelector('.rows');
  var rows = Array.prototype.slice.call(body.children);
  var headers = Array.prototype.slice.call(table.querySelector('.row.head').children);
  var text = document.getElementById('filter-text');
  var status = document.getElementById('filter-status');
  var code = document.getElementById('filter-code');
  var attention = document.getElementById('attention-first');
  var shown = document.getElementById('shown');
  var sortCol = 0;
  var sortDir = 1;
  var head = document.querySelector('.index-head');

  // The column titles stick under the header, whatever height the header wraps to.
  function placeHeader() { document.documentElement.style.setProperty('--head-height', head.offsetHeight + 'px'); }
  window.addEventListener('resize', placeHeader);
  placeHeader();

  function value(row, col) { return row.children[col].getAttribute('data-v'); }

  function compare(a, b) {
    if (attention.checked) {
      var d = Number(b.getAttribute('data-attention')) - Number(a.getAttribute('data-attention'));
      if (d) return d;
    }
    var type = headers[sortCol].getAttribute('data-type');
    var x = value(a, sortCol), y = value(b, sortCol);
    var r;
    if (type === 'number') {
      // Empty cells (a failed input has no counts) go last whichever way the column is sorted.
      if (x === '' || y === '') return x === y ? 0 : x === '' ? 1 : -1;
      r = Number(x) - Number(y);
    } else {
      r = x.localeCompare(y, 'sv', { numeric: true });
    }
    return r * sortDir || value(a, 0).localeCompare(value(b, 0), 'sv', { numeric: true });
  }

  function sort() {
    var sorted = rows.slice().sort(compare);
    var fragment = document.createDocumentFragment();
    sorted.forEach(function (r) { fragment.appendChild(r); });
    body.appendChild(fragment);
    headers.forEach(function (h, i) { h.setAttribute('aria-sort', i === sortCol ? (sortDir > 0 ? 'ascending' : 'descending') : 'none'); });
  }

  function filter() {
    var q = text.value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    var s = status.value;
    var c = code.value;
    var n = 0;
    rows.forEach(function (r) {
      var codes = r.getAttribute('data-codes');
      var ok = (!s || r.getAttribute('data-status') === s)
        && (!c || (c === '-' ? codes === '' : (' ' + codes + ' ').indexOf(' ' + c + ' ') >= 0))
        && q.every(function (w) { return r.getAttribute('data-search').indexOf(w) >= 0; });
      r.hidden = !ok;
      if (ok) n++;
    });
    shown.textContent = n + ' shown';
  }

  headers.forEach(function (h, i) {
    h.querySelector('button').addEventListener('click', function () {
      if (sortCol === i) sortDir = -sortDir; else { sortCol = i; sortDir = h.getAttribute('data-type') === 'number' ? -1 : 1; }
      sort();
    });
  });
  [text, status, code].forEach(function (el) { el.addEventListener('input', filter); el.addEventListener('change', filter); });
  attention.addEventListener('change', sort);

  function visible() { return Array.prototype.slice.call(body.children).filter(function (r) { return !r.hidden; }); }
  function move(step) {
    var list = visible();
    if (!list.length) return;
    var current = body.querySelector('.row.current');
    var i = list.indexOf(current);
    var next = list[i < 0 ? 0 : Math.max(0, Math.min(list.length - 1, i + step))];
    if (current) current.classList.remove('current');
    next.classList.add('current');
    next.focus();
  }
  function open(row) {
    var href = row && row.querySelector('a');
    if (href) location.href = href.href;
  }

  body.addEventListener('click', function (event) {
    var row = event.target.closest('.row');
    if (!row) return;
    var current = body.querySelector('.row.current');
    if (current) current.classList.remove('current');
    row.classList.add('current');
  });

  document.addEventListener('keydown', function (event) {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    var tag = event.target.tagName;
    if (tag === 'INPUT' || tag === 'SELECT') {
      if (event.key === 'Escape' || (event.key === 'Enter' && tag === 'INPUT')) { event.target.blur(); move(0); event.preventDefault(); }
      return;
    }
    switch (event.key) {
      case 'j': case 'ArrowDown': move(1); break;
      case 'k': case 'ArrowUp': move(-1); break;
      case 'Enter': open(body.querySelector('.row.current')); break;
      case '/': text.focus(); break;
      default: return;
    }
    event.preventDefault();
  });

  filter();
})();
