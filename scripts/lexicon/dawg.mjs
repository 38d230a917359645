// Builds a minimal acyclic automaton (DAWG) over sorted strings and packs it into flat arrays, so
// the runtime can load 800k word forms with one readFileSync and walk them without a parse step.
//
// Layout written by pack(): a node is a run of consecutive edges; edge i has
//   label[i]  (Uint8: symbol code; codes < 128 are role labels that end a word, >= 128 are letters)
//   next[i]   (Uint32: index of the first edge of the target node; bit 31 marks a node's last edge)
// The root node starts at edge 0. Role-label edges point at 0 (they lead nowhere).

export function buildDawg(sortedSeqs) {
  // Daciuk et al. incremental construction for sorted input.
  let nextId = 1;
  const root = { id: 0, edges: [] }; // edges: [symbol, node] sorted by symbol
  const register = new Map();
  const unchecked = []; // [parent, symbol, child]
  let prev = [];
  const sig = (n) => n.edges.map(([s, c]) => `${s}:${c.id}`).join(',');
  function minimize(downTo) {
    while (unchecked.length > downTo) {
      const [parent, , child] = unchecked.pop();
      const key = sig(child);
      const found = register.get(key);
      if (found) parent.edges[parent.edges.length - 1][1] = found;
      else register.set(key, child);
    }
  }
  for (const seq of sortedSeqs) {
    let common = 0;
    while (common < seq.length && common < prev.length && seq[common] === prev[common]) common++;
    minimize(common);
    let node = unchecked.length ? unchecked[unchecked.length - 1][2] : root;
    for (let i = common; i < seq.length; i++) {
      const child = { id: nextId++, edges: [] };
      node.edges.push([seq[i], child]);
      unchecked.push([node, seq[i], child]);
      node = child;
    }
    prev = seq;
  }
  minimize(0);
  return root;
}

export function pack(root) {
  // assign edge offsets depth-first; each distinct node once
  const offset = new Map();
  const order = [];
  let total = 0;
  const stack = [root];
  while (stack.length) {
    const n = stack.pop();
    if (offset.has(n) || n.edges.length === 0) continue;
    offset.set(n, total);
    total += n.edges.length;
    order.push(n);
    for (let i = n.edges.length - 1; i >= 0; i--) stack.push(n.edges[i][1]);
  }
  const label = new Uint8Array(total);
  const next = new Uint32Array(total);
  for (const n of order) {
    const base = offset.get(n);
    n.edges.forEach(([s, c], i) => {
      label[base + i] = s;
      next[base + i] = (c.edges.length ? offset.get(c) : 0) | (i === n.edges.length - 1 ? 0x80000000 : 0);
    });
  }
  return { label, next, edges: total };
}
